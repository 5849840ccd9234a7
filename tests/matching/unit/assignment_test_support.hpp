// Helpers of the assignment solver's tests: building small problems, an independent check that a result
// respects every seat, clash and weekly cap, and a brute-force optimum to compare against.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "matching/assignment/assignment.hpp"
#include "matching/model/calendar.hpp"

namespace jobcenter::matching::testing {

constexpr std::int64_t minutes_per_week = 7 * std::int64_t{minutes_per_day};

// An order over the given spans, its minutes per week counted by each span's start.
inline AssignmentOrder make_order(int seats, std::vector<TimeInterval> spans) {
    AssignmentOrder order;
    order.seats = seats;
    std::map<std::int32_t, std::int32_t> weeks;
    for (const auto& span : spans)
        weeks[static_cast<std::int32_t>(span.start_minute / minutes_per_week)] +=
            static_cast<std::int32_t>(span.end_minute - span.start_minute);
    for (const auto& [week, minutes] : weeks) order.minutes_per_week.push_back({week, minutes});
    order.occurrences = std::move(spans);
    return order;
}

inline bool overlap(const AssignmentOrder& a, const AssignmentOrder& b) {
    for (const auto& x : a.occurrences)
        for (const auto& y : b.occurrences)
            if (x.start_minute < y.end_minute && y.start_minute < x.end_minute) return true;
    return false;
}

inline std::int32_t free_minutes(const AssignmentClient& client, std::int32_t week) {
    for (const auto& entry : client.free_minutes_per_week)
        if (entry.week == week) return std::max(0, entry.minutes);
    return client.default_week_minutes;
}

inline const AssignmentArc* find_arc(const AssignmentProblem& problem, std::int32_t order, std::int32_t client) {
    for (const auto& arc : problem.arcs)
        if (arc.order == order && arc.client == client) return &arc;
    return nullptr;
}

// What is wrong with `chosen` as an assignment of `problem`, or "" when nothing is.
inline std::string violations(const AssignmentProblem& problem, const std::vector<AssignmentArc>& chosen) {
    std::map<std::int32_t, int> seats;
    std::map<std::int32_t, std::vector<std::int32_t>> orders_of;
    for (const auto& pick : chosen) {
        const auto* arc = find_arc(problem, pick.order, pick.client);
        if (arc == nullptr || arc->score != pick.score)
            return "pair " + std::to_string(pick.order) + "/" + std::to_string(pick.client) + " is not an arc";
        if (++seats[pick.order] > problem.orders[static_cast<std::size_t>(pick.order)].seats)
            return "order " + std::to_string(pick.order) + " gets more clients than seats";
        auto& held = orders_of[pick.client];
        if (std::find(held.begin(), held.end(), pick.order) != held.end())
            return "client " + std::to_string(pick.client) + " takes order " + std::to_string(pick.order) + " twice";
        held.push_back(pick.order);
    }
    for (const auto& [client, held] : orders_of) {
        std::map<std::int32_t, std::int32_t> used;
        for (std::size_t i = 0; i < held.size(); ++i) {
            const auto& order = problem.orders[static_cast<std::size_t>(held[i])];
            for (std::size_t j = 0; j < i; ++j)
                if (overlap(order, problem.orders[static_cast<std::size_t>(held[j])]))
                    return "client " + std::to_string(client) + " takes clashing orders " + std::to_string(held[j]) +
                           " and " + std::to_string(held[i]);
            for (const auto& need : order.minutes_per_week) used[need.week] += need.minutes;
        }
        for (const auto& [week, minutes] : used)
            if (minutes > free_minutes(problem.clients[static_cast<std::size_t>(client)], week))
                return "client " + std::to_string(client) + " is past their cap in week " + std::to_string(week);
    }
    return "";
}

struct Optimum {
    int seats = 0;
    double score = 0.0;
};

// The lexicographic optimum (seats, then score) by enumerating every subset of every order's arcs.
class BruteForce {
public:
    explicit BruteForce(const AssignmentProblem& problem) : problem_(problem), arcs_of_(problem.orders.size()) {
        for (const auto& arc : problem.arcs) arcs_of_[static_cast<std::size_t>(arc.order)].push_back(arc);
    }
    Optimum solve() {
        best_ = {-1, 0.0};
        visit(0, {0, 0.0});
        return best_;
    }

private:
    void visit(std::size_t order, Optimum so_far) {
        if (order == problem_.orders.size()) {
            if (so_far.seats > best_.seats || (so_far.seats == best_.seats && so_far.score > best_.score + 1e-9))
                best_ = so_far;
            return;
        }
        const auto& arcs = arcs_of_[order];
        const auto seats = problem_.orders[order].seats;
        for (unsigned mask = 0; mask < (1u << arcs.size()); ++mask) {
            if (std::popcount(mask) > seats) continue;
            auto next = so_far;
            std::vector<AssignmentArc> added;
            for (std::size_t i = 0; i < arcs.size(); ++i)
                if (mask & (1u << i)) {
                    added.push_back(arcs[i]);
                    ++next.seats;
                    next.score += arcs[i].score;
                }
            chosen_.insert(chosen_.end(), added.begin(), added.end());
            if (violations(problem_, chosen_).empty()) visit(order + 1, next);
            chosen_.resize(chosen_.size() - added.size());
        }
    }

    const AssignmentProblem& problem_;
    std::vector<std::vector<AssignmentArc>> arcs_of_;
    std::vector<AssignmentArc> chosen_;
    Optimum best_;
};

// A small random problem with frequent clashes, binding caps and tied scores: `orders` orders of 1 to 3
// seats with one or two spans of 1 to 4 hours over two weeks, and clients with 2 to 7 free hours a week.
inline AssignmentProblem random_problem(std::uint32_t seed, int orders, int clients) {
    std::mt19937 random(seed);
    auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    AssignmentProblem problem;
    for (int o = 0; o < orders; ++o) {
        std::vector<TimeInterval> spans;
        const std::int64_t start =
            uniform(0, 1) * minutes_per_week + uniform(0, 2) * minutes_per_day + uniform(16, 32) * 30;
        spans.push_back({start, start + uniform(1, 4) * 60});
        if (uniform(0, 2) == 0) spans.push_back({start + minutes_per_week, start + minutes_per_week + 120});
        problem.orders.push_back(make_order(uniform(1, 3), spans));
    }
    for (int c = 0; c < clients; ++c) {
        AssignmentClient client;
        client.default_week_minutes = uniform(2, 7) * 60;
        if (uniform(0, 3) == 0) client.free_minutes_per_week.push_back({uniform(0, 1), uniform(-1, 4) * 60});
        problem.clients.push_back(client);
    }
    for (int o = 0; o < orders; ++o)
        for (int c = 0; c < clients; ++c)
            if (uniform(0, 9) < 7) problem.arcs.push_back({o, c, uniform(-8, 20) * 0.25});
    return problem;
}

}  // namespace jobcenter::matching::testing
