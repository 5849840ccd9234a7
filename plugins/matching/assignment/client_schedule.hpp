// The best schedule of one client on their own: which of their orders, each worth a profit, to take for the
// highest total, with no two clashing and every week within the client's free minutes. Exact by branch and
// bound over the 64 most profitable orders (a node limit keeps it quick); when it cannot finish, or there are
// more orders, a valid upper bound remains.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"
#include "matching/assignment/order_clashes.hpp"

namespace jobcenter::matching {

struct ScheduleItem {
    std::int32_t arc = 0;
    double profit = 0.0;  // positive
};

struct Schedule {
    double value = 0.0;                // the schedule's total profit
    double upper_bound = 0.0;          // no schedule of the client does better (equals value when exact)
    std::vector<std::int32_t> arcs;
    bool exact = true;
};

class ScheduleSolver {
public:
    ScheduleSolver(const IndexedProblem& problem, const ClashTable& clashes);

    // `items`: arcs of `client`, each with a positive profit.
    Schedule best(std::int32_t client, std::vector<ScheduleItem> items);

private:
    struct Item {
        std::int32_t arc;
        double profit;
        std::uint64_t conflicts;  // items that clash with this one
        std::size_t first_need;   // its minutes: needs_[first_need, first_need + need_count)
        std::size_t need_count;
    };
    struct Need {
        int slot;             // which of the client's weeks
        std::int32_t minutes;
        double share;         // the part of the item's profit its minutes in this week carry
        int item;
    };

    void prepare(const std::vector<ScheduleItem>& items);
    std::uint64_t fitting(std::uint64_t open, const std::vector<std::int32_t>& room) const;
    double bound(std::uint64_t open, const std::vector<std::int32_t>& room) const;
    double clique_cover_bound(std::uint64_t open) const;
    double capacity_bound(std::uint64_t open, const std::vector<std::int32_t>& room) const;
    double week_knapsack_bound(std::uint64_t open, const std::vector<std::int32_t>& room) const;
    Schedule search_items(std::int32_t client, const std::vector<ScheduleItem>& items);
    void search(std::uint64_t open, std::uint64_t taken, double value, std::vector<std::int32_t>& room);
    Schedule single(const ScheduleItem& item) const;

    const IndexedProblem& problem_;
    const ClashTable& clashes_;
    std::vector<Item> items_;                      // by profit, best first
    std::vector<Need> needs_;
    std::vector<std::int32_t> weeks_;              // the week of each slot
    std::vector<std::vector<Need>> by_density_;    // per week slot: the needs there by profit per minute, best first
    std::vector<std::vector<Need>> by_whole_density_;  // ... by the item's whole profit per minute, best first
    std::vector<double> weekless_profit_;          // per item: profit not tied to any week's minutes
    std::vector<std::int32_t> item_of_order_;      // per order: its item in the current call, or -1
    double best_value_ = 0.0;
    std::uint64_t best_taken_ = 0;
    long nodes_ = 0;
};

}  // namespace jobcenter::matching
