// The dated benefit limits (table benefit_limit): which one is in force for a benefit on a day.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"
#include "matching/model/calendar.hpp"

namespace jobcenter::matching {

enum class LimitKind { suspension, adjustment, review, yel };
enum class LimitPeriod { month, year };

// The spelling of each kind and period in the table and on the command line.
std::string_view kind_name(LimitKind kind);
std::optional<LimitKind> parse_limit_kind(std::string_view text);
std::string_view period_name(LimitPeriod period);
std::optional<LimitPeriod> parse_limit_period(std::string_view text);
// The period the rules count a kind over: suspension and adjustment per month, review and YEL per year.
LimitPeriod period_of_kind(LimitKind kind);

struct BenefitLimit {
    std::int64_t id = 0;
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
    // The row for `benefit` and `kind` in force on `day`, if any: of the rows whose valid_from is on or before the
    // day and whose valid_to (if any) is not before it, the one with the latest valid_from, then the highest id.
    const BenefitLimit* in_force(std::string_view benefit, LimitKind kind, Day day) const;
    // The row in force on `day` of every benefit and kind that has one, by benefit and kind.
    std::vector<const BenefitLimit*> all_in_force(Day day) const;

private:
    std::map<std::pair<std::string, LimitKind>, std::vector<BenefitLimit>, std::less<>> rows_;  // newest first
};

}  // namespace jobcenter::matching
