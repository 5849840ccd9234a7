-- Source records keep their row as given without repeating the file's header on every row: an import
-- stores its header once, in import_batch.header (a JSON array of the header names in file order,
-- repeats and empty names included), and each record it writes keeps raw as a JSON array of the row's
-- values in the same order. Batches without a header (imports before this migration, `register add`)
-- keep raw as a JSON object of header and value. source_record_raw reads either form by header name.

ALTER TABLE import_batch ADD COLUMN header TEXT;

-- Every raw field of every source record: its 0-based column (NULL in the object form, whose headers
-- are unique), the header it was under, and its value as given.
CREATE VIEW source_record_raw(record_id, position, header, value) AS
SELECT r.id, CAST(v.key AS INTEGER), h.value, v.value
FROM source_record r
JOIN import_batch b ON b.id = r.import_id
JOIN json_each(r.raw) v
JOIN json_each(b.header) h ON h.key = v.key
WHERE b.header IS NOT NULL
UNION ALL
SELECT r.id, NULL, v.key, v.value
FROM source_record r
JOIN import_batch b ON b.id = r.import_id
JOIN json_each(r.raw) v
WHERE b.header IS NULL;
