-- Dated pricing figures: the worker's hourly wage per contract type and the VAT rates. A calculation
-- takes a date and uses the row in force on it; no figure that changes with time is a literal in code.

CREATE TABLE wage_rate (
    id             INTEGER PRIMARY KEY,
    contract_type  TEXT NOT NULL CHECK (contract_type IN ('commission', 'employment')),
    hourly_cents   INTEGER NOT NULL CHECK (hourly_cents > 0),
    valid_from     TEXT NOT NULL,          -- first day in force, YYYY-MM-DD
    valid_to       TEXT,                   -- last day in force, NULL while in force
    source         TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE vat_rate (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL,             -- 'general' for work sold to orderers
    percent     TEXT NOT NULL,             -- decimal text, e.g. '25.5'
    valid_from  TEXT NOT NULL,
    valid_to    TEXT,
    source      TEXT NOT NULL,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

-- DOMAIN.md §5.1: a fixed 10,00 €/h wage in the app model, whatever the task or contract (piloted 2021-2022).
INSERT INTO wage_rate(contract_type, hourly_cents, valid_from, valid_to, source) VALUES
    ('commission', 1000, '2021-01-01', NULL, 'Jobcenter app model fixed wage, DOMAIN.md 5.1'),
    ('employment', 1000, '2021-01-01', NULL, 'Jobcenter app model fixed wage (plus supplements), DOMAIN.md 5.1');

-- RATES.md A2: the general VAT rate was 24 % until 31 Aug 2024 and is 25.5 % from 1 Sep 2024.
INSERT INTO vat_rate(code, percent, valid_from, valid_to, source) VALUES
    ('general', '24', '2013-01-01', '2024-08-31', 'ALV general rate, RATES.md A2'),
    ('general', '25.5', '2024-09-01', NULL, 'ALV general rate from 1.9.2024, RATES.md A2');
