-- The register's import model: every row a unit imported is kept as a source record, exactly as given
-- and with its normalised keys; orderers are built from their source records. Imports are logged.

CREATE TABLE organisation (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    legal_form   TEXT,
    business_id  TEXT UNIQUE,             -- canonical and valid; NULL for private persons and unknown
    category     TEXT NOT NULL DEFAULT 'unknown',
    created_at   TEXT NOT NULL
);

ALTER TABLE orderer ADD COLUMN organisation_id INTEGER REFERENCES organisation(id);
ALTER TABLE orderer ADD COLUMN department TEXT;           -- the named department of the organisation, if any
ALTER TABLE orderer ADD COLUMN legal_form TEXT;
ALTER TABLE orderer ADD COLUMN merged_into INTEGER REFERENCES orderer(id);  -- set when merged away; never deleted
ALTER TABLE orderer ADD COLUMN relationship_owner TEXT;   -- the unit that owns the relationship

CREATE TABLE import_batch (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,            -- the calling unit ('' when rows carry their own unit)
    file        TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    delimiter   TEXT NOT NULL,
    rows_read   INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    skipped     INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL             -- role of the caller
);

CREATE TABLE source_record (
    id               INTEGER PRIMARY KEY,
    unit             TEXT NOT NULL REFERENCES unit(name),
    source_id        TEXT NOT NULL,       -- the unit's own id for the row, or a hash of its content
    orderer_id       INTEGER REFERENCES orderer(id),
    import_id        INTEGER NOT NULL REFERENCES import_batch(id),
    file             TEXT NOT NULL,
    line             INTEGER NOT NULL,
    raw              TEXT NOT NULL,       -- JSON object: every header of the row and its value, as given
    content_hash     TEXT NOT NULL,       -- of the mapped fields: an unchanged re-import changes nothing
    -- the mapped fields as given (trimmed)
    name             TEXT NOT NULL,
    business_id_raw  TEXT,
    street           TEXT,
    postcode         TEXT,
    city             TEXT,
    phone            TEXT,
    email            TEXT,
    contact_person   TEXT,
    -- normalised keys (see plugins/register/normalize.hpp)
    name_key         TEXT NOT NULL,
    legal_form       TEXT,
    city_of_helsinki INTEGER NOT NULL DEFAULT 0,
    department_key   TEXT,
    business_id      TEXT,                -- canonical, only when valid
    phone_e164       TEXT,
    email_key        TEXT,
    email_generic    INTEGER NOT NULL DEFAULT 0,
    email_free       INTEGER NOT NULL DEFAULT 0,
    street_key       TEXT,
    postcode_key     TEXT,
    city_key         TEXT,
    first_imported_at TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (unit, source_id)
);
CREATE INDEX source_record_orderer ON source_record(orderer_id);
CREATE INDEX source_record_business_id ON source_record(business_id) WHERE business_id IS NOT NULL;
