// Judging the visible clients against one order: every rule on every client, the eligible ones scored by
// the unit's script and ranked (highest score first, ties by client id), the rest listed with every rule
// that failed.
#pragma once

#include <optional>
#include <vector>

#include "matching/commands/matching_data.hpp"
#include "matching/rules/evaluate.hpp"
#include "matching/scoring/candidate_score.hpp"

namespace jobcenter::matching {

struct Candidate {
    const Client* client = nullptr;
    Score score;
    std::vector<Finding> warnings;
    const GigTime* gig = nullptr;  // the client's live gig on this order, if any
};

struct Excluded {
    const Client* client = nullptr;
    std::vector<Finding> rules;
};

struct Judgement {
    OrderPlan plan;
    std::vector<Candidate> candidates;  // ranked
    std::vector<Excluded> excluded;     // in client id order
};

Judgement judge_order(Scripts& scripts, const MatchingData& data, const Order& order);

// Each client's hours in the `weeks` weeks before `before`, in the situations' order.
std::vector<double> recent_hours_of(const std::vector<ClientSituation>& situations, Minute before, int weeks);
// The mean of those hours over each unit's clients, by unit.
std::map<std::string, double> unit_mean_hours(const std::vector<ClientSituation>& situations, const std::vector<double>& hours);

}  // namespace jobcenter::matching
