// Readiness and legal rules (DOMAIN.md 4.1 R1-R10, 9 P1, P11; 10.2 L1, L2, L7, L8, L10): wants paid work,
// approval, Y 100 consent, Kuty skills recognition, skill and level, the commission rule, the
// early-education extract, first-gig support and the same task as in work activity.
#include <algorithm>

#include "matching/rules/evaluate.hpp"

namespace jobcenter::matching {
namespace {

std::string first_day(const OrderPlan& plan) { return day_text(day_of(plan.order->start)); }

void check_dated_step(const std::optional<Day>& done_on, const OrderPlan& plan, Rule rule, const char* missing,
                      const char* what, Findings& out) {
    if (!done_on) out.add(rule, [&]() -> std::string { return missing; });
    else if (*done_on > day_of(plan.order->start))
        out.add(rule, [&]() -> std::string { return std::string(what) + " on " + day_text(*done_on) + ", after the order starts on " + first_day(plan); });
}

void check_skill(const Client& c, const Order& o, Findings& out) {
    const Skill* skill = c.skill_in(o.task_type);
    if (!skill) out.add(Rule::skill, [&]() -> std::string { return "no skill in " + o.task_type; });
    else if (o.min_level && skill->level < *o.min_level)
        out.add(Rule::skill, [&]() -> std::string { return "level " + std::to_string(skill->level) + " in " + o.task_type + ", the order needs " +
                                 std::to_string(*o.min_level); });
}

void check_commission(const Client& c, const Order& o, Findings& out) {
    if (o.contract != Contract::commission) return;
    std::string stopped;
    for (auto b : c.benefits)
        if (is_unemployment_benefit(b)) stopped += (stopped.empty() ? "" : " and ") + std::string(code_of(b));
    if (stopped.empty()) return;
    out.add(Rule::commission_unemployment_benefit, [&]() -> std::string { return "a commission contract counts as entrepreneurship: it stops " + stopped +
                " for about 30 days while the report is processed (an employment contract does not)"; });
}

void check_extract(const Client& c, const Order& o, Findings& out) {
    if (!o.early_education_months || *o.early_education_months <= 3 || c.criminal_record_extract) return;
    out.add(Rule::early_education_extract, [&]() -> std::string { return std::to_string(*o.early_education_months) +
                                               " months at an early-education site needs a criminal-record extract; "
                                               "none is recorded"; });
}

}  // namespace

void check_readiness(const ClientSituation& s, const OrderPlan& plan, Findings& out) {
    const Client& c = *s.client;
    const Order& o = *plan.order;
    if (!c.wants_paid_work) out.add(Rule::wants_paid_work, [&]() -> std::string { return "the client does not want paid work now"; });
    if (!c.approved) out.add(Rule::approved, [&]() -> std::string { return "not approved for paid work"; });
    else if (c.approved->on > day_of(o.start))
        out.add(Rule::approved, [&]() -> std::string { return "approved on " + day_text(c.approved->on) + ", after the order starts on " + first_day(plan); });
    check_dated_step(c.consent_y100, plan, Rule::consent_y100, "no Y 100 consent signed", "Y 100 consent signed", out);
    if (s.organisation == Organisation::kuty)
        check_dated_step(c.skills_recognised, plan, Rule::skills_recognition,
                         "no skills recognition recorded (Kuty needs it before paid work)", "skills recognised", out);
    check_skill(c, o, out);
    check_commission(c, o, out);
    check_extract(c, o, out);
    if (out.wanted(Rule::first_gig_support) && s.completed_gigs < out.settings().first_gigs_with_support)
        out.add(Rule::first_gig_support, [&]() -> std::string { return std::to_string(s.completed_gigs) + " gig" + (s.completed_gigs == 1 ? "" : "s") +
                    " done so far: a support person goes along (" +
                    (o.support_person ? "the order names " + *o.support_person : std::string("none named on the order yet")) + ")"; });
    if (std::find(c.work_activity_tasks.begin(), c.work_activity_tasks.end(), o.task_type) != c.work_activity_tasks.end())
        out.add(Rule::same_as_work_activity_task, [&]() -> std::string { return o.task_type + " is also the client's work-activity task; paid work should primarily differ from it"; });
}

}  // namespace jobcenter::matching
