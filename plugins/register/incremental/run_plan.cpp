// Planning a dedupe run (see run_plan.hpp): full or incremental, and the decisions and records it starts from.
#include "register/incremental/run_plan.hpp"

#include <algorithm>

#include "register/incremental/last_run.hpp"
#include "register/review/register_events.hpp"
#include "register/scoring/match_rules.hpp"

namespace jobcenter::register_plugin {
namespace {

// Record positions of the decisions people made (record ids that are not in the index are left out).
std::vector<std::pair<std::uint32_t, std::uint32_t>> positions_of(
    const RecordIndex& index, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    out.reserve(pairs.size());
    for (auto [a, b] : pairs)
        if (auto pa = index.position_of(a), pb = index.position_of(b); pa && pb) out.emplace_back(std::min(*pa, *pb), std::max(*pa, *pb));
    return out;
}

}  // namespace

std::string_view run_mode_name(RunMode mode) {
    switch (mode) {
        case RunMode::full: return "full";
        case RunMode::incremental: return "incremental";
    }
    return "full";
}

ClusteringPlan plan_clustering(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole) {
    ClusteringPlan plan;
    StandingDecisions decisions = load_standing_decisions(db);
    plan.forbidden = positions_of(index, decisions.not_same);
    plan.must_link = positions_of(index, decisions.same);
    plan.fingerprint = run_fingerprint(db, rules);

    // Incremental unless asked for the whole register, or nothing was linked before, or the rules changed.
    plan.mode = RunMode::full;
    const auto previous = last_run(db);
    if (whole) plan.why = "asked for the whole register";
    else if (!previous) plan.why = "first run";
    else if (previous->rules != plan.fingerprint)
        plan.why = previous->rules.starts_with(rules_fingerprint(rules))  // the same rules, keys read again
                       ? "the register's keys were read again since the last run"
                       : "the rules changed since the last run";
    else plan.mode = RunMode::incremental;
    if (plan.mode == RunMode::incremental) {
        plan.pending = new_since(db, index, previous->last_import_id, previous->last_event_id);
        plan.last_record_id = previous->last_record_id;
        plan.size_step = previous->size_step;
        plan.replaced = replaced_since(db, index, previous->last_record_id);
    }
    return plan;
}

}  // namespace jobcenter::register_plugin
