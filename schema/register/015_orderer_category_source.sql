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

-- Every other orderer's category inferred from its source records, by the rule the golden record applies
-- from now on (plugins/register/clustering/orderer_category.cpp; a test holds the two alike): a record's
-- category from the City flag, a parish word, the legal form or a word ending in yhdistys or säätiö; the
-- orderer's the most common, ties in the order city, company, association, foundation, parish.
WITH record_category(orderer_id, category) AS (
    SELECT orderer_id,
           CASE
               WHEN city_of_helsinki THEN 'city'
               WHEN name_key LIKE '%seurakunta' OR name_key LIKE '%seurakunta %'
                    OR name_key LIKE '%seurakuntayhtyma' OR name_key LIKE '%seurakuntayhtyma %'
                    OR name_key LIKE '%forsamling' OR name_key LIKE '%forsamling %' THEN 'parish'
               WHEN legal_form = 'ry' THEN 'association'
               WHEN legal_form = 'saatio' THEN 'foundation'
               WHEN legal_form IS NOT NULL AND legal_form <> '' THEN 'company'
               WHEN name_key LIKE '%yhdistys' OR name_key LIKE '%yhdistys %'
                    OR name_key LIKE '%forening' OR name_key LIKE '%forening %' THEN 'association'
               WHEN name_key LIKE '%saatio' OR name_key LIKE '%saatio %'
                    OR name_key LIKE '%stiftelse' OR name_key LIKE '%stiftelse %' THEN 'foundation'
           END
    FROM source_record WHERE orderer_id IS NOT NULL
),
counted(orderer_id, category, records, tie_order) AS (
    SELECT orderer_id, category, count(*),
           CASE category WHEN 'city' THEN 0 WHEN 'company' THEN 1 WHEN 'association' THEN 2
                         WHEN 'foundation' THEN 3 ELSE 4 END
    FROM record_category WHERE category IS NOT NULL GROUP BY orderer_id, category
),
ranked(orderer_id, category, place) AS (
    SELECT orderer_id, category, row_number() OVER (PARTITION BY orderer_id ORDER BY records DESC, tie_order)
    FROM counted
)
UPDATE orderer SET category = ranked.category
FROM ranked
WHERE ranked.orderer_id = orderer.id AND ranked.place = 1 AND orderer.category_source = 'inferred';
