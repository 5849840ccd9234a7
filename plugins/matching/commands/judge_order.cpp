// Running the rules and the scoring script over the visible clients for one order.
#include "matching/commands/judge_order.hpp"

#include <algorithm>

namespace jobcenter::matching {
namespace {

const GigTime* live_gig_on(const ClientGigs* gigs, const std::string& order_id) {
    if (!gigs) return nullptr;
    for (const auto& g : gigs->live)
        if (g.order_id == order_id) return &g;
    return nullptr;
}

}  // namespace

std::map<std::string, double> unit_mean_hours(const std::vector<ClientSituation>& situations, Minute before, int weeks) {
    std::map<std::string, std::pair<double, int>> sums;
    for (const auto& s : situations) {
        auto& [hours, count] = sums[s.client->unit];
        hours += recent_hours(s, before, weeks);
        ++count;
    }
    std::map<std::string, double> means;
    for (const auto& [unit, sum] : sums) means[unit] = sum.second ? sum.first / sum.second : 0.0;
    return means;
}

Judgement judge_order(Scripts& scripts, const MatchingData& data, const Order& order) {
    Judgement j;
    j.plan = plan_order(order, data.wage);
    std::vector<ClientSituation> situations;
    situations.reserve(data.clients.size());
    for (const auto& c : data.clients)
        situations.push_back(situate_client(c, data.organisation_of(c), data.gigs_of(c), order.id, data.wage));
    const int weeks = data.settings.fairness_weeks;
    const Minute window_end = static_cast<Minute>(day_of(order.start)) * minutes_per_day;  // fairness counts whole days
    const auto means = unit_mean_hours(situations, window_end, weeks);
    const RuleInputs inputs{data.settings, data.limits};
    for (const auto& s : situations) {
        Verdict verdict = evaluate(s, j.plan, inputs);
        if (!verdict.eligible()) {
            j.excluded.push_back({s.client, std::move(verdict.exclusions)});
            continue;
        }
        const ScoringFrame frame = scoring_frame(j.plan, means.at(s.client->unit), weeks);
        Candidate c{s.client, {}, std::move(verdict.warnings), live_gig_on(data.gigs_of(*s.client), order.id)};
        c.score = score_candidate(scripts, client_features(s, j.plan, data.areas, recent_hours(s, window_end, weeks)), frame);
        j.candidates.push_back(std::move(c));
    }
    std::stable_sort(j.candidates.begin(), j.candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score.total != b.score.total) return a.score.total > b.score.total;
        return a.client->id < b.client->id;
    });
    return j;
}

}  // namespace jobcenter::matching
