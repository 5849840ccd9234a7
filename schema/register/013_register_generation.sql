-- The register's generation, for a process that keeps the register's records in memory between commands
-- (a server): every transaction that adds or changes source records, their keys or their orderers changes
-- it, so that such a process can tell, before using what it holds, whether another process wrote since.
--
-- `generation` counts those transactions; `stamp` is drawn at random with each one, so that the same count
-- reached along another history (a restored backup, another database file) is still told apart.
CREATE TABLE register_generation (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL,
    stamp      INTEGER NOT NULL
);
INSERT INTO register_generation(id, generation, stamp) VALUES (1, 0, random());
