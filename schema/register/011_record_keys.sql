-- The values the entry-time check looks source records up by, in one table instead of five indexes of
-- source_record: an import of a whole register built those five again after writing its records, and
-- SQLite sorts an index's entries at about 1.5 microseconds each (some 8 s of one core for 4.3 million at
-- 1,000,000 records). Rows of this table can be written already in key order, which SQLite appends at a
-- fifth of that cost; the import that links sorts them itself (see plugins/register/record_keys.hpp).
--
-- kind: 1 business ID (source_record.business_id, valid ones only), 2 phone (phone_e164), 3 email
-- (email_key), 4 street (street_key), 5 name key (name_key). A record has a row for each of these it has.
-- A name of no letters or digits ("-", "***") has an empty name key, which is no key: nothing looks it up
-- (the check refuses such a name).
CREATE TABLE record_key (
    kind      INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 5),
    value     TEXT NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (kind, value, record_id)
) WITHOUT ROWID;

-- source_record's keys as record_key holds them: the triggers below add a record's keys from it, and a bulk
-- import and the tests read it.
CREATE VIEW source_record_keys(kind, value, record_id) AS
SELECT 1, business_id, id FROM source_record WHERE business_id IS NOT NULL
UNION ALL SELECT 2, phone_e164, id FROM source_record WHERE phone_e164 IS NOT NULL
UNION ALL SELECT 3, email_key, id FROM source_record WHERE email_key IS NOT NULL
UNION ALL SELECT 4, street_key, id FROM source_record WHERE street_key IS NOT NULL
UNION ALL SELECT 5, name_key, id FROM source_record WHERE name_key <> '';

INSERT INTO record_key(kind, value, record_id)
SELECT kind, value, record_id FROM source_record_keys ORDER BY kind, value, record_id;

DROP INDEX source_record_business_id;
DROP INDEX source_record_phone;
DROP INDEX source_record_email;
DROP INDEX source_record_street;
DROP INDEX source_record_name_key;

-- Kept in step with source_record by whoever writes it (an import, an orderer entered by hand, a tool):
-- a new record's keys are added, a changed record's keys replaced, a removed record's keys removed. A bulk
-- import that only adds records drops the first trigger while it writes and adds their keys itself.
CREATE TRIGGER record_keys_of_new_record AFTER INSERT ON source_record BEGIN
    INSERT INTO record_key(kind, value, record_id) SELECT kind, value, record_id FROM source_record_keys WHERE record_id = NEW.id;
END;

CREATE TRIGGER record_keys_of_changed_record
AFTER UPDATE OF id, business_id, phone_e164, email_key, street_key, name_key ON source_record BEGIN
    DELETE FROM record_key WHERE kind = 1 AND value = OLD.business_id AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 2 AND value = OLD.phone_e164 AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 3 AND value = OLD.email_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 4 AND value = OLD.street_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 5 AND value = OLD.name_key AND record_id = OLD.id;
    INSERT INTO record_key(kind, value, record_id) SELECT kind, value, record_id FROM source_record_keys WHERE record_id = NEW.id;
END;

CREATE TRIGGER record_keys_of_removed_record AFTER DELETE ON source_record BEGIN
    DELETE FROM record_key WHERE kind = 1 AND value = OLD.business_id AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 2 AND value = OLD.phone_e164 AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 3 AND value = OLD.email_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 4 AND value = OLD.street_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 5 AND value = OLD.name_key AND record_id = OLD.id;
END;
