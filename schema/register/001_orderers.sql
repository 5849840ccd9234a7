-- The register's first tables: orderers (employers that order work) as units enter them.
-- A later migration adds organisations, source records, clusters and the contact log.

CREATE TABLE orderer (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
    category         TEXT NOT NULL CHECK (category IN ('city', 'company', 'association', 'foundation',
                                                       'parish', 'private_person', 'unknown')),
    business_id      TEXT,                 -- canonical "1234567-8", only when its check digit is valid
    business_id_raw  TEXT,                 -- as given, kept when invalid so it can be shown and fixed
    street           TEXT,
    postcode         TEXT,
    city             TEXT,
    phone            TEXT,
    email            TEXT,
    created_by_unit  TEXT NOT NULL,        -- the unit that entered it ('' for an administrator)
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX orderer_business_id ON orderer(business_id) WHERE business_id IS NOT NULL;
CREATE INDEX orderer_name ON orderer(name);
