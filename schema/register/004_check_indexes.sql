-- Indexes for the entry-time check: a new orderer is compared with the records that share a business
-- ID, phone, email, street or a name word, found through these indexes instead of a scan.

CREATE TABLE source_name_token (
    token     TEXT NOT NULL,
    record_id INTEGER NOT NULL REFERENCES source_record(id),
    PRIMARY KEY (token, record_id)
) WITHOUT ROWID;
CREATE INDEX source_name_token_record ON source_name_token(record_id);

-- The words of every name key already imported.
WITH RECURSIVE words(record_id, word, rest) AS (
    SELECT id, '', name_key || ' ' FROM source_record
    UNION ALL
    SELECT record_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1)
    FROM words WHERE rest <> ''
)
INSERT OR IGNORE INTO source_name_token(token, record_id) SELECT word, record_id FROM words WHERE word <> '';

CREATE INDEX source_record_phone ON source_record(phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX source_record_email ON source_record(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX source_record_street ON source_record(street_key) WHERE street_key IS NOT NULL;
CREATE INDEX source_record_name_key ON source_record(name_key);
