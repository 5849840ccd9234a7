-- Every pricing and payroll figure that changes with time, one row per value and the day it takes effect
-- (docs/pricing-figures.md). The value in force on a day is the row of that name with the latest valid_from
-- on or before it (of two with the same valid_from, the later row). Rows are never rewritten or deleted: a change is a new row (`pricing figures set`).
-- verified 0 marks a figure RATES.md calls UNVERIFIED. The benefit limits and the YEL minimum live in the
-- matching plugin's benefit_limit table, their one home.

CREATE TABLE figure (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,            -- a name of the catalog in plugins/pricing/figures/figure_catalog.cpp
    value       TEXT NOT NULL,            -- decimal text: euros ('10.00'), a percent ('25.5') or a ratio ('1.45')
    valid_from  TEXT NOT NULL,            -- YYYY-MM-DD
    verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),
    source      TEXT NOT NULL,
    set_by      TEXT NOT NULL,            -- 'seed', or the role (and unit) of whoever set it
    set_at      TEXT NOT NULL
);
-- Two rows of one name may share a valid_from: the later one (higher id) corrects the earlier, which stays.
CREATE INDEX figure_in_force ON figure(name, valid_from, id);

CREATE TRIGGER figure_never_rewritten BEFORE UPDATE ON figure
BEGIN
    SELECT RAISE(ABORT, 'a dated figure is never rewritten: add a row with a later valid_from');
END;
CREATE TRIGGER figure_never_deleted BEFORE DELETE ON figure
BEGIN
    SELECT RAISE(ABORT, 'a dated figure is never deleted: add a row with a later valid_from');
END;

INSERT INTO figure(name, value, valid_from, verified, source, set_by, set_at) VALUES
    ('wage.commission', '10.00', '2021-01-01', 1, 'fixed hourly wage of the app model, DOMAIN.md 5.1', 'seed', '2026-12-07'),
    ('wage.employment', '10.00', '2021-01-01', 1, 'fixed hourly wage (plus supplements), DOMAIN.md 5.1', 'seed', '2026-12-07'),
    ('coefficient.commission', '1.45', '2021-01-01', 1, 'wage 10.00 + service costs 4.50 = 14.50, DOMAIN.md 5.3, 10.3 C1', 'seed', '2026-12-07'),
    ('coefficient.employment', '2.00', '2021-01-01', 1, 'wage 10.00 + side costs 5.50 + service costs 4.50 = 20.00, DOMAIN.md 5.3, 10.3 C2', 'seed', '2026-12-07'),
    ('side-costs.employment', '5.50', '2021-01-01', 1, 'side costs per hour of an employment contract, DOMAIN.md 5.3', 'seed', '2026-12-07'),
    ('service-costs', '4.50', '2021-01-01', 1, 'service costs per hour, either contract, DOMAIN.md 5.3', 'seed', '2026-12-07'),
    ('vat.general', '24', '2013-01-01', 1, 'general VAT rate, RATES.md A2', 'seed', '2026-12-07'),
    ('vat.general', '25.5', '2024-09-01', 1, 'general VAT rate from 1.9.2024 by delivery date, RATES.md A2', 'seed', '2026-12-07'),
    ('employer.tyel', '17.40', '2022-01-01', 1, 'TyEL employer average share 2022, RATES.md A1 (Ilmarinen)', 'seed', '2026-12-07'),
    ('employer.tyel', '17.40', '2023-01-01', 0, 'RATES.md A1 has no 2023 value; the 2022 value carried', 'seed', '2026-12-07'),
    ('employer.tyel', '17.34', '2024-01-01', 1, 'TyEL employer average share 2024, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.tyel', '17.38', '2025-01-01', 1, 'TyEL employer average share 2025, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.tyel', '17.10', '2026-01-01', 1, 'TyEL employer average share 2026, RATES.md A1', 'seed', '2026-12-07'),
    ('employee.tyel', '7.15', '2022-01-01', 1, 'TyEL employee share ages 17-52 and 63-67 (8.65 at 53-62 is not applied: no ages are stored), RATES.md A1', 'seed', '2026-12-07'),
    ('employee.tyel', '7.30', '2026-01-01', 1, 'TyEL employee share for everyone aged 17-68 from 2026, RATES.md A1', 'seed', '2026-12-07'),
    ('employee.unemployment-insurance', '1.50', '2022-01-01', 1, 'RATES.md A1 (veritas.fi 2022)', 'seed', '2026-12-07'),
    ('employee.unemployment-insurance', '1.50', '2023-01-01', 0, 'RATES.md A1 has no 2023 value; the 2022 value carried', 'seed', '2026-12-07'),
    ('employee.unemployment-insurance', '0.79', '2024-01-01', 1, 'RATES.md A1', 'seed', '2026-12-07'),
    ('employee.unemployment-insurance', '0.59', '2025-01-01', 1, 'RATES.md A1', 'seed', '2026-12-07'),
    ('employee.unemployment-insurance', '0.89', '2026-01-01', 1, 'RATES.md A1 (demokraatti.fi/STT 4.12.2025)', 'seed', '2026-12-07'),
    ('employer.unemployment-insurance', '0.50', '2022-01-01', 1, 'lower payroll band, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.unemployment-insurance', '0.50', '2023-01-01', 0, 'RATES.md A1 has no 2023 value; the 2022 value carried', 'seed', '2026-12-07'),
    ('employer.unemployment-insurance', '0.27', '2024-01-01', 1, 'lower payroll band, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.unemployment-insurance', '0.20', '2025-01-01', 1, 'lower payroll band, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.unemployment-insurance', '0.31', '2026-01-01', 1, 'lower payroll band up to 2,509,500 EUR, RATES.md A1 (STT; check the final law)', 'seed', '2026-12-07'),
    ('employer.health-insurance', '1.34', '2022-01-01', 1, 'RATES.md A1', 'seed', '2026-12-07'),
    ('employer.health-insurance', '1.53', '2023-01-01', 1, 'RATES.md A1', 'seed', '2026-12-07'),
    ('employer.health-insurance', '1.16', '2024-01-01', 1, 'RATES.md A1', 'seed', '2026-12-07'),
    ('employer.health-insurance', '1.87', '2025-01-01', 1, 'Finlex 694/2024, RATES.md A1', 'seed', '2026-12-07'),
    ('employer.health-insurance', '1.87', '2026-01-01', 0, 'RATES.md A1: the 2026 rate was not found; the 2025 value carried', 'seed', '2026-12-07'),
    ('employer.accident-insurance', '0.7', '2021-01-01', 0, 'insurer-specific; the rate assumed in RATES.md A8: ask the city''s insurer', 'seed', '2026-12-07'),
    ('employer.group-life-insurance', '0.06', '2021-01-01', 0, 'the 2024 figure of RATES.md A1 (interjuris.fi) for every year: ask the city''s insurer', 'seed', '2026-12-07'),
    ('holiday-compensation', '9', '2005-04-01', 1, 'vuosilomalaki 162/2005 12 §: 9 % for fewer than 14 days a month (11.5 % after a year is not applied), RATES.md A3', 'seed', '2026-12-07'),
    ('withholding.no-tax-card', '60', '2021-01-01', 0, 'withholding without a tax card as commonly stated, RATES.md A7 (source not found)', 'seed', '2026-12-07');

DROP TABLE wage_rate;
DROP TABLE vat_rate;
