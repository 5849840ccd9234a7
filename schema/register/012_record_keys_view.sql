-- source_record's keys as record_key holds them, as a view: 011's triggers, made again here, add a record's
-- keys from it (one statement instead of a list of five in each), and a bulk import and the tests read it. A
-- name of no letters or digits ("-", "***") has an empty name key, which is no key: nothing looks it up (the
-- check refuses such a name), and 011 had added it.
CREATE VIEW source_record_keys(kind, value, record_id) AS
SELECT 1, business_id, id FROM source_record WHERE business_id IS NOT NULL
UNION ALL SELECT 2, phone_e164, id FROM source_record WHERE phone_e164 IS NOT NULL
UNION ALL SELECT 3, email_key, id FROM source_record WHERE email_key IS NOT NULL
UNION ALL SELECT 4, street_key, id FROM source_record WHERE street_key IS NOT NULL
UNION ALL SELECT 5, name_key, id FROM source_record WHERE name_key <> '';

DELETE FROM record_key WHERE kind = 5 AND value = '';

DROP TRIGGER record_keys_of_new_record;
CREATE TRIGGER record_keys_of_new_record AFTER INSERT ON source_record BEGIN
    INSERT INTO record_key(kind, value, record_id) SELECT kind, value, record_id FROM source_record_keys WHERE record_id = NEW.id;
END;

DROP TRIGGER record_keys_of_changed_record;
CREATE TRIGGER record_keys_of_changed_record
AFTER UPDATE OF id, business_id, phone_e164, email_key, street_key, name_key ON source_record BEGIN
    DELETE FROM record_key WHERE kind = 1 AND value = OLD.business_id AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 2 AND value = OLD.phone_e164 AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 3 AND value = OLD.email_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 4 AND value = OLD.street_key AND record_id = OLD.id;
    DELETE FROM record_key WHERE kind = 5 AND value = OLD.name_key AND record_id = OLD.id;
    INSERT INTO record_key(kind, value, record_id) SELECT kind, value, record_id FROM source_record_keys WHERE record_id = NEW.id;
END;
