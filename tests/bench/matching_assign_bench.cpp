// The group assignment solver at the issue's size: 1,000 orders with 3,000 seats over 10,000 clients, about
// 500 eligible clients per order, one or two occurrences each in a two-week period, weekly caps of 4-20 hours.
// Seeded, so every run solves the same problem. Reports the solve's wall-clock seconds, the seats filled,
// the total score against the proven upper bound and the LP relaxation's bound, the gap and the status
// (0 optimal, 1 time_limit, 2 heuristic; its name and the method on stderr).
// Run: ./build/jobcenter_assign_bench   ($JOBCENTER_ASSIGN_SEED: another problem of the same shape;
// $JOBCENTER_ASSIGN_SECONDS: the solver's time limit, default 4)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <random>

#include "matching/assignment/assignment.hpp"

namespace {
using namespace jobcenter::matching;

constexpr std::int64_t minutes_per_day = 24 * 60;
constexpr std::int64_t first_day = 20486;  // Monday 2026-02-02, in days since 1970-01-01
constexpr int period_days = 14;

std::int32_t week_of(std::int64_t minute) { return static_cast<std::int32_t>((minute / minutes_per_day + 3) / 7); }

struct Shape {
    int orders = 1000;
    int seats = 3000;
    int clients = 10000;
    int areas = 20;            // clients and orders belong to an area; most eligible clients live nearby
    int min_eligible = 200;
    int max_eligible = 800;
};

class Generator {
public:
    Generator(const Shape& shape, std::uint64_t seed) : shape_(shape), random_(seed) {}

    AssignmentProblem generate() {
        AssignmentProblem problem;
        const auto seats = seat_counts();
        for (int o = 0; o < shape_.orders; ++o) problem.orders.push_back(order(seats[static_cast<std::size_t>(o)]));
        for (int c = 0; c < shape_.clients; ++c) problem.clients.push_back(client());
        for (int o = 0; o < shape_.orders; ++o) add_arcs(problem, o);
        return problem;
    }

private:
    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
    double uniform_real(double low, double high) { return std::uniform_real_distribution<double>(low, high)(random_); }

    // One seat each, then the rest one by one to an order picked in proportion to its seats: most orders have
    // one to three seats, a few have dozens (at most 50).
    std::vector<int> seat_counts() {
        std::vector<int> seats(static_cast<std::size_t>(shape_.orders), 1);
        std::vector<int> tickets;
        for (int o = 0; o < shape_.orders; ++o) tickets.push_back(o);
        for (int extra = shape_.seats - shape_.orders; extra > 0;) {
            const auto o = tickets[static_cast<std::size_t>(uniform(0, static_cast<int>(tickets.size()) - 1))];
            if (seats[static_cast<std::size_t>(o)] == 50) continue;
            ++seats[static_cast<std::size_t>(o)];
            tickets.push_back(o);
            --extra;
        }
        return seats;
    }

    // A weekday of the period, starting 07:00-16:00 on the half hour, 2-4 hours; 40% repeat a week later.
    AssignmentOrder order(int seats) {
        AssignmentOrder order;
        order.seats = seats;
        const int day = uniform(0, 9);
        const std::int64_t start = (first_day + day / 5 * 7 + day % 5) * minutes_per_day + uniform(14, 32) * 30;
        const std::int64_t length = uniform(2, 4) * 60;
        order.occurrences.push_back({start, start + length});
        const std::int64_t next_week = start + 7 * minutes_per_day;
        if (day < 5 && uniform(0, 9) < 4) order.occurrences.push_back({next_week, next_week + length});
        for (const auto& span : order.occurrences)
            order.minutes_per_week.push_back({week_of(span.start_minute), static_cast<std::int32_t>(length)});
        order_area_.push_back(uniform(0, shape_.areas - 1));
        return order;
    }

    // Weekly hours 4-20; three in ten already have a gig of 2-4 hours in one of the weeks.
    AssignmentClient client() {
        AssignmentClient client;
        client.default_week_minutes = uniform(4, 20) * 60;
        if (uniform(0, 9) < 3) {
            const auto week = week_of((first_day + uniform(0, 1) * 7) * minutes_per_day);
            client.free_minutes_per_week.push_back({week, client.default_week_minutes - uniform(2, 4) * 60});
        }
        quality_.push_back(std::normal_distribution<double>(0.0, 1.0)(random_));
        return client;
    }

    int free_minutes(const AssignmentClient& client, std::int32_t week) const {
        for (const auto& entry : client.free_minutes_per_week)
            if (entry.week == week) return entry.minutes;
        return client.default_week_minutes;
    }

    // 200-800 distinct clients, seven in ten from the order's area; those whose week cannot hold the order
    // are left out (the rules would). Score: the client's standing (shared by all their orders) plus this
    // pair's fit, sometimes negative.
    void add_arcs(AssignmentProblem& problem, int o) {
        const auto& order = problem.orders[static_cast<std::size_t>(o)];
        const int wanted = uniform(shape_.min_eligible, shape_.max_eligible);
        const int area_size = shape_.clients / shape_.areas;
        const int area = order_area_[static_cast<std::size_t>(o)];
        std::vector<int> picked;
        while (static_cast<int>(picked.size()) < wanted) {
            const int c = uniform(0, 9) < 7 ? area * area_size + uniform(0, area_size - 1) : uniform(0, shape_.clients - 1);
            if (std::find(picked.begin(), picked.end(), c) != picked.end()) continue;
            picked.push_back(c);
        }
        std::sort(picked.begin(), picked.end());
        for (const int c : picked) {
            const auto& client = problem.clients[static_cast<std::size_t>(c)];
            bool fits = true;
            for (const auto& need : order.minutes_per_week) fits = fits && need.minutes <= free_minutes(client, need.week);
            if (!fits) continue;
            problem.arcs.push_back({o, c, 2.0 * quality_[static_cast<std::size_t>(c)] + uniform_real(0.0, 4.0) - 1.0});
        }
    }

    Shape shape_;
    std::mt19937_64 random_;
    std::vector<int> order_area_;
    std::vector<double> quality_;
};

std::uint64_t seed() {
    const char* seed = std::getenv("JOBCENTER_ASSIGN_SEED");
    return seed ? std::strtoull(seed, nullptr, 10) : 17;
}

const AssignmentProblem& issue_sized_problem() {
    static const AssignmentProblem problem = Generator(Shape{}, seed()).generate();
    return problem;
}

// The same orders with a tenth of the clients, 20-80 eligible per order: seats compete for scarce clients.
const AssignmentProblem& scarce_problem() {
    static const AssignmentProblem problem = [] {
        Shape shape;
        shape.clients = 1000;
        shape.min_eligible = 20;
        shape.max_eligible = 80;
        return Generator(shape, seed()).generate();
    }();
    return problem;
}

AssignmentLimits limits() {
    AssignmentLimits limits;
    if (const char* seconds = std::getenv("JOBCENTER_ASSIGN_SECONDS"))
        limits.time_limit_seconds = std::strtod(seconds, nullptr);
    return limits;
}

void solve_and_report(benchmark::State& state, const AssignmentProblem& problem) {
    AssignmentResult result;
    double seconds = 0.0;
    for (auto _ : state) {
        const auto started = std::chrono::steady_clock::now();
        result = solve_assignment(problem, limits());
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        benchmark::DoNotOptimize(result);
    }
    int seats = 0;
    for (const auto& order : problem.orders) seats += order.seats;
    std::cerr << problem.arcs.size() << " arcs; " << solve_status_name(result.status) << "; " << result.method << "\n";
    state.counters["seconds"] = seconds;
    state.counters["arcs"] = static_cast<double>(problem.arcs.size());
    state.counters["seats"] = seats;
    state.counters["seats_filled"] = result.seats_filled;
    state.counters["seat_bound"] = result.seat_upper_bound;
    state.counters["total_score"] = result.total_score;
    state.counters["upper_bound"] = result.score_upper_bound;
    state.counters["lp_bound"] = result.relaxation_score_bound;
    state.counters["gap"] = result.gap;
    state.counters["lp_gap"] =
        (result.relaxation_score_bound - result.total_score) / std::max(1.0, std::abs(result.relaxation_score_bound));
    state.counters["status"] = static_cast<double>(result.status);  // 0 optimal, 1 time_limit, 2 heuristic
}

void BM_AssignIssueSize(benchmark::State& state) { solve_and_report(state, issue_sized_problem()); }
BENCHMARK(BM_AssignIssueSize)->Unit(benchmark::kSecond)->Iterations(1);

void BM_AssignScarceClients(benchmark::State& state) { solve_and_report(state, scarce_problem()); }
BENCHMARK(BM_AssignScarceClients)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
