// Running the rule groups on one client and one order.
#include "matching/rules/evaluate.hpp"

namespace jobcenter::matching {

void Findings::keep(Rule rule, RuleAction action, std::string detail) {
    switch (action) {
        case RuleAction::exclude: verdict_.exclusions.push_back({rule, std::move(detail)}); break;
        case RuleAction::warn: verdict_.warnings.push_back({rule, std::move(detail)}); break;
        case RuleAction::off: break;
    }
}

Verdict evaluate(const ClientSituation& client, const OrderPlan& order, const RuleInputs& inputs, Explain explain) {
    Findings findings(inputs.settings, explain);
    check_readiness(client, order, findings);
    if (!findings.settled()) check_schedule(client, order, findings);
    if (!findings.settled()) check_earnings(client, order, inputs.limits, findings);
    return findings.take();
}

}  // namespace jobcenter::matching
