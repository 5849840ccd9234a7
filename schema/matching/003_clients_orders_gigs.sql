-- Worker-clients, work orders, gigs and the dated benefit limits the matching rules check (DOMAIN.md 10.1
-- E5-E17, 5.8; RATES.md A4-A5). Client ids are the units' own references and unique in the installation;
-- no personal identity code is stored.

CREATE TABLE client (
    id                      TEXT PRIMARY KEY,
    unit                    TEXT NOT NULL REFERENCES unit(name),
    name                    TEXT NOT NULL,
    wants_paid_work         INTEGER NOT NULL CHECK (wants_paid_work IN (0, 1)),
    approved_by             TEXT CHECK (approved_by IN ('unit-director', 'work-supervisor', 'work-coach', 'coordinator')),
    approved_on             TEXT,
    consent_y100            TEXT,             -- date the Y 100 consent was signed
    skills_recognised       TEXT,             -- date of the skills recognition (Kuty)
    income_survey           TEXT,
    home_postcode           TEXT,
    weekly_minutes_max      INTEGER NOT NULL CHECK (weekly_minutes_max BETWEEN 0 AND 3600),
    criminal_record_extract TEXT,
    profile                 TEXT NOT NULL,    -- JSON: benefits, transport, interests, work_activity_tasks, work_activity, unavailable
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    CHECK ((approved_by IS NULL) = (approved_on IS NULL))
) WITHOUT ROWID;
CREATE INDEX client_unit ON client(unit, id);

CREATE TABLE client_skill (
    client_id   TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    task_type   TEXT NOT NULL REFERENCES task_type(code) ON UPDATE CASCADE,
    level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    practised   INTEGER NOT NULL CHECK (practised IN (0, 1)),  -- practised in work activity
    PRIMARY KEY (client_id, task_type)
) WITHOUT ROWID;
CREATE INDEX client_skill_task ON client_skill(task_type, level);

-- Paid earnings per calendar month; a load sets them, payroll adds to them.
CREATE TABLE client_earning (
    client_id   TEXT NOT NULL REFERENCES client(id) ON DELETE CASCADE,
    month       TEXT NOT NULL,                -- YYYY-MM
    cents       INTEGER NOT NULL CHECK (cents >= 0),
    PRIMARY KEY (client_id, month)
) WITHOUT ROWID;

CREATE TABLE work_order (
    id                      TEXT PRIMARY KEY,
    orderer_id              INTEGER NOT NULL,  -- the register's orderer id (resolved through register commands)
    orderer_name            TEXT NOT NULL,
    task_type               TEXT NOT NULL REFERENCES task_type(code) ON UPDATE CASCADE,
    min_level               INTEGER CHECK (min_level BETWEEN 1 AND 5),
    description             TEXT NOT NULL,
    postcode                TEXT,
    start_at                TEXT NOT NULL,     -- local time (Europe/Helsinki) YYYY-MM-DDTHH:MM
    minutes                 INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    repeat_every_days       INTEGER CHECK (repeat_every_days BETWEEN 1 AND 366),
    repeat_until            TEXT,
    seats                   INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100),
    contract                TEXT NOT NULL CHECK (contract IN ('commission', 'employment')),
    early_education_months  INTEGER CHECK (early_education_months BETWEEN 0 AND 120),
    support_person          TEXT,              -- who goes along on a client's first gigs
    status                  TEXT NOT NULL CHECK (status IN ('open', 'cancelled', 'closed')),
    cancel_reason           TEXT,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    CHECK ((repeat_every_days IS NULL) = (repeat_until IS NULL))
) WITHOUT ROWID;
CREATE INDEX work_order_start ON work_order(status, start_at);

-- A client's place on an order (every occurrence of a repeating order), from proposal to approval.
CREATE TABLE gig (
    id              INTEGER PRIMARY KEY,
    order_id        TEXT NOT NULL REFERENCES work_order(id),
    client_id       TEXT NOT NULL REFERENCES client(id),
    status          TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'accepted', 'done', 'approved',
                                                    'cancelled', 'declined')),
    score           REAL,                      -- the total score when proposed
    support_person  TEXT,
    feedback        TEXT,                      -- the orderer's feedback, recorded on the client's profile
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX gig_client ON gig(client_id, status);
CREATE INDEX gig_order ON gig(order_id, status);
CREATE UNIQUE INDEX gig_live_once ON gig(order_id, client_id) WHERE status NOT IN ('cancelled', 'declined');

-- Every step of a gig: who (unit and role), when, from which status to which, and why.
CREATE TABLE gig_event (
    id          INTEGER PRIMARY KEY,
    gig_id      INTEGER NOT NULL REFERENCES gig(id),
    at          TEXT NOT NULL,
    unit        TEXT NOT NULL,
    role        TEXT NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gig_event_gig ON gig_event(gig_id, id);

-- Hours worked per occurrence of a done gig.
CREATE TABLE gig_hours (
    gig_id      INTEGER NOT NULL REFERENCES gig(id),
    on_date     TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
    PRIMARY KEY (gig_id, on_date)
) WITHOUT ROWID;

-- Dated benefit limits. kind: suspension (earnings past the limit suspend the benefit), adjustment (earnings past
-- `cents` reduce the benefit by `rate_percent` of the excess), review (a rise past `cents` in the period brings a
-- review), yel (yearly commission income from which YEL insurance is mandatory). verified 0: UNVERIFIED in RATES.md.
CREATE TABLE benefit_limit (
    id            INTEGER PRIMARY KEY,
    benefit       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('suspension', 'adjustment', 'review', 'yel')),
    period        TEXT NOT NULL CHECK (period IN ('month', 'year')),
    cents         INTEGER NOT NULL CHECK (cents >= 0),
    rate_percent  TEXT,
    valid_from    TEXT NOT NULL,
    valid_to      TEXT,
    verified      INTEGER NOT NULL CHECK (verified IN (0, 1)),
    source        TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO benefit_limit(benefit, kind, period, cents, rate_percent, valid_from, valid_to, verified, source) VALUES
    ('disability-pension', 'suspension', 'month', 73745, NULL, '2017-01-01', '2019-12-31', 1, 'earnings-related disability pension guaranteed earnings limit, RATES.md A5'),
    ('disability-pension', 'suspension', 'month', 83452, NULL, '2020-01-01', '2020-12-31', 1, 'RATES.md A5'),
    ('disability-pension', 'suspension', 'month', 83759, NULL, '2021-01-01', '2022-07-31', 1, 'RATES.md A5'),
    ('disability-pension', 'suspension', 'month', 88563, NULL, '2022-08-01', '2023-12-31', 1, 'DOMAIN.md 5.8 (885,63 from 1.8.2022)'),
    ('disability-pension', 'suspension', 'month', 97659, NULL, '2024-01-01', '2024-12-31', 1, 'RATES.md A5 (2024)'),
    ('disability-pension', 'suspension', 'month', 97659, NULL, '2025-01-01', NULL, 0, 'RATES.md A5: 2025 and 2026 values not found; the 2024 value carried'),
    ('kela-disability-pension', 'suspension', 'month', 97659, NULL, '2024-01-01', '2024-12-31', 1, 'RATES.md A5: the same minimum'),
    ('kela-disability-pension', 'suspension', 'month', 97659, NULL, '2025-01-01', NULL, 0, 'RATES.md A5: 2025 and 2026 values not found; the 2024 value carried'),
    ('labour-market-subsidy', 'adjustment', 'month', 30000, '50', '2020-01-01', '2024-03-31', 1, 'DOMAIN.md 5.8: 300 €/month protected'),
    ('labour-market-subsidy', 'adjustment', 'month', 0, '50', '2024-04-01', NULL, 1, 'RATES.md A5: no protected amount from 1.4.2024, 50 cents per euro'),
    ('earnings-related-unemployment-allowance', 'adjustment', 'month', 30000, '50', '2020-01-01', '2024-03-31', 1, 'DOMAIN.md 5.8'),
    ('earnings-related-unemployment-allowance', 'adjustment', 'month', 0, '50', '2024-04-01', NULL, 1, 'RATES.md A5'),
    ('basic-social-assistance', 'adjustment', 'month', 15000, '100', '2020-01-01', NULL, 1, 'DOMAIN.md 5.8: protected earned-income portion 150 €/month'),
    ('pensioners-housing-allowance', 'review', 'year', 92400, '41.3', '2020-01-01', '2024-12-31', 1, 'DOMAIN.md 5.8: 924 €/year; RATES.md A5: 41.3 %'),
    ('pensioners-housing-allowance', 'review', 'year', 92400, '43.5', '2025-01-01', NULL, 1, 'DOMAIN.md 5.8; RATES.md A5: 43.5 % from 1.1.2025'),
    ('commission-income', 'yel', 'year', 826171, NULL, '2022-01-01', '2022-12-31', 1, 'YEL minimum, RATES.md A4'),
    ('commission-income', 'yel', 'year', 857550, NULL, '2023-01-01', '2023-12-31', 1, 'RATES.md A4'),
    ('commission-income', 'yel', 'year', 901028, NULL, '2024-01-01', '2024-12-31', 1, 'RATES.md A4'),
    ('commission-income', 'yel', 'year', 920843, NULL, '2025-01-01', '2025-12-31', 1, 'RATES.md A4'),
    ('commission-income', 'yel', 'year', 942309, NULL, '2026-01-01', NULL, 1, 'RATES.md A4');
