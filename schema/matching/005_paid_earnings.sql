-- What payroll hands back to matching (docs/matching-earnings.md): the earnings of each paid run, one row per
-- occurrence line, so that the rules count paid work once; corrected hours marked on the occurrence; and who
-- set each dated benefit limit, whose rows are never rewritten (a change is a new row).

-- When an occurrence's hours were last corrected after they were first recorded (`matching gig hours`). The
-- indexes serve `matching gig worked`: a period's occurrences, and the corrected ones before it, in date order.
ALTER TABLE gig_hours ADD COLUMN corrected_at TEXT;
CREATE INDEX gig_hours_date ON gig_hours(on_date, gig_id, minutes, corrected_at);
CREATE INDEX gig_hours_corrected ON gig_hours(on_date, gig_id) WHERE corrected_at IS NOT NULL;

-- A payroll run whose lines were recorded (`matching earnings record`): each run once.
CREATE TABLE paid_run (
    run          INTEGER PRIMARY KEY,          -- the pricing plugin's payroll run id
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,                -- role (and unit)
    lines        INTEGER NOT NULL,
    cents        INTEGER NOT NULL              -- the sum of the lines' gross pay
);

-- The gross pay of one occurrence in a paid run (an adjustment may be negative), by the month of the day worked.
CREATE TABLE client_paid (
    run        INTEGER NOT NULL REFERENCES paid_run(run),
    gig_id     INTEGER NOT NULL REFERENCES gig(id),
    on_date    TEXT NOT NULL,                  -- the day the work was done
    client_id  TEXT NOT NULL REFERENCES client(id),
    contract   TEXT NOT NULL CHECK (contract IN ('commission', 'employment')),
    month      TEXT NOT NULL,                  -- YYYY-MM of on_date
    cents      INTEGER NOT NULL
);
CREATE INDEX client_paid_client ON client_paid(client_id, month);
CREATE INDEX client_paid_occurrence ON client_paid(gig_id, on_date);
CREATE INDEX client_paid_run ON client_paid(run);

ALTER TABLE benefit_limit ADD COLUMN set_by TEXT NOT NULL DEFAULT 'seed';
ALTER TABLE benefit_limit ADD COLUMN set_at TEXT NOT NULL DEFAULT '';

CREATE TRIGGER benefit_limit_never_rewritten BEFORE UPDATE ON benefit_limit
BEGIN
    SELECT RAISE(ABORT, 'a benefit limit is never rewritten: add a row with a later valid_from');
END;
CREATE TRIGGER benefit_limit_never_deleted BEFORE DELETE ON benefit_limit
BEGIN
    SELECT RAISE(ABORT, 'a benefit limit is never deleted: add a row with a later valid_from');
END;
