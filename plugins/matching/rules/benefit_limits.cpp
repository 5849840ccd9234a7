// Loading the dated benefit limits and picking the row in force.
#include "matching/rules/benefit_limits.hpp"

namespace jobcenter::matching {
namespace {

LimitKind kind_of(std::string_view text) {
    if (text == "suspension") return LimitKind::suspension;
    if (text == "adjustment") return LimitKind::adjustment;
    if (text == "review") return LimitKind::review;
    return LimitKind::yel;
}

}  // namespace

BenefitLimits BenefitLimits::load(Database& db) {
    BenefitLimits limits;
    auto q = db.prepare(
        "SELECT benefit, kind, period, cents, rate_percent, valid_from, valid_to, verified, source FROM benefit_limit "
        "ORDER BY benefit, kind, valid_from DESC, id DESC");
    while (q.step()) {
        BenefitLimit row;
        row.benefit = q.get_text(0);
        row.kind = kind_of(q.get_text_view(1));
        row.period = q.get_text_view(2) == "year" ? LimitPeriod::year : LimitPeriod::month;
        row.amount = Money::from_cents(q.get_int(3));
        if (auto rate = q.get_optional_text(4)) row.rate_percent = Decimal::parse(*rate);
        row.valid_from = parse_day(q.get_text_view(5)).value_or(0);
        if (auto to = q.get_optional_text(6)) row.valid_to = parse_day(*to);
        row.verified = q.get_int(7) != 0;
        row.source = q.get_text(8);
        limits.rows_.push_back(std::move(row));
    }
    return limits;
}

const BenefitLimit* BenefitLimits::in_force(std::string_view benefit, LimitKind kind, Day day) const {
    for (const auto& row : rows_)
        if (row.benefit == benefit && row.kind == kind && row.valid_from <= day && (!row.valid_to || day <= *row.valid_to))
            return &row;
    return nullptr;
}

}  // namespace jobcenter::matching
