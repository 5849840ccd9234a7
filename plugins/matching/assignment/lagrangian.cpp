// Evaluating the Lagrangian bound at given prices, and the projected subgradient steps between evaluations.
#include "matching/assignment/lagrangian.hpp"

#include <algorithm>
#include <cmath>

#include "matching/assignment/client_schedule.hpp"
#include "matching/assignment/first_assignments.hpp"
#include "matching/assignment/schedule_repair.hpp"

namespace jobcenter::matching {
namespace {

constexpr double least_profit = 1e-9;       // an order worth less than this to a client is not in their schedule
constexpr int patience = 3;                 // steps without a tighter bound before the step length halves
constexpr double shortest_step = 1.0 / 64;  // relative step length below which the prices have settled

// The arcs again, client by client, with what the prices need: read in one sweep at every step.
struct ClientMajorArcs {
    explicit ClientMajorArcs(const IndexedProblem& problem)
        : first(static_cast<std::size_t>(problem.client_count()) + 1, 0) {
        for (std::int32_t c = 0; c < problem.client_count(); ++c) {
            for (const auto a : problem.client_arcs(c)) {
                arc.push_back(a);
                order.push_back(problem.arc(a).order);
                score.push_back(problem.arc(a).score);
            }
            first[static_cast<std::size_t>(c) + 1] = arc.size();
        }
    }
    std::vector<std::size_t> first;
    std::vector<std::int32_t> arc;
    std::vector<std::int32_t> order;
    std::vector<double> score;
};

struct Evaluation {
    double bound = 0.0;
    std::vector<std::int32_t> chosen;  // every client's schedule
    std::vector<int> demand;           // per order: clients whose schedule has it
    int seats = 0;                     // all the schedules' orders
};

class LagrangianRelaxation {
public:
    LagrangianRelaxation(const IndexedProblem& problem, const ClashTable& clashes, int seats_to_fill)
        : problem_(problem), arcs_(problem), solver_(problem, clashes), seats_to_fill_(seats_to_fill),
          exact_targets_(seats_to_fill == problem.seat_bound()) {}

    Evaluation evaluate(const LagrangianPrices& prices) {
        Evaluation evaluation;
        evaluation.demand.assign(static_cast<std::size_t>(problem_.order_count()), 0);
        for (std::int32_t o = 0; o < problem_.order_count(); ++o)
            evaluation.bound += prices.orders[static_cast<std::size_t>(o)] * problem_.fill_target(o);
        evaluation.bound -= prices.seat_reward * seats_to_fill_;
        std::vector<ScheduleItem> items;
        for (std::int32_t c = 0; c < problem_.client_count(); ++c) {
            items.clear();
            const auto end = arcs_.first[static_cast<std::size_t>(c) + 1];
            for (auto i = arcs_.first[static_cast<std::size_t>(c)]; i < end; ++i) {
                const auto price = prices.orders[static_cast<std::size_t>(arcs_.order[i])];
                const auto profit = arcs_.score[i] - price + prices.seat_reward;
                if (profit > least_profit) items.push_back({arcs_.arc[i], profit});
            }
            if (items.empty()) continue;
            const auto schedule = solver_.best(c, std::move(items));
            evaluation.bound += schedule.upper_bound;
            for (const auto a : schedule.arcs) {
                evaluation.chosen.push_back(a);
                ++evaluation.demand[static_cast<std::size_t>(problem_.arc(a).order)];
                ++evaluation.seats;
            }
        }
        return evaluation;
    }

    // One step against the (projected) subgradient; false when it is zero.
    bool step(LagrangianPrices& prices, const Evaluation& evaluation, double length_per_norm) const {
        std::vector<double> gradient(static_cast<std::size_t>(problem_.order_count()));
        double norm = 0.0;
        for (std::int32_t o = 0; o < problem_.order_count(); ++o) {
            auto& g = gradient[static_cast<std::size_t>(o)];
            g = problem_.fill_target(o) - evaluation.demand[static_cast<std::size_t>(o)];
            if (!exact_targets_ && g > 0 && prices.orders[static_cast<std::size_t>(o)] <= 0.0) g = 0.0;
            norm += g * g;
        }
        double seat_gradient = exact_targets_ ? 0.0 : evaluation.seats - seats_to_fill_;
        if (seat_gradient > 0 && prices.seat_reward <= 0.0) seat_gradient = 0.0;
        norm += seat_gradient * seat_gradient;
        if (norm == 0.0) return false;
        const double step = length_per_norm / norm;
        for (std::size_t o = 0; o < gradient.size(); ++o) {
            prices.orders[o] -= step * gradient[o];
            if (!exact_targets_) prices.orders[o] = std::max(0.0, prices.orders[o]);
        }
        prices.seat_reward = std::max(0.0, prices.seat_reward - step * seat_gradient);
        return true;
    }

private:
    const IndexedProblem& problem_;
    ClientMajorArcs arcs_;
    ScheduleSolver solver_;
    int seats_to_fill_;
    bool exact_targets_;
};

}  // namespace

LagrangianOutcome lagrangian_search(const IndexedProblem& problem, const ClashTable& clashes, int seats_to_fill,
                                    LagrangianPrices prices, double known_score, const WorkLimits& limits) {
    LagrangianRelaxation relaxation(problem, clashes, seats_to_fill);
    if (seats_to_fill < problem.seat_bound())
        for (auto& price : prices.orders) price = std::max(0.0, price);
    prices.seat_reward = std::max(0.0, prices.seat_reward);
    LagrangianOutcome outcome;
    double step_scale = 1.0;
    int since_better = 0;
    while (true) {
        const auto evaluation = relaxation.evaluate(prices);
        ++outcome.steps;
        if (evaluation.bound < outcome.bound - 1e-9) {
            outcome.bound = evaluation.bound;
            since_better = 0;
        } else if (++since_better >= patience) {
            step_scale /= 2;
            since_better = 0;
        }
        auto repaired = repair_schedules(problem, clashes, evaluation.chosen);
        if (static_cast<int>(repaired.size()) == seats_to_fill) {
            const auto score = score_of(problem, repaired);
            if (score > outcome.best_score) {
                outcome.best_score = score;
                outcome.best = std::move(repaired);
            }
        }
        const double target = std::max(known_score, outcome.best_score);
        if (outcome.bound - target <= 1e-9 * std::max(1.0, std::abs(target)) || step_scale < shortest_step) return outcome;
        if (outcome.steps >= limits.budget.lagrangian_steps) return outcome;
        if (limits.deadline.passed()) {
            outcome.timed_out = true;
            return outcome;
        }
        if (!relaxation.step(prices, evaluation, step_scale * (evaluation.bound - target))) return outcome;
    }
}

}  // namespace jobcenter::matching
