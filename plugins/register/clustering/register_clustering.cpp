// Clustering the register as a run's plan says, whole or incrementally (see register_clustering.hpp).
#include "register/clustering/register_clustering.hpp"

#include <algorithm>

#include "register/clustering/cluster_writeback.hpp"
#include "register/incremental/incremental_scope.hpp"
#include "register/incremental/moved_pairs.hpp"
#include "register/index/blocking.hpp"
#include "register/index/count_steps.hpp"

namespace jobcenter::register_plugin {
namespace {

using PositionPairs = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The pairs with both records in scope.
PositionPairs within(const PositionPairs& pairs, const std::vector<char>& in_scope) {
    PositionPairs out;
    for (auto [a, b] : pairs)
        if (in_scope[a] && in_scope[b]) out.emplace_back(a, b);
    return out;
}

}  // namespace

RegisterClustering run_clustering(const RecordIndex& index, const MatchRules& rules, ClusteringPlan plan,
                                  const std::vector<std::uint32_t>& new_positions, PhaseTimer& timer) {
    RegisterClustering out;
    out.mode = plan.mode;
    out.why = plan.why;
    out.fingerprint = std::move(plan.fingerprint);
    out.forbidden = std::move(plan.forbidden);
    const auto& must_link = plan.must_link;
    out.in_scope.assign(index.size(), 1);
    out.size_step = register_size_step(index.size());
    if (out.mode == RunMode::incremental && plan.size_step != out.size_step) {
        // Every name word's weight follows the register's size in steps: past a step, every pair moved.
        out.mode = RunMode::full;
        out.why = plan.size_step == 0 ? "the last run kept no size step (a run before this version)"
                                      : "the register grew past a step of its size (" + std::to_string(index.size()) +
                                            " records): every name word's weight moved";
    }
    if (out.mode == RunMode::incremental) {
        auto& pending = plan.pending;
        RegisterChanges changes;
        for (auto p : pending)
            if (index.records[p].id > plan.last_record_id) changes.added.push_back(p);
        changes.added.insert(changes.added.end(), new_positions.begin(), new_positions.end());
        changes.replaced = std::move(plan.replaced);
        pending.insert(pending.end(), new_positions.begin(), new_positions.end());
        const std::size_t new_or_changed = pending.size();
        // Besides what was added, changed or decided: the records whose pairs those moved (a word or a shared
        // phone now counted in another step, a common block's window shifted), as a whole run would score them.
        MovedPairs moved_pairs(index, rules, changes);
        CandidateNeighbours candidates(index, rules.blocking);
        timer.end("blocking keys");
        const std::vector<std::uint32_t> moved = moved_pairs.records(candidates);
        pending.insert(pending.end(), moved.begin(), moved.end());
        std::sort(pending.begin(), pending.end());
        pending.erase(std::unique(pending.begin(), pending.end()), pending.end());
        timer.end("moved pairs");
        const std::string what_moved = std::to_string(new_or_changed) + " records new or changed since the last run, " +
                                       std::to_string(pending.size() - std::min(pending.size(), new_or_changed)) +
                                       " more whose pairs those moved";
        // Both give the same clusters; over most of a large register, the whole run is the quicker.
        constexpr std::size_t large_register = 10000;
        if (index.size() >= large_register && pending.size() * 2 > index.size()) {
            out.mode = RunMode::full;
            out.why = what_moved + ": over half the register, quicker run whole";
        } else {
            IncrementalScope scope = incremental_scope(index, rules, candidates, must_link, pending);
            out.in_scope = std::move(scope.in_scope);
            timer.end("scope");
            out.clustering = cluster_records(index, rules, within(out.forbidden, out.in_scope), within(must_link, out.in_scope),
                                             &scope.touching);
            out.why = what_moved;
        }
    }
    if (out.mode == RunMode::full) out.clustering = cluster_records(index, rules, out.forbidden, must_link);
    timer.report("candidates", out.clustering.candidates_time);
    timer.report("scoring", out.clustering.scoring_time);
    timer.report("joining", out.clustering.joining_time);
    out.reclustered = static_cast<std::size_t>(std::count(out.in_scope.begin(), out.in_scope.end(), 1));
    out.clusters = group_clusters(out.clustering, out.in_scope);
    return out;
}

RegisterClustering cluster_register(Database& db, const RecordIndex& index, const MatchRules& rules, bool whole,
                                    PhaseTimer& timer) {
    return run_clustering(index, rules, plan_clustering(db, index, rules, whole), {}, timer);
}

}  // namespace jobcenter::register_plugin
