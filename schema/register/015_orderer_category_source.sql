-- An orderer's category is inferred from its source records' legal forms and the City's names whenever its
-- golden record is built, unless a person set it: category_source says which. A person's choices are kept
-- here, each with who, when and why, and stand through dedupe runs, merges and unmerges: an orderer's
-- category is the latest choice made on it or on an orderer merged into it (see golden_record.hpp).

ALTER TABLE orderer ADD COLUMN category_source TEXT NOT NULL DEFAULT 'inferred'
    CHECK (category_source IN ('inferred', 'person'));

CREATE TABLE orderer_category_choice (
    id          INTEGER PRIMARY KEY,
    orderer_id  INTEGER NOT NULL REFERENCES orderer(id),  -- the orderer it was set on
    category    TEXT NOT NULL CHECK (category IN ('city', 'company', 'association', 'foundation', 'parish',
                                                  'private_person', 'unknown')),
    previous    TEXT NOT NULL,                            -- the orderer's category before
    decided_by  TEXT NOT NULL,                            -- the person
    unit        TEXT NOT NULL,                            -- the calling unit ('' for an administrator)
    role        TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    reason      TEXT NOT NULL
);
CREATE INDEX orderer_category_choice_orderer ON orderer_category_choice(orderer_id);

-- Until now only a person gave an orderer a category (register add --category, kept by merges).
INSERT INTO orderer_category_choice(orderer_id, category, previous, decided_by, unit, role, decided_at, reason)
SELECT id, category, 'unknown', 'register add', created_by_unit, '', created_at, 'given when the orderer was entered'
FROM orderer WHERE category <> 'unknown' ORDER BY id;
UPDATE orderer SET category_source = 'person' WHERE category <> 'unknown';
