// Building the scoring script's arguments and checking its result.
#include "matching/scoring/candidate_score.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace jobcenter::matching {
namespace json = boost::json;

ScoringFrame scoring_frame(const OrderPlan& plan, double unit_mean_hours, int fairness_weeks) {
    const Order& o = *plan.order;
    ScoringFrame frame;
    frame.order = json::object{{"id", o.id},
                               {"task_type", o.task_type},
                               {"min_level", o.min_level ? *o.min_level : 1},
                               {"hours", o.minutes / 60.0},
                               {"seats", o.seats},
                               {"repeating", o.repeat.has_value()},
                               {"occurrences", plan.occurrences.size()},
                               {"contract", code_of(o.contract)},
                               {"orderer", o.orderer_id}};
    frame.context = json::object{{"unit_mean_hours", unit_mean_hours},
                                 {"fairness_weeks", fairness_weeks},
                                 {"date", day_text(day_of(o.start))}};
    return frame;
}

double recent_hours(const ClientSituation& s, Minute before, int weeks) {
    const Minute from = before - static_cast<Minute>(weeks) * 7 * minutes_per_day;
    Minute minutes = 0;
    for (const GigTime* gig : s.gigs)
        for (const auto& occ : gig->occurrences)
            if (occ.start >= from && occ.start < before) minutes += occ.end - occ.start;
    return static_cast<double>(minutes) / 60.0;
}

json::object client_features(const ClientSituation& s, const OrderPlan& plan, const PostcodeAreas& areas, double hours_recent) {
    const Client& c = *s.client;
    const Order& o = *plan.order;
    const Skill* skill = c.skill_in(o.task_type);
    int with_orderer = 0;
    for (const GigTime* gig : s.gigs) with_orderer += gig->orderer_id == o.orderer_id ? 1 : 0;
    json::array transport;
    for (auto t : c.transport) transport.push_back(json::value(code_of(t)));
    const auto distance = areas.distance_km(c.home_postcode, o.postcode);
    const bool same_task = std::find(c.work_activity_tasks.begin(), c.work_activity_tasks.end(), o.task_type) !=
                           c.work_activity_tasks.end();
    return json::object{{"id", c.id},
                        {"organisation", code_of(s.organisation)},
                        {"skill_level", skill ? skill->level : 0},
                        {"practised_in_work_activity", skill && skill->practised_in_work_activity},
                        {"same_as_work_activity_task", same_task},
                        {"interested", std::find(c.interests.begin(), c.interests.end(), o.task_type) != c.interests.end()},
                        {"distance_km", distance ? json::value(*distance) : json::value(nullptr)},
                        {"transport", std::move(transport)},
                        {"hours_recent", hours_recent},
                        {"gigs_done", s.completed_gigs},
                        {"gigs_with_orderer", with_orderer}};
}

namespace {

// Refuses a term that is not a finite number within ±1000, through the host's checker so that the message
// says what came back as every script message does ("got number 1000.5", "got string \"high\"").
[[noreturn]] void refuse_term(const json::value& value, std::string_view name, const ScriptSite& site) {
    ScriptSite term = site;
    term.entry = site.entry + "." + std::string(name);
    script_number(ScriptValue{value, term}, "score term", -1000, 1000);
    throw ScriptError("score term must be a finite number within ±1000", term.describe());
}

}  // namespace

Score checked_score(const json::value& result, const ScriptSite& site, Terms kept) {
    Score score;
    if (result.is_array() && result.as_array().empty()) return score;  // {}: no terms
    const auto* terms = result.if_object();
    if (!terms) throw ScriptError("score must return a table of named terms, such as {skill = 3, travel = -1}", site.describe());
    if (terms->size() > 20) throw ScriptError("score returned " + std::to_string(terms->size()) + " terms; at most 20", site.describe());
    // Rounded to 0.001 and summed in name order, so that the total never depends on the table's order.
    std::vector<std::pair<std::string_view, double>> named;
    named.reserve(terms->size());
    for (const auto& [name, value] : *terms) {
        const double number = value.is_number() ? value.to_number<double>() : std::nan("");
        if (!value.is_number() || !std::isfinite(number) || number < -1000 || number > 1000) refuse_term(value, name, site);
        named.emplace_back(std::string_view(name), std::round(number * 1000) / 1000);
    }
    std::sort(named.begin(), named.end());
    for (const auto& [name, v] : named) {
        score.total += v;
        if (kept == Terms::kept) score.terms.emplace_back(std::string(name), v);
    }
    score.total = std::round(score.total * 1000) / 1000;
    return score;
}

std::vector<Score> score_candidates(Scripts& scripts, std::vector<ScoringRequest> requests, Terms kept) {
    // One batch per frame (a unit's view of the order): the order and context tables are made once for it.
    std::map<const ScoringFrame*, std::vector<std::size_t>> by_frame;
    for (std::size_t i = 0; i < requests.size(); ++i) by_frame[requests[i].frame].push_back(i);
    std::vector<Score> scores(requests.size());
    for (const auto& [frame, indices] : by_frame) {
        std::vector<json::array> calls;
        calls.reserve(indices.size());
        for (auto i : indices) calls.push_back(json::array{std::move(requests[i].client)});
        const ScriptValues results = scripts.call_each("matching", "score", calls, json::array{frame->order, frame->context});
        for (std::size_t k = 0; k < indices.size(); ++k) scores[indices[k]] = checked_score(results.values[k], results.site, kept);
    }
    return scores;
}

Score score_candidate(Scripts& scripts, json::object client, const ScoringFrame& frame) {
    ScriptValue result = scripts.call("matching", "score", json::array{std::move(client), frame.order, frame.context});
    return checked_score(result.value, result.site);
}

}  // namespace jobcenter::matching
