// A candidate's score from the unit's M.score(client, order, context): what the host tells the script
// about the client and the order (features, not the whole record), and the named terms it returns,
// checked and summed.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "jobcenter/scripts.hpp"
#include "matching/rules/situation.hpp"
#include "matching/scoring/postcode_areas.hpp"

namespace jobcenter::matching {

struct Score {
    double total = 0;
    std::vector<std::pair<std::string, double>> terms;  // in name order
};

// What the scoring script sees of every candidate of one order: the order's side and the context.
struct ScoringFrame {
    boost::json::object order;
    boost::json::object context;
};

// `unit_mean_hours`: the mean of hours_recent over the unit's clients.
ScoringFrame scoring_frame(const OrderPlan& plan, double unit_mean_hours, int fairness_weeks);

// The client's side: skill level, interest, practice, travel distance and transport, recent hours,
// gigs done, gigs with the same orderer.
boost::json::object client_features(const ClientSituation& s, const OrderPlan& plan, const PostcodeAreas& areas,
                                    double hours_recent);

// Hours of the client's gigs in the `weeks` weeks before `before` (planned hours of every live gig).
double recent_hours(const ClientSituation& s, Minute before, int weeks);

// One candidate to score: the client's features and the frame of the order (per unit).
struct ScoringRequest {
    boost::json::object client;
    const ScoringFrame* frame = nullptr;
};

// Whether a score keeps its terms (match shows them) or only the total (assign needs no more).
enum class Terms { kept, total_only };

// Calls M.score once per request, in one batch, and checks each result: a table of at most 20 named, finite
// numbers within ±1000. The scores come back in the requests' order.
std::vector<Score> score_candidates(Scripts& scripts, std::vector<ScoringRequest> requests, Terms kept = Terms::kept);
// Checks one result of M.score as the commands do (for `script check`); throws ScriptError naming the term.
Score checked_score(const boost::json::value& result, const ScriptSite& site, Terms kept = Terms::kept);
Score score_candidate(Scripts& scripts, boost::json::object client, const ScoringFrame& frame);

}  // namespace jobcenter::matching
