// Running the rule groups on one client and one order.
#include "matching/rules/evaluate.hpp"

namespace jobcenter::matching {

void Findings::add(Rule rule, std::string detail) {
    switch (settings_.of(rule)) {
        case RuleAction::exclude: verdict_.exclusions.push_back({rule, std::move(detail)}); break;
        case RuleAction::warn: verdict_.warnings.push_back({rule, std::move(detail)}); break;
        case RuleAction::off: break;
    }
}

Verdict evaluate(const ClientSituation& client, const OrderPlan& order, const RuleInputs& inputs) {
    Findings findings(inputs.settings);
    check_readiness(client, order, findings);
    check_schedule(client, order, findings);
    check_earnings(client, order, inputs.limits, findings);
    return findings.take();
}

}  // namespace jobcenter::matching
