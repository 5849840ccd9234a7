-- The seller printed on invoices (docs/pricing-exports.md): the installation's own details, set by an administrator
-- with `pricing seller set` from a day on. An invoice shows the row in force on its invoice date (the latest
-- valid_from on or before it; of two with one valid_from, the later row). No row is shipped: a business ID or an
-- account is never assumed, and an invoice says so when none is set. Rows are never rewritten or deleted.

CREATE TABLE invoice_seller (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,       -- the organisation invoicing, e.g. the city's service
    business_id  TEXT,                -- Finnish business ID '1234567-8'
    vat_number   TEXT,                -- 'FI12345678'
    address      TEXT,                -- street, postcode and city on one line: 'Katu 1, 00100 Helsinki'
    iban         TEXT,                -- the account orderers pay to
    bic          TEXT,
    email        TEXT,
    phone        TEXT,
    valid_from   TEXT NOT NULL,       -- YYYY-MM-DD
    set_by       TEXT NOT NULL,       -- the role (and unit) of whoever set it
    set_at       TEXT NOT NULL
);
CREATE INDEX invoice_seller_in_force ON invoice_seller(valid_from, id);

CREATE TRIGGER invoice_seller_never_rewritten BEFORE UPDATE ON invoice_seller
BEGIN
    SELECT RAISE(ABORT, 'the seller''s details are never rewritten: set them again from a later day');
END;
CREATE TRIGGER invoice_seller_never_deleted BEFORE DELETE ON invoice_seller
BEGIN
    SELECT RAISE(ABORT, 'the seller''s details are never deleted: set them again from a later day');
END;
