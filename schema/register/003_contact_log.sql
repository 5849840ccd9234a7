-- The shared contact log: who contacted which orderer, when, how, and with what outcome, so units stop
-- calling the same employers without knowing of each other. Also the orderers' contact persons.

CREATE TABLE contact_person (
    id          INTEGER PRIMARY KEY,
    orderer_id  INTEGER NOT NULL REFERENCES orderer(id),
    name        TEXT NOT NULL,
    title       TEXT,
    phone       TEXT,
    email       TEXT,
    added_by_unit TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
CREATE INDEX contact_person_orderer ON contact_person(orderer_id);

CREATE TABLE contact_log (
    id               INTEGER PRIMARY KEY,
    orderer_id       INTEGER NOT NULL REFERENCES orderer(id),
    unit             TEXT NOT NULL REFERENCES unit(name),
    staff            TEXT NOT NULL,            -- the staff member who made the contact
    contacted_at     TEXT NOT NULL,            -- YYYY-MM-DD
    channel          TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'visit', 'meeting', 'other')),
    outcome          TEXT NOT NULL CHECK (outcome IN ('ODOTTAMASSA', 'JATKOTAPAAMINEN SOVITTU', 'EI ONNISTUNUT',
                                                     'EI VASTAUSTA / UUSI YHTEYDENOTTO')),
    next_action_date TEXT,
    note             TEXT NOT NULL DEFAULT '',
    recorded_at      TEXT NOT NULL
);
CREATE INDEX contact_log_orderer ON contact_log(orderer_id, contacted_at);
