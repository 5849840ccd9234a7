-- The register's history of link decisions: merges (by a person or by dedupe), unmerges, "not the same"
-- and skipped reviews, each with who, when and why and the source records it moved, so that any merge
-- can be undone exactly; the review queue dedupe fills; per-field choices of a merged golden record;
-- the dedupe runs.

CREATE TABLE register_event (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('merge', 'dedupe', 'unmerge', 'not_same', 'skip')),
    orderer_id  INTEGER NOT NULL REFERENCES orderer(id),  -- merge/dedupe: the survivor; others: the first orderer
    other_id    INTEGER REFERENCES orderer(id),           -- merge/dedupe: the orderer its records came from
    review_id   INTEGER REFERENCES review_item(id),       -- the review item this decided, if any
    undoes      INTEGER REFERENCES register_event(id),    -- unmerge: the merge it undid
    undone_by   INTEGER REFERENCES register_event(id),    -- merge/dedupe: the unmerge that undid it
    decided_by  TEXT NOT NULL,                            -- the person (or 'dedupe')
    unit        TEXT NOT NULL,                            -- the calling unit ('' for an administrator)
    role        TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT '{}'                -- JSON: what the merge changed besides moving records
);
CREATE INDEX register_event_orderer ON register_event(orderer_id);
CREATE INDEX register_event_other ON register_event(other_id);

-- The source records an event concerns. side 'b': the records moved (merge, dedupe) or the second
-- orderer's records (not_same); side 'a': the survivor's / first orderer's records at that moment.
CREATE TABLE event_record (
    event_id     INTEGER NOT NULL REFERENCES register_event(id),
    record_id    INTEGER NOT NULL REFERENCES source_record(id),
    side         TEXT NOT NULL CHECK (side IN ('a', 'b')),
    from_orderer INTEGER REFERENCES orderer(id),          -- side 'b' of a merge: where the record was
    PRIMARY KEY (event_id, record_id)
) WITHOUT ROWID;
CREATE INDEX event_record_record ON event_record(record_id);

-- Pairs dedupe could not decide, for a person: the strongest pair of records between two clusters.
CREATE TABLE review_item (
    id         INTEGER PRIMARY KEY,
    record_a   INTEGER NOT NULL REFERENCES source_record(id),
    record_b   INTEGER NOT NULL REFERENCES source_record(id),
    score      REAL NOT NULL,                          -- log2 odds at the time of the run
    evidence   TEXT NOT NULL,                          -- JSON array of {field, weight, detail}
    status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'skipped', 'same', 'not_same', 'obsolete')),
    skips      INTEGER NOT NULL DEFAULT 0,
    found_at   TEXT NOT NULL,
    UNIQUE (record_a, record_b)
);
CREATE INDEX review_item_status ON review_item(status, score);

-- A person's choice of which source record a merged orderer's field comes from.
CREATE TABLE orderer_field_choice (
    orderer_id INTEGER NOT NULL REFERENCES orderer(id),
    field      TEXT NOT NULL CHECK (field IN ('name', 'business_id', 'street', 'postcode', 'city', 'phone', 'email')),
    record_id  INTEGER NOT NULL REFERENCES source_record(id),
    event_id   INTEGER NOT NULL REFERENCES register_event(id),
    PRIMARY KEY (orderer_id, field)
) WITHOUT ROWID;

CREATE INDEX orderer_merged_into ON orderer(merged_into) WHERE merged_into IS NOT NULL;

-- Each dedupe run: whole register or incremental (only what new and changed records touch), the rules
-- it ran with, and the last import it saw, so the next run knows which records are new.
CREATE TABLE dedupe_run (
    id             INTEGER PRIMARY KEY,
    mode           TEXT NOT NULL CHECK (mode IN ('full', 'incremental')),
    records        INTEGER NOT NULL,          -- records in the register
    reclustered    INTEGER NOT NULL,          -- records whose clusters were recomputed
    last_import_id INTEGER NOT NULL,          -- every import up to this one is linked
    rules          TEXT NOT NULL,             -- fingerprint of the rules (register.lua) it ran with
    ran_at         TEXT NOT NULL,
    ran_by         TEXT NOT NULL              -- role of the caller
);

-- The whole register's figures as of the last dedupe run, for the entry-time check, which scores a few
-- candidates and must not count a common word's records on every call: how many records have a name
-- word ('token'), and how many distinct names share a business ID, phone, email, email domain or street
-- ('value'). Only counts of two or more are kept; anything missing is counted when asked.
CREATE TABLE register_stat (
    kind  TEXT NOT NULL CHECK (kind IN ('token', 'value')),
    value TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (kind, value)
) WITHOUT ROWID;
