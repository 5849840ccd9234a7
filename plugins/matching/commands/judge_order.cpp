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

std::vector<double> recent_hours_of(const std::vector<ClientSituation>& situations, Minute before, int weeks) {
    std::vector<double> hours;
    hours.reserve(situations.size());
    for (const auto& s : situations) hours.push_back(recent_hours(s, before, weeks));
    return hours;
}

std::map<std::string, double> unit_mean_hours(const std::vector<ClientSituation>& situations, const std::vector<double>& hours) {
    std::map<std::string, std::pair<double, int>> sums;
    for (std::size_t i = 0; i < situations.size(); ++i) {
        auto& [sum, count] = sums[situations[i].client->unit];
        sum += hours[i];
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
    const auto hours = recent_hours_of(situations, window_end, weeks);
    const auto means = unit_mean_hours(situations, hours);
    const RuleInputs inputs{data.settings, data.limits};
    std::map<std::string, ScoringFrame> frames;  // by unit: the fairness mean is the unit's
    for (const auto& [unit, mean] : means) frames.emplace(unit, scoring_frame(j.plan, mean, weeks));
    std::vector<ScoringRequest> requests;
    for (std::size_t i = 0; i < situations.size(); ++i) {
        const auto& s = situations[i];
        Verdict verdict = evaluate(s, j.plan, inputs);
        if (!verdict.eligible()) {
            j.excluded.push_back({s.client, std::move(verdict.exclusions)});
            continue;
        }
        j.candidates.push_back({s.client, {}, std::move(verdict.warnings), live_gig_on(data.gigs_of(*s.client), order.id)});
        requests.push_back({client_features(s, j.plan, data.areas, hours[i]), &frames.at(s.client->unit)});
    }
    auto scores = score_candidates(scripts, std::move(requests));
    for (std::size_t i = 0; i < scores.size(); ++i) j.candidates[i].score = std::move(scores[i]);
    std::stable_sort(j.candidates.begin(), j.candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score.total != b.score.total) return a.score.total > b.score.total;
        return a.client->id < b.client->id;
    });
    return j;
}

}  // namespace jobcenter::matching
