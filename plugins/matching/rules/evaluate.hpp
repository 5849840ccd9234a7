// Every rule on one client and one order: the findings that exclude the client and the warnings that keep
// them in, each with its rule name and what was found, as the unit's settings say each rule acts.
#pragma once

#include <string>
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

// Whether findings carry their details (match explains every client) or only decide (assign needs to know
// who may take an order, not why the others may not: no text is built and warnings are not kept).
enum class Explain { details, verdict_only };

// Collects findings, sending each where the unit's setting for its rule says. The detail is made only when
// it is kept.
class Findings {
public:
    explicit Findings(const RuleSettings& settings, Explain explain = Explain::details)
        : settings_(settings), explain_(explain) {}
    template <class MakeDetail>
    void add(Rule rule, MakeDetail&& detail) {
        const RuleAction action = settings_.of(rule);
        if (action == RuleAction::off || (action == RuleAction::warn && explain_ == Explain::verdict_only)) return;
        keep(rule, action, explain_ == Explain::details ? std::string(detail()) : std::string());
    }
    // True once the client is left out and no detail is wanted: the remaining rules cannot change the verdict.
    bool settled() const { return explain_ == Explain::verdict_only && !verdict_.exclusions.empty(); }
    // Whether a finding of `rule` would be kept: the rules that only warn check this before costly work.
    bool wanted(Rule rule) const {
        const RuleAction action = settings_.of(rule);
        return action == RuleAction::exclude || (action == RuleAction::warn && explain_ == Explain::details);
    }
    const RuleSettings& settings() const { return settings_; }
    Verdict take() { return std::move(verdict_); }

private:
    void keep(Rule rule, RuleAction action, std::string detail);

    const RuleSettings& settings_;
    Explain explain_;
    Verdict verdict_;
};

struct RuleInputs {
    const RuleSettings& settings;
    const BenefitLimits& limits;
};

Verdict evaluate(const ClientSituation& client, const OrderPlan& order, const RuleInputs& inputs,
                 Explain explain = Explain::details);

// The rule groups evaluate() runs, in the order explanations list them.
void check_readiness(const ClientSituation& client, const OrderPlan& order, Findings& out);
void check_schedule(const ClientSituation& client, const OrderPlan& order, Findings& out);
void check_earnings(const ClientSituation& client, const OrderPlan& order, const BenefitLimits& limits, Findings& out);

}  // namespace jobcenter::matching
