// The solver's canonical form of a checked problem: every list sorted, the pairs that would break a weekly cap
// even alone set aside, and each order's and client's arcs at hand. After this, input order no longer matters.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "matching/assignment/assignment_problem.hpp"

namespace jobcenter::matching {

struct IndexedArc {
    std::int32_t order = 0;
    std::int32_t client = 0;
    double score = 0.0;
};

class IndexedProblem {
public:
    // `problem` must have passed check_assignment_problem.
    explicit IndexedProblem(const AssignmentProblem& problem);

    std::int32_t order_count() const { return static_cast<std::int32_t>(orders_.size()); }
    std::int32_t client_count() const { return static_cast<std::int32_t>(clients_.size()); }
    std::int32_t arc_count() const { return static_cast<std::int32_t>(arcs_.size()); }
    std::int32_t given_arc_count() const { return given_arcs_; }

    // Arcs are numbered in (order, client) order; only those that fit every week's cap alone are kept.
    const IndexedArc& arc(std::int32_t a) const { return arcs_[static_cast<std::size_t>(a)]; }
    std::int32_t first_arc(std::int32_t order) const { return order_first_arc_[static_cast<std::size_t>(order)]; }
    std::int32_t end_arc(std::int32_t order) const { return order_first_arc_[static_cast<std::size_t>(order) + 1]; }
    // The order's arcs, best score first, ties by lower client.
    std::span<const std::int32_t> arcs_by_score(std::int32_t order) const;
    // The client's arcs, by order.
    std::span<const std::int32_t> client_arcs(std::int32_t client) const;
    // The arc pairing `order` with `client`, or -1.
    std::int32_t find_arc(std::int32_t order, std::int32_t client) const;

    int seats(std::int32_t order) const { return orders_[static_cast<std::size_t>(order)].seats; }
    int eligible(std::int32_t order) const { return end_arc(order) - first_arc(order); }
    // Seats the order can fill at most: its seats, or fewer when fewer clients are eligible.
    int fill_target(std::int32_t order) const;
    // The sum of fill targets: no assignment fills more seats.
    int seat_bound() const { return seat_bound_; }

    const std::vector<TimeInterval>& occurrences(std::int32_t order) const;  // by start
    const std::vector<WeekMinutes>& order_weeks(std::int32_t order) const;  // by week
    // The client's free minutes in `week`, never below 0.
    std::int32_t free_minutes(std::int32_t client, std::int32_t week) const;

private:
    bool fits_alone(const AssignmentArc& arc) const;
    void index_arcs(const AssignmentProblem& problem);
    void index_clients();

    std::vector<AssignmentOrder> orders_;
    std::vector<AssignmentClient> clients_;
    std::vector<IndexedArc> arcs_;
    std::vector<std::int32_t> order_first_arc_;
    std::vector<std::int32_t> by_score_;  // per order, same ranges as the arcs
    std::vector<std::int32_t> client_first_arc_;
    std::vector<std::int32_t> client_arcs_;
    std::int32_t given_arcs_ = 0;
    int seat_bound_ = 0;
};

}  // namespace jobcenter::matching
