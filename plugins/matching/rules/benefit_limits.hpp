// The dated benefit limits (table benefit_limit): which one is in force for a benefit on a day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"
#include "matching/model/calendar.hpp"

namespace jobcenter::matching {

enum class LimitKind { suspension, adjustment, review, yel };
enum class LimitPeriod { month, year };

struct BenefitLimit {
    std::string benefit;  // a benefit code, or "commission-income" for YEL
    LimitKind kind = LimitKind::suspension;
    LimitPeriod period = LimitPeriod::month;
    Money amount;
    std::optional<Decimal> rate_percent;
    Day valid_from = 0;
    std::optional<Day> valid_to;
    bool verified = true;
    std::string source;
};

class BenefitLimits {
public:
    static BenefitLimits load(Database& db);
    // The row for `benefit` and `kind` in force on `day`, if any.
    const BenefitLimit* in_force(std::string_view benefit, LimitKind kind, Day day) const;

private:
    std::vector<BenefitLimit> rows_;
};

}  // namespace jobcenter::matching
