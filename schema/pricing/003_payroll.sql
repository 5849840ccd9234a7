-- Payroll runs (docs/pricing-payroll.md): tax cards on file, runs over approved gig occurrences, one line per
-- occurrence paid (or corrected) holding both the worker's pay and the orderer's invoice line, a pay statement
-- per worker and an invoice per orderer per run. Amounts are integer cents; rates are decimal text. Gigs,
-- clients and orders belong to the matching plugin and orderers to the register: their ids are copied here
-- as they were when the run was made, never joined to those tables.

-- The withholding percent on a client's tax card, from a day on; the latest row in force wins.
CREATE TABLE tax_card (
    id          INTEGER PRIMARY KEY,
    client_id   TEXT NOT NULL,
    unit        TEXT NOT NULL,            -- the client's unit when the card was recorded (reads are scoped by it)
    percent     TEXT NOT NULL,            -- e.g. '12.5'
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    set_by      TEXT NOT NULL,
    set_at      TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX tax_card_client ON tax_card(client_id, valid_from, id);

CREATE TABLE payroll_run (
    id            INTEGER PRIMARY KEY,
    period_from   TEXT NOT NULL,
    period_to     TEXT NOT NULL,
    pay_date      TEXT NOT NULL,          -- the day the run is for: tax cards in force on it
    status        TEXT NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,          -- role (and unit)
    paid_at       TEXT,
    paid_by       TEXT,
    cancelled_at  TEXT,
    cancelled_by  TEXT,
    cancel_reason TEXT,
    totals        TEXT NOT NULL,          -- JSON: the run's totals and reconciliation as made
    CHECK (period_to >= period_from),
    CHECK ((status = 'paid') = (paid_at IS NOT NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);

-- A pay statement: one worker's pay in one run.
CREATE TABLE payroll_worker (
    id                          INTEGER PRIMARY KEY,
    run_id                      INTEGER NOT NULL REFERENCES payroll_run(id),
    client_id                   TEXT NOT NULL,
    client_name                 TEXT NOT NULL,
    unit                        TEXT NOT NULL,
    minutes                     INTEGER NOT NULL,
    wages_cents                 INTEGER NOT NULL,  -- the sum of the lines' pay
    holiday_compensation_cents  INTEGER NOT NULL,  -- employment contracts only
    gross_cents                 INTEGER NOT NULL,  -- wages + holiday compensation
    tax_percent                 TEXT NOT NULL,
    tax_card                    INTEGER NOT NULL CHECK (tax_card IN (0, 1)),  -- 0: the no-tax-card rate
    tax_withheld_cents          INTEGER NOT NULL,
    employee_tyel_cents         INTEGER NOT NULL,
    employee_unemployment_cents INTEGER NOT NULL,
    net_paid_cents              INTEGER NOT NULL,  -- gross - tax - the employee's shares
    employer_tyel_cents         INTEGER NOT NULL,
    employer_unemployment_cents INTEGER NOT NULL,
    employer_health_cents       INTEGER NOT NULL,
    employer_accident_cents     INTEGER NOT NULL,
    employer_group_life_cents   INTEGER NOT NULL,
    UNIQUE (run_id, client_id)
);

-- An invoice: one orderer's work in one run. The orderer's name, business ID and address are the register's
-- golden record when the run was made.
CREATE TABLE payroll_invoice (
    id            INTEGER PRIMARY KEY,
    run_id        INTEGER NOT NULL REFERENCES payroll_run(id),
    number        TEXT NOT NULL UNIQUE,   -- e.g. '2026-000123'
    orderer_id    INTEGER NOT NULL,
    orderer_name  TEXT NOT NULL,
    business_id   TEXT,
    address       TEXT,                   -- street, postcode and city on one line
    invoice_date  TEXT NOT NULL,
    due_date      TEXT NOT NULL,
    net_cents     INTEGER NOT NULL,
    vat_cents     INTEGER NOT NULL,
    gross_cents   INTEGER NOT NULL,
    UNIQUE (run_id, orderer_id)
);

-- An invoice's totals per VAT rate.
CREATE TABLE payroll_invoice_vat (
    invoice_id   INTEGER NOT NULL REFERENCES payroll_invoice(id),
    vat_percent  TEXT NOT NULL,
    net_cents    INTEGER NOT NULL,
    vat_cents    INTEGER NOT NULL,
    gross_cents  INTEGER NOT NULL,
    PRIMARY KEY (invoice_id, vat_percent)
) WITHOUT ROWID;

-- One gig occurrence paid in a run (kind 'work'), or the change to one paid before whose hours were corrected
-- (kind 'adjustment', plus or minus). The occurrence's paid minutes are the sum over the lines of runs that
-- are not cancelled: a run pays only the difference between that and the hours now recorded.
CREATE TABLE payroll_line (
    id                    INTEGER PRIMARY KEY,
    run_id                INTEGER NOT NULL REFERENCES payroll_run(id),
    kind                  TEXT NOT NULL CHECK (kind IN ('work', 'adjustment')),
    gig_id                INTEGER NOT NULL,
    on_date               TEXT NOT NULL,
    order_id              TEXT NOT NULL,
    client_id             TEXT NOT NULL,
    unit                  TEXT NOT NULL,
    orderer_id            INTEGER NOT NULL,
    task_type             TEXT NOT NULL,
    contract              TEXT NOT NULL CHECK (contract IN ('commission', 'employment')),
    minutes               INTEGER NOT NULL,
    hourly_wage_cents     INTEGER NOT NULL,
    coefficient           TEXT NOT NULL,
    unit_price_cents      INTEGER NOT NULL,
    amount_cents          INTEGER NOT NULL,
    discount_percent      TEXT NOT NULL,
    discount_cents        INTEGER NOT NULL,
    net_cents             INTEGER NOT NULL,
    pay_cents             INTEGER NOT NULL,
    side_costs_cents      INTEGER NOT NULL,
    service_costs_cents   INTEGER NOT NULL,
    vat_percent           TEXT NOT NULL,
    vat_cents             INTEGER NOT NULL,
    gross_cents           INTEGER NOT NULL,
    worker_id             INTEGER NOT NULL REFERENCES payroll_worker(id),
    invoice_id            INTEGER NOT NULL REFERENCES payroll_invoice(id)
);
CREATE INDEX payroll_line_occurrence ON payroll_line(gig_id, on_date);
CREATE INDEX payroll_line_run ON payroll_line(run_id, invoice_id);
CREATE INDEX payroll_line_worker ON payroll_line(worker_id);
CREATE INDEX payroll_line_invoice ON payroll_line(invoice_id);
