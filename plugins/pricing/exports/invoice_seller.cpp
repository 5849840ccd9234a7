// Reading and adding rows of invoice_seller.
#include "pricing/exports/invoice_seller.hpp"

namespace jobcenter::pricing {

std::optional<Seller> seller_on(Database& db, const std::string& date) {
    auto q = db.prepare("SELECT id, name, business_id, vat_number, address, iban, bic, email, phone, valid_from, set_by, "
                        "set_at FROM invoice_seller WHERE valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1");
    q.bind(1, date);
    if (!q.step()) return std::nullopt;
    Seller s;
    s.id = q.get_int(0);
    s.name = q.get_text(1);
    s.business_id = q.get_optional_text(2);
    s.vat_number = q.get_optional_text(3);
    s.address = q.get_optional_text(4);
    s.iban = q.get_optional_text(5);
    s.bic = q.get_optional_text(6);
    s.email = q.get_optional_text(7);
    s.phone = q.get_optional_text(8);
    s.valid_from = q.get_text(9);
    s.set_by = q.get_text(10);
    s.set_at = q.get_text(11);
    return s;
}

std::int64_t add_seller(Database& db, const Seller& s) {
    db.prepare("INSERT INTO invoice_seller(name, business_id, vat_number, address, iban, bic, email, phone, valid_from, "
               "set_by, set_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
        .bind_all(s.name, s.business_id, s.vat_number, s.address, s.iban, s.bic, s.email, s.phone, s.valid_from,
                  s.set_by, s.set_at)
        .run();
    return db.last_insert_id();
}

}  // namespace jobcenter::pricing
