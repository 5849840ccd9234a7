// Building the assignment problem: rules on every pair, the script's score on each one that passes.
#include "matching/commands/assignment_input.hpp"

#include <chrono>

#include "matching/commands/judge_order.hpp"

namespace jobcenter::matching {
namespace {

// The seats each order's live gigs already hold, by order id.
std::map<std::string, int> seats_taken_by_order(const MatchingData& data) {
    std::map<std::string, int> taken;
    for (const auto& [_, gigs] : data.gigs)
        for (const auto& g : gigs.live) ++taken[g.order_id];
    return taken;
}

bool has_live_gig_on(const ClientGigs* gigs, const std::string& order_id) {
    if (!gigs) return false;
    for (const auto& g : gigs->live)
        if (g.order_id == order_id) return true;
    return false;
}

// Per task type, the indices of the clients with a skill in it and their level: the pairs worth judging.
std::map<std::string, std::vector<std::pair<std::size_t, int>>> clients_by_skill(const std::vector<const Client*>& clients) {
    std::map<std::string, std::vector<std::pair<std::size_t, int>>> index;
    for (std::size_t j = 0; j < clients.size(); ++j)
        for (const auto& skill : clients[j]->skills) index[skill.task_type].emplace_back(j, skill.level);
    return index;
}

AssignmentOrder solver_order(const OrderPlan& plan, int seats_left) {
    AssignmentOrder out;
    out.seats = seats_left;
    for (const auto& occ : plan.occurrences) out.occurrences.push_back({occ.start, occ.end});
    for (const auto& [week, minutes] : plan.minutes_per_week) out.minutes_per_week.push_back({week, minutes});
    return out;
}

AssignmentClient solver_client(const ClientSituation& s) {
    AssignmentClient out;
    out.default_week_minutes = s.client->weekly_minutes_max;
    for (const auto& [week, booked] : s.booked_minutes_per_week)
        out.free_minutes_per_week.push_back({week, s.client->weekly_minutes_max - booked});
    return out;
}

// One order's judged pairs, waiting for the script: the eligible clients and what M.score is given.
struct JudgedOrder {
    std::int32_t order_index = 0;
    std::map<std::string, ScoringFrame> frames;  // by unit: the fairness mean is the unit's
    std::vector<ScoringRequest> requests;
    std::vector<std::int32_t> eligible;
};

// What judging the pairs reads, computed once for every order.
struct JudgingPlan {
    std::vector<ClientSituation> situations;
    std::map<std::string, std::vector<std::pair<std::size_t, int>>> skilled;
    std::vector<OrderPlan> plans;                            // per problem order
    std::vector<const std::vector<double>*> recent_hours;   // per problem order: each client's, before its start day
    std::vector<std::map<std::string, double>> unit_means;  // per problem order
};

JudgedOrder judge_pairs(const MatchingData& data, const JudgingPlan& plan, std::size_t k, const Order& order) {
    JudgedOrder judged;
    judged.order_index = static_cast<std::int32_t>(k);
    const auto with_skill = plan.skilled.find(order.task_type);
    if (with_skill == plan.skilled.end()) return judged;
    const int weeks = data.settings.fairness_weeks;
    const RuleInputs inputs{data.settings, data.limits};
    const OrderPlan& order_plan = plan.plans[k];
    for (const auto& [unit, mean] : plan.unit_means[k]) judged.frames.emplace(unit, scoring_frame(order_plan, mean, weeks));
    for (const auto& [j, level] : with_skill->second) {  // the others fail the skill rule
        const auto& s = plan.situations[j];
        if ((order.min_level && level < *order.min_level) || has_live_gig_on(data.gigs_of(*s.client), order.id)) continue;
        if (!evaluate(s, order_plan, inputs, Explain::verdict_only).eligible()) continue;
        judged.eligible.push_back(static_cast<std::int32_t>(j));
        judged.requests.push_back({client_features(s, order_plan, data.areas, (*plan.recent_hours[k])[j]), nullptr});
    }
    return judged;
}

}  // namespace

AssignmentInput build_assignment_input(Scripts& scripts, const MatchingData& data, const std::vector<Order>& orders) {
    AssignmentInput in;
    JudgingPlan plan;
    plan.situations.reserve(data.clients.size());
    for (const auto& c : data.clients) {
        plan.situations.push_back(situate_client(c, data.organisation_of(c), data.gigs_of(c), "", data.wage));
        in.clients.push_back(&c);
        in.problem.clients.push_back(solver_client(plan.situations.back()));
    }
    plan.skilled = clients_by_skill(in.clients);
    const auto seats_taken = seats_taken_by_order(data);
    std::map<Day, std::vector<double>> hours_by_day;  // the fairness window ends at the order's start day
    std::map<Day, std::map<std::string, double>> means_by_day;
    for (const auto& order : orders) {
        const auto taken_it = seats_taken.find(order.id);
        const int taken = taken_it == seats_taken.end() ? 0 : taken_it->second;
        if (taken >= order.seats) continue;
        const Day start_day = day_of(order.start);
        if (!hours_by_day.count(start_day)) {
            hours_by_day[start_day] = recent_hours_of(plan.situations, static_cast<Minute>(start_day) * minutes_per_day,
                                                      data.settings.fairness_weeks);
            means_by_day[start_day] = unit_mean_hours(plan.situations, hours_by_day[start_day]);
        }
        plan.plans.push_back(plan_order(order, data.wage));
        plan.recent_hours.push_back(&hours_by_day[start_day]);
        plan.unit_means.push_back(means_by_day[start_day]);
        in.orders.push_back(&order);
        in.seats_taken.push_back(taken);
        in.problem.orders.push_back(solver_order(plan.plans.back(), order.seats - taken));
    }

    for (std::size_t k = 0; k < in.orders.size(); ++k) {
        JudgedOrder judged = judge_pairs(data, plan, k, *in.orders[k]);
        for (std::size_t i = 0; i < judged.requests.size(); ++i)
            judged.requests[i].frame = &judged.frames.at(in.clients[static_cast<std::size_t>(judged.eligible[i])]->unit);
        const auto started = std::chrono::steady_clock::now();
        const auto scores = score_candidates(scripts, std::move(judged.requests), Terms::total_only);
        in.scoring_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        in.scored_pairs += static_cast<long>(scores.size());
        for (std::size_t i = 0; i < scores.size(); ++i) in.problem.arcs.push_back({judged.order_index, judged.eligible[i], scores[i].total});
    }
    return in;
}

}  // namespace jobcenter::matching
