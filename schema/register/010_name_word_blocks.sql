-- The name-word index kept as blocks of record ids per word instead of one row per word and record: an
-- import of a whole register wrote 2.7 million rows for 14,000 words at 1,000,000 records (5 s of its
-- time); as blocks of up to 64 ids it is some 55,000 rows. How many records have each word is kept in
-- name_word, for the check's weights. See plugins/register/name_words.hpp.
CREATE TABLE name_word_block (
    word         TEXT NOT NULL,
    first_record INTEGER NOT NULL,    -- the smallest record id in the block
    count        INTEGER NOT NULL,    -- how many record ids it holds (1 to 64)
    records      TEXT NOT NULL,       -- the record ids, a JSON array
    PRIMARY KEY (word, first_record)
) WITHOUT ROWID;

INSERT INTO name_word_block(word, first_record, count, records)
SELECT token, min(record_id), count(*), json_group_array(record_id)
FROM (SELECT token, record_id, (row_number() OVER (PARTITION BY token ORDER BY record_id) - 1) / 64 AS block
      FROM source_name_token)
GROUP BY token, block;

CREATE TABLE name_word (
    word    TEXT PRIMARY KEY,
    records INTEGER NOT NULL          -- how many records have the word: the sum of its blocks' counts
) WITHOUT ROWID;

INSERT INTO name_word(word, records) SELECT word, sum(count) FROM name_word_block GROUP BY word;

DROP TABLE source_name_token;

-- The word counts dedupe used to keep for the check: name_word has them now, always current.
DELETE FROM register_stat WHERE kind = 'token';
