// Loading the dated benefit limits and picking the row in force.
#include "matching/rules/benefit_limits.hpp"

namespace jobcenter::matching {

std::string_view kind_name(LimitKind kind) {
    switch (kind) {
        case LimitKind::suspension: return "suspension";
        case LimitKind::adjustment: return "adjustment";
        case LimitKind::review: return "review";
        case LimitKind::yel: return "yel";
    }
    return "";
}

std::optional<LimitKind> parse_limit_kind(std::string_view text) {
    for (auto kind : {LimitKind::suspension, LimitKind::adjustment, LimitKind::review, LimitKind::yel})
        if (kind_name(kind) == text) return kind;
    return std::nullopt;
}

std::string_view period_name(LimitPeriod period) { return period == LimitPeriod::month ? "month" : "year"; }

LimitPeriod period_of_kind(LimitKind kind) {
    return kind == LimitKind::suspension || kind == LimitKind::adjustment ? LimitPeriod::month : LimitPeriod::year;
}

std::optional<LimitPeriod> parse_limit_period(std::string_view text) {
    if (text == "month") return LimitPeriod::month;
    if (text == "year") return LimitPeriod::year;
    return std::nullopt;
}

BenefitLimits BenefitLimits::load(Database& db) {
    BenefitLimits limits;
    auto q = db.prepare(
        "SELECT id, benefit, kind, period, cents, rate_percent, valid_from, valid_to, verified, source FROM benefit_limit "
        "ORDER BY benefit, kind, valid_from DESC, id DESC");
    while (q.step()) {
        BenefitLimit row;
        row.id = q.get_int(0);
        row.benefit = q.get_text(1);
        row.kind = parse_limit_kind(q.get_text_view(2)).value_or(LimitKind::yel);
        row.period = parse_limit_period(q.get_text_view(3)).value_or(LimitPeriod::month);
        row.amount = Money::from_cents(q.get_int(4));
        if (auto rate = q.get_optional_text(5)) row.rate_percent = Decimal::parse(*rate);
        row.valid_from = parse_day(q.get_text_view(6)).value_or(0);
        if (auto to = q.get_optional_text(7)) row.valid_to = parse_day(*to);
        row.verified = q.get_int(8) != 0;
        row.source = q.get_text(9);
        auto key = std::make_pair(row.benefit, row.kind);
        limits.rows_[std::move(key)].push_back(std::move(row));
    }
    return limits;
}

const BenefitLimit* BenefitLimits::in_force(std::string_view benefit, LimitKind kind, Day day) const {
    auto it = rows_.find(std::make_pair(std::string(benefit), kind));
    if (it == rows_.end()) return nullptr;
    for (const auto& row : it->second)
        if (row.valid_from <= day && (!row.valid_to || day <= *row.valid_to)) return &row;
    return nullptr;
}

std::vector<const BenefitLimit*> BenefitLimits::all_in_force(Day day) const {
    std::vector<const BenefitLimit*> out;
    for (const auto& [key, rows] : rows_)
        if (const auto* row = in_force(key.first, key.second, day)) out.push_back(row);
    return out;
}

}  // namespace jobcenter::matching
