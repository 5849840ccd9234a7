-- Two indexes no query uses, which every import of a whole register built again (about 2 s each at
-- 1,000,000 records): orderers are listed by id and looked up by id or business ID, never by name; a
-- record's name words are removed by word and record id (the table's key), never by record id alone.
DROP INDEX orderer_name;
DROP INDEX source_name_token_record;
