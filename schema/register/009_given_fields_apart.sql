-- Where a source record came from and its row as given move to their own table, source_record_given, one
-- row per record with the same id. source_record keeps what dedupe, golden records, the entry-time check
-- and the review read and write all the time: the unit's ids, the orderer link, the mapped fields and
-- their normalised keys. Rows of less than half the width: a dedupe that moves records between orderers
-- and an import that builds the key indexes read less than half the pages.

CREATE TABLE source_record_given (
    record_id         INTEGER PRIMARY KEY REFERENCES source_record(id),
    file              TEXT NOT NULL,
    line              INTEGER NOT NULL,
    raw               TEXT NOT NULL,       -- the row as given (see 006: an array under the batch's header, or an object)
    contact_person    TEXT,                -- as given (trimmed)
    first_imported_at TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

INSERT INTO source_record_given(record_id, file, line, raw, contact_person, first_imported_at, updated_at)
SELECT id, file, line, raw, contact_person, first_imported_at, updated_at FROM source_record;

DROP VIEW source_record_raw;
ALTER TABLE source_record DROP COLUMN file;
ALTER TABLE source_record DROP COLUMN line;
ALTER TABLE source_record DROP COLUMN raw;
ALTER TABLE source_record DROP COLUMN contact_person;
ALTER TABLE source_record DROP COLUMN first_imported_at;
ALTER TABLE source_record DROP COLUMN updated_at;

-- As in 006: every raw field of every source record, by position and header.
CREATE VIEW source_record_raw(record_id, position, header, value) AS
SELECT g.record_id, CAST(v.key AS INTEGER), h.value, v.value
FROM source_record_given g
JOIN source_record r ON r.id = g.record_id
JOIN import_batch b ON b.id = r.import_id
JOIN json_each(g.raw) v
JOIN json_each(b.header) h ON h.key = v.key
WHERE b.header IS NOT NULL
UNION ALL
SELECT g.record_id, NULL, v.key, v.value
FROM source_record_given g
JOIN source_record r ON r.id = g.record_id
JOIN import_batch b ON b.id = r.import_id
JOIN json_each(g.raw) v
WHERE b.header IS NULL;
