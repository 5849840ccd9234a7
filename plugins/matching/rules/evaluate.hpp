// Every rule on one client and one order: the findings that exclude the client and the warnings that keep
// them in, each with its rule name and what was found, as the unit's settings say each rule acts.
#pragma once

#include <vector>

#include "matching/rules/benefit_limits.hpp"
#include "matching/rules/rule_names.hpp"
#include "matching/rules/rule_settings.hpp"
#include "matching/rules/situation.hpp"

namespace jobcenter::matching {

struct Verdict {
    std::vector<Finding> exclusions;
    std::vector<Finding> warnings;
    bool eligible() const { return exclusions.empty(); }
};

// Collects findings, sending each where the unit's setting for its rule says.
class Findings {
public:
    explicit Findings(const RuleSettings& settings) : settings_(settings) {}
    void add(Rule rule, std::string detail);
    // A finding that is a caution by nature (never an exclusion unless the setting makes it one).
    bool wanted(Rule rule) const { return settings_.of(rule) != RuleAction::off; }
    const RuleSettings& settings() const { return settings_; }
    Verdict take() { return std::move(verdict_); }

private:
    const RuleSettings& settings_;
    Verdict verdict_;
};

struct RuleInputs {
    const RuleSettings& settings;
    const BenefitLimits& limits;
};

Verdict evaluate(const ClientSituation& client, const OrderPlan& order, const RuleInputs& inputs);

// The rule groups evaluate() runs, in the order explanations list them.
void check_readiness(const ClientSituation& client, const OrderPlan& order, Findings& out);
void check_schedule(const ClientSituation& client, const OrderPlan& order, Findings& out);
void check_earnings(const ClientSituation& client, const OrderPlan& order, const BenefitLimits& limits, Findings& out);

}  // namespace jobcenter::matching
