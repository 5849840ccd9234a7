-- Weak bridges in the review queue, and the decisions each dedupe run has seen.
-- A weak bridge: a part of a cluster of three or more records that dedupe linked through one strong
-- pair while the pairs between the parts agree only weakly. Such an item is about records already in
-- one orderer: a person confirms it (the same orderer) or splits the part off.
ALTER TABLE review_item ADD COLUMN kind TEXT NOT NULL DEFAULT 'pair' CHECK (kind IN ('pair', 'bridge'));
-- bridge: the source record ids of the part joined through the bridge (record_b's side), a JSON array
ALTER TABLE review_item ADD COLUMN part TEXT;
-- bridge: the average log2 odds of the pairs compared between the two parts
ALTER TABLE review_item ADD COLUMN average REAL;

-- The last decision (register_event) a dedupe run had seen: the records of later decisions (a merge, an
-- unmerge, a "not the same") are recomputed by the next incremental run, so the review item that waited
-- behind a decided one comes next.
ALTER TABLE dedupe_run ADD COLUMN last_event_id INTEGER NOT NULL DEFAULT 0;
