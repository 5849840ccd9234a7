// Checking an assignment problem field by field, with the field's path in every error.
#include "matching/assignment/problem_check.hpp"

#include <cmath>
#include <string>

#include "jobcenter/errors.hpp"

namespace jobcenter::matching {
namespace {

std::string path(std::string_view list, std::size_t index, std::string_view field = {}) {
    std::string p(list);
    p += '[';
    p += std::to_string(index);
    p += ']';
    if (!field.empty()) {
        p += '.';
        p += field;
    }
    return p;
}

// Weeks listed at most once each; minutes never negative unless `negative_allowed`.
void check_weeks(const std::vector<WeekMinutes>& weeks, const std::string& where, bool negative_allowed) {
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        if (!negative_allowed && weeks[i].minutes < 0)
            throw InputError("minutes must not be negative, not " + std::to_string(weeks[i].minutes),
                             path(where, i, "minutes"));
        for (std::size_t j = 0; j < i; ++j)
            if (weeks[j].week == weeks[i].week)
                throw InputError("week " + std::to_string(weeks[i].week) + " is listed twice (also at " +
                                     std::to_string(j) + ")",
                                 path(where, i, "week"));
    }
}

void check_orders(const std::vector<AssignmentOrder>& orders) {
    for (std::size_t o = 0; o < orders.size(); ++o) {
        const auto& order = orders[o];
        if (order.seats < 1)
            throw InputError("seats must be at least 1, not " + std::to_string(order.seats), path("orders", o, "seats"));
        for (std::size_t i = 0; i < order.occurrences.size(); ++i) {
            const auto& span = order.occurrences[i];
            if (span.end_minute <= span.start_minute)
                throw InputError("an occurrence must end after it starts (start minute " +
                                     std::to_string(span.start_minute) + ", end minute " +
                                     std::to_string(span.end_minute) + ")",
                                 path("orders", o, "occurrences") + "[" + std::to_string(i) + "]");
        }
        check_weeks(order.minutes_per_week, path("orders", o, "minutes_per_week"), false);
    }
}

void check_clients(const std::vector<AssignmentClient>& clients) {
    for (std::size_t c = 0; c < clients.size(); ++c) {
        if (clients[c].default_week_minutes < 0)
            throw InputError("default_week_minutes must not be negative, not " +
                                 std::to_string(clients[c].default_week_minutes),
                             path("clients", c, "default_week_minutes"));
        check_weeks(clients[c].free_minutes_per_week, path("clients", c, "free_minutes_per_week"), true);
    }
}

void check_arc_ends(const AssignmentProblem& problem) {
    const auto orders = problem.orders.size();
    const auto clients = problem.clients.size();
    for (std::size_t a = 0; a < problem.arcs.size(); ++a) {
        const auto& arc = problem.arcs[a];
        if (arc.order < 0 || static_cast<std::size_t>(arc.order) >= orders)
            throw InputError("names order " + std::to_string(arc.order) + ", but there are " + std::to_string(orders) +
                                 " orders (0 to " + std::to_string(static_cast<long long>(orders) - 1) + ")",
                             path("arcs", a, "order"));
        if (arc.client < 0 || static_cast<std::size_t>(arc.client) >= clients)
            throw InputError("names client " + std::to_string(arc.client) + ", but there are " +
                                 std::to_string(clients) + " clients (0 to " +
                                 std::to_string(static_cast<long long>(clients) - 1) + ")",
                             path("arcs", a, "client"));
        if (!std::isfinite(arc.score)) throw InputError("score must be a finite number", path("arcs", a, "score"));
    }
}

// Arcs grouped by order with a stable counting sort, then a client seen twice in one group is a repeat (the
// later arc is named): linear time.
void check_arc_repeats(const AssignmentProblem& problem) {
    std::vector<std::size_t> first(problem.orders.size() + 1, 0);
    for (const auto& arc : problem.arcs) ++first[static_cast<std::size_t>(arc.order) + 1];
    for (std::size_t o = 0; o < problem.orders.size(); ++o) first[o + 1] += first[o];
    std::vector<std::size_t> by_order(problem.arcs.size());
    auto next = first;
    for (std::size_t a = 0; a < problem.arcs.size(); ++a)
        by_order[next[static_cast<std::size_t>(problem.arcs[a].order)]++] = a;

    std::vector<std::size_t> seen_at(problem.clients.size(), 0);  // 1 + the arc that last named the client
    std::vector<std::int32_t> seen_in(problem.clients.size(), -1);
    for (std::size_t i = 0; i < by_order.size(); ++i) {
        const auto a = by_order[i];
        const auto& arc = problem.arcs[a];
        const auto c = static_cast<std::size_t>(arc.client);
        if (seen_in[c] == arc.order) {
            throw InputError("order " + std::to_string(arc.order) + " and client " + std::to_string(arc.client) +
                                 " are paired twice (first at arcs[" + std::to_string(seen_at[c] - 1) + "])",
                             path("arcs", a));
        }
        seen_in[c] = arc.order;
        seen_at[c] = a + 1;
    }
}

}  // namespace

void check_assignment_problem(const AssignmentProblem& problem) {
    check_orders(problem.orders);
    check_clients(problem.clients);
    check_arc_ends(problem);
    check_arc_repeats(problem);
}

}  // namespace jobcenter::matching
