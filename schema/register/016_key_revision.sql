-- Which revision of normalisation the source records' stored keys were read with (key_revision in
-- plugins/register/normalize/normalize.hpp). A release that reads some field another way raises the
-- revision; the next dedupe, or import that links, then reads every stored record's keys again from its
-- fields as given. 0: keys stored before revisions were kept.
CREATE TABLE register_key_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO register_key_revision(id, revision) VALUES (1, 0);
