// The Cbc call: the model as a minimisation of the negated objective, every column binary, the start given
// as the first incumbent, Cbc's standard solver (presolve, cuts, heuristics) on one thread with no output.
#include "matching/assignment/mip_search.hpp"

#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <OsiClpSolverInterface.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace jobcenter::matching {
namespace {

std::vector<double> start_values(const LinearModel& model, const std::vector<std::int32_t>& start) {
    std::vector<double> values(model.columns.size(), 0.0);
    for (const auto a : start) {
        const auto at = std::lower_bound(model.columns.begin(), model.columns.end(), a);
        if (at != model.columns.end() && *at == a) values[static_cast<std::size_t>(at - model.columns.begin())] = 1.0;
    }
    return values;
}

OsiClpSolverInterface load(const LinearModel& model) {
    const std::vector<CoinBigIndex> starts(model.column_starts.begin(), model.column_starts.end());
    const std::vector<double> lower(model.columns.size(), 0.0);
    const std::vector<double> upper(model.columns.size(), 1.0);
    std::vector<double> cost(model.objective.size());
    for (std::size_t j = 0; j < cost.size(); ++j) cost[j] = -model.objective[j];
    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.getModelPtr()->setLogLevel(0);
    solver.loadProblem(static_cast<int>(model.columns.size()), static_cast<int>(model.row_lower.size()), starts.data(),
                       model.row_indices.data(), model.values.data(), lower.data(), upper.data(), cost.data(),
                       model.row_lower.data(), model.row_upper.data());
    for (int j = 0; j < static_cast<int>(model.columns.size()); ++j) solver.setInteger(j);
    return solver;
}

int no_callback(CbcModel*, int) { return 0; }

double objective_of(const LinearModel& model, const std::vector<double>& values) {
    double total = 0.0;
    for (std::size_t j = 0; j < values.size(); ++j) total += model.objective[j] * values[j];
    return total;
}

}  // namespace

MipOutcome search_mip(const LinearModel& model, const std::vector<std::int32_t>& start, const MipLimits& limits,
                      double step) {
    MipOutcome outcome;
    outcome.chosen = start;
    const auto start_x = start_values(model, start);
    outcome.value = objective_of(model, start_x);
    outcome.bound = std::numeric_limits<double>::infinity();
    if (model.columns.empty()) {
        outcome.end = MipEnd::optimal;
        outcome.bound = 0.0;
        return outcome;
    }

    auto solver = load(model);
    CbcModel cbc(solver);
    CbcSolverUsefulData data;
    CbcMain0(cbc, data);
    cbc.setLogLevel(0);
    cbc.solver()->messageHandler()->setLogLevel(0);
    cbc.setBestSolution(start_x.data(), static_cast<int>(start_x.size()), -outcome.value, true);
    const auto time_limit = std::to_string(std::max(0.01, limits.seconds));
    const auto nodes = std::to_string(std::max(0, limits.nodes));
    const auto increment = std::to_string(step);
    // No preprocessing: when the time limit (the safety net) falls inside it, Cbc 2.10's postProcess reads a
    // model it never finished and crashes; the node and work limits keep the search small without it.
    const char* argv[] = {"jobcenter", "-log", "0", "-slog", "0", "-threads", "0", "-timeMode", "elapsed",
                          "-sec", time_limit.c_str(), "-maxNodes", nodes.c_str(), "-increment", increment.c_str(), "-ratioGap", "0",
                          "-allowableGap", increment.c_str(), "-preprocess", "off", "-solve", "-quit"};
    CbcMain1(static_cast<int>(std::size(argv)), argv, cbc, no_callback, data);

    const double* best = cbc.bestSolution();
    if (best != nullptr) {
        std::vector<double> x(best, best + model.columns.size());
        const double value = objective_of(model, x);
        if (value > outcome.value) {
            outcome.value = value;
            outcome.chosen.clear();
            for (std::size_t j = 0; j < x.size(); ++j)
                if (x[j] > 0.5) outcome.chosen.push_back(model.columns[j]);
        }
    }
    if (cbc.isProvenOptimal()) {
        outcome.end = MipEnd::optimal;
        outcome.bound = outcome.value;
    } else {
        constexpr int stopped_on_nodes = 3;  // Cbc's secondary status
        constexpr int stopped_on_time = 4;
        const bool timed_out = cbc.isSecondsLimitReached() || cbc.secondaryStatus() == stopped_on_time;
        const bool out_of_nodes = cbc.isNodeLimitReached() || cbc.secondaryStatus() == stopped_on_nodes;
        outcome.end = timed_out ? MipEnd::time_limit : out_of_nodes ? MipEnd::node_limit : MipEnd::failed;
        const double possible = -cbc.getBestPossibleObjValue();
        outcome.bound = std::isfinite(possible) ? std::max(possible, outcome.value) : outcome.bound;
    }
    return outcome;
}

}  // namespace jobcenter::matching
