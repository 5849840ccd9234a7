-- A source record's fields as given move to their own table, source_record_given, one row per record
-- with the same id. source_record keeps what dedupe, the entry-time check and the review read and write
-- all the time: the unit's ids, the orderer link, the name and the normalised keys. Rows of a third of
-- the width: a dedupe that moves records between orderers, an import that builds the key indexes and a
-- dedupe that loads every record's keys each read a third of the pages.

CREATE TABLE source_record_given (
    record_id         INTEGER PRIMARY KEY REFERENCES source_record(id),
    file              TEXT NOT NULL,
    line              INTEGER NOT NULL,
    raw               TEXT NOT NULL,       -- the row as given (see 006: an array under the batch's header, or an object)
    business_id_raw   TEXT,                -- the mapped fields as given (trimmed); the name stays in source_record
    street            TEXT,
    postcode          TEXT,
    city              TEXT,
    phone             TEXT,
    email             TEXT,
    contact_person    TEXT,
    first_imported_at TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

INSERT INTO source_record_given(record_id, file, line, raw, business_id_raw, street, postcode, city, phone, email,
                                contact_person, first_imported_at, updated_at)
SELECT id, file, line, raw, business_id_raw, street, postcode, city, phone, email, contact_person, first_imported_at,
       updated_at
FROM source_record;

DROP VIEW source_record_raw;
ALTER TABLE source_record DROP COLUMN file;
ALTER TABLE source_record DROP COLUMN line;
ALTER TABLE source_record DROP COLUMN raw;
ALTER TABLE source_record DROP COLUMN business_id_raw;
ALTER TABLE source_record DROP COLUMN street;
ALTER TABLE source_record DROP COLUMN postcode;
ALTER TABLE source_record DROP COLUMN city;
ALTER TABLE source_record DROP COLUMN phone;
ALTER TABLE source_record DROP COLUMN email;
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
