-- What an incremental dedupe run needs to give the clusters a run over the whole register would give.
--
-- A record an import changes in place loses its old keys; the next incremental run needs them to find the
-- old pairs the change moved: the record left the blocks of its old keys (a common block's sorted window
-- shifts for its neighbours), and the counts of its old name words and of the names sharing its old phone,
-- email or street went down. The import keeps here each changed record's keys as the last dedupe run saw
-- them (the first change since that run only); every dedupe run that writes empties the table.
CREATE TABLE replaced_record_keys (
    record_id        INTEGER PRIMARY KEY REFERENCES source_record(id),
    name_key         TEXT NOT NULL,
    department_key   TEXT,
    business_id      TEXT,
    phone_e164       TEXT,
    email_key        TEXT,
    email_free       INTEGER NOT NULL,
    street_key       TEXT,
    city_of_helsinki INTEGER NOT NULL
);

-- The newest record a dedupe run saw (records above it are new to the next run), and the step of the
-- register's size its name-word weights were computed with (plugins/register/count_steps.hpp): when the
-- register grows past a step every weight moves, and the next run is over the whole register. 0: unknown
-- (a run before this migration), which makes the next run a whole one.
ALTER TABLE dedupe_run ADD COLUMN last_record_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE dedupe_run ADD COLUMN size_step INTEGER NOT NULL DEFAULT 0;
