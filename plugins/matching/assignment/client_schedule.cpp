// Branch and bound over one client's profitable orders: take the most profitable open order or leave it; the
// bound is the smallest of a clique cover (at most one order of a set that clash pairwise), a fractional
// knapsack per week (each order's profit shared over its weeks by minutes), and for each week a fractional
// knapsack of the whole profits of the orders with minutes there, plus the other orders' profits.
#include "matching/assignment/client_schedule.hpp"

#include <algorithm>
#include <bit>


namespace jobcenter::matching {
namespace {

constexpr int most_items = 64;
constexpr long node_limit = 20000;
constexpr double hair = 1e-12;

// The week-knapsack bound over a list of items (for more than the search handles): in any one week the items
// with minutes there fit the week's free minutes, so their whole profits are at most a fractional knapsack;
// the items without minutes that week add at most their profits. The smallest over the weeks holds.
double whole_profit_week_bound(const IndexedProblem& problem, std::int32_t client,
                               const std::vector<ScheduleItem>& items) {
    struct WeekNeed {
        std::int32_t week;
        std::int32_t minutes;
        double profit;
    };
    std::vector<WeekNeed> needs;
    double total = 0.0;
    for (const auto& item : items) {
        total += item.profit;
        for (const auto& need : problem.order_weeks(problem.arc(item.arc).order))
            if (need.minutes > 0) needs.push_back({need.week, need.minutes, item.profit});
    }
    std::sort(needs.begin(), needs.end(), [](const WeekNeed& a, const WeekNeed& b) {
        if (a.week != b.week) return a.week < b.week;
        return a.profit * b.minutes > b.profit * a.minutes;
    });
    double best = total;
    for (std::size_t first = 0; first < needs.size();) {
        const auto week = needs[first].week;
        double left = problem.free_minutes(client, week);
        double touched = 0.0;
        double packed = 0.0;
        std::size_t k = first;
        for (; k < needs.size() && needs[k].week == week; ++k) {
            touched += needs[k].profit;
            if (left <= 0.0) continue;
            const double part = std::min(1.0, left / needs[k].minutes);
            packed += part * needs[k].profit;
            left -= part * needs[k].minutes;
        }
        best = std::min(best, total - touched + packed);
        first = k;
    }
    return best;
}

}  // namespace

ScheduleSolver::ScheduleSolver(const IndexedProblem& problem, const ClashTable& clashes)
    : problem_(problem), clashes_(clashes), item_of_order_(static_cast<std::size_t>(problem.order_count()), -1) {}

void ScheduleSolver::prepare(const std::vector<ScheduleItem>& items) {
    items_.clear();
    needs_.clear();
    weeks_.clear();
    for (const auto& item : items) {
        Item prepared{item.arc, item.profit, 0, needs_.size(), 0};
        long long total = 0;
        for (const auto& need : problem_.order_weeks(problem_.arc(item.arc).order)) {
            if (need.minutes <= 0) continue;
            auto slot = std::find(weeks_.begin(), weeks_.end(), need.week);
            if (slot == weeks_.end()) slot = weeks_.insert(weeks_.end(), need.week);
            const auto at = static_cast<int>(slot - weeks_.begin());
            needs_.push_back({at, need.minutes, 0.0, static_cast<int>(items_.size())});
            total += need.minutes;
        }
        prepared.need_count = needs_.size() - prepared.first_need;
        for (auto k = prepared.first_need; k < needs_.size(); ++k)
            needs_[k].share = item.profit * needs_[k].minutes / static_cast<double>(total);
        items_.push_back(prepared);
    }
    const auto n = items_.size();
    for (std::size_t i = 0; i < n; ++i)
        item_of_order_[static_cast<std::size_t>(problem_.arc(items_[i].arc).order)] = static_cast<std::int32_t>(i);
    for (std::size_t i = 0; i < n; ++i)
        for (const auto other : clashes_.clashing(problem_.arc(items_[i].arc).order)) {
            const auto j = item_of_order_[static_cast<std::size_t>(other)];
            if (j >= 0) items_[i].conflicts |= std::uint64_t{1} << j;
        }
    for (const auto& item : items_) item_of_order_[static_cast<std::size_t>(problem_.arc(item.arc).order)] = -1;

    // Each order's profit is shared over its weeks by minutes; an order without minutes keeps its profit whole.
    by_density_.resize(weeks_.size());
    for (auto& slot_needs : by_density_) slot_needs.clear();
    by_whole_density_.resize(weeks_.size());
    for (auto& slot_needs : by_whole_density_) slot_needs.clear();
    weekless_profit_.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i)
        if (items_[i].need_count == 0) weekless_profit_[i] = items_[i].profit;
    for (const auto& need : needs_) {
        by_density_[static_cast<std::size_t>(need.slot)].push_back(need);
        by_whole_density_[static_cast<std::size_t>(need.slot)].push_back(need);
    }
    for (auto& slot_needs : by_density_)
        std::sort(slot_needs.begin(), slot_needs.end(), [](const Need& a, const Need& b) {
            const double x = a.share / a.minutes;
            const double y = b.share / b.minutes;
            return x != y ? x > y : a.item < b.item;
        });
    for (auto& slot_needs : by_whole_density_)
        std::sort(slot_needs.begin(), slot_needs.end(), [this](const Need& a, const Need& b) {
            const double x = items_[static_cast<std::size_t>(a.item)].profit / a.minutes;
            const double y = items_[static_cast<std::size_t>(b.item)].profit / b.minutes;
            return x != y ? x > y : a.item < b.item;
        });
}

std::uint64_t ScheduleSolver::fitting(std::uint64_t open, const std::vector<std::int32_t>& room) const {
    for (auto rest = open; rest != 0; rest &= rest - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(rest));
        const auto& item = items_[i];
        for (auto k = item.first_need; k < item.first_need + item.need_count; ++k)
            if (needs_[k].minutes > room[static_cast<std::size_t>(needs_[k].slot)]) {
                open &= ~(std::uint64_t{1} << i);
                break;
            }
    }
    return open;
}

double ScheduleSolver::clique_cover_bound(std::uint64_t open) const {
    std::uint64_t cliques[most_items];
    int count = 0;
    double total = 0.0;
    for (auto rest = open; rest != 0; rest &= rest - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(rest));
        const auto bit = std::uint64_t{1} << i;
        bool joined = false;
        for (int c = 0; c < count && !joined; ++c)
            if ((items_[i].conflicts & cliques[c]) == cliques[c]) {
                cliques[c] |= bit;
                joined = true;
            }
        if (!joined) {
            cliques[count++] = bit;
            total += items_[i].profit;  // items come best first: a clique's first member is its best
        }
    }
    return total;
}

double ScheduleSolver::capacity_bound(std::uint64_t open, const std::vector<std::int32_t>& room) const {
    double total = 0.0;
    for (auto rest = open; rest != 0; rest &= rest - 1)
        total += weekless_profit_[static_cast<std::size_t>(std::countr_zero(rest))];
    for (std::size_t slot = 0; slot < weeks_.size(); ++slot) {
        double left = room[slot];
        for (const auto& need : by_density_[slot]) {
            if (!(open >> need.item & 1)) continue;
            if (need.minutes <= left) {
                total += need.share;
                left -= need.minutes;
            } else {
                total += need.share * left / need.minutes;
                break;
            }
        }
    }
    return total;
}

double ScheduleSolver::week_knapsack_bound(std::uint64_t open, const std::vector<std::int32_t>& room) const {
    double total = 0.0;
    for (auto rest = open; rest != 0; rest &= rest - 1) total += items_[static_cast<std::size_t>(std::countr_zero(rest))].profit;
    double best = total;
    for (std::size_t slot = 0; slot < weeks_.size(); ++slot) {
        double left = room[slot];
        double touched = 0.0;
        double packed = 0.0;
        for (const auto& need : by_whole_density_[slot]) {
            if (!(open >> need.item & 1)) continue;
            const double profit = items_[static_cast<std::size_t>(need.item)].profit;
            touched += profit;
            if (left <= 0.0) continue;
            const double part = std::min(1.0, left / need.minutes);
            packed += part * profit;
            left -= part * need.minutes;
        }
        best = std::min(best, total - touched + packed);
    }
    return best;
}

double ScheduleSolver::bound(std::uint64_t open, const std::vector<std::int32_t>& room) const {
    return std::min({clique_cover_bound(open), capacity_bound(open, room), week_knapsack_bound(open, room)});
}

void ScheduleSolver::search(std::uint64_t open, std::uint64_t taken, double value, std::vector<std::int32_t>& room) {
    if (value > best_value_) {
        best_value_ = value;
        best_taken_ = taken;
    }
    if (open == 0 || ++nodes_ > node_limit) return;
    if (value + bound(open, room) <= best_value_ + hair) return;
    const auto i = static_cast<std::size_t>(std::countr_zero(open));
    const auto bit = std::uint64_t{1} << i;
    const auto& item = items_[i];
    for (auto k = item.first_need; k < item.first_need + item.need_count; ++k)
        room[static_cast<std::size_t>(needs_[k].slot)] -= needs_[k].minutes;
    search(fitting(open & ~bit & ~item.conflicts, room), taken | bit, value + item.profit, room);
    for (auto k = item.first_need; k < item.first_need + item.need_count; ++k)
        room[static_cast<std::size_t>(needs_[k].slot)] += needs_[k].minutes;
    search(open & ~bit, taken, value, room);
}

// One item: take it (it fits alone: arcs that do not were set aside when indexing).
Schedule ScheduleSolver::single(const ScheduleItem& item) const { return {item.profit, item.profit, {item.arc}, true}; }

Schedule ScheduleSolver::best(std::int32_t client, std::vector<ScheduleItem> items) {
    std::sort(items.begin(), items.end(), [](const ScheduleItem& a, const ScheduleItem& b) {
        return a.profit != b.profit ? a.profit > b.profit : a.arc < b.arc;
    });
    if (items.empty()) return {};
    if (items.size() == 1) return single(items[0]);
    if (items.size() <= static_cast<std::size_t>(most_items)) return search_items(client, items);
    // Too many for the search: the most profitable are searched, and the week knapsacks bound all of them.
    const double bound_over_all = whole_profit_week_bound(problem_, client, items);
    items.resize(most_items);
    auto schedule = search_items(client, items);
    schedule.upper_bound = std::max(schedule.value, bound_over_all);
    schedule.exact = schedule.value >= bound_over_all - hair;
    return schedule;
}

Schedule ScheduleSolver::search_items(std::int32_t client, const std::vector<ScheduleItem>& items) {
    prepare(items);
    std::vector<std::int32_t> room;
    for (const auto week : weeks_) room.push_back(problem_.free_minutes(client, week));
    const auto all = items_.size() == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << items_.size()) - 1;
    const auto open = fitting(all, room);
    best_value_ = 0.0;
    best_taken_ = 0;
    nodes_ = 0;
    const double root_bound = bound(open, room);
    search(open, 0, 0.0, room);

    Schedule schedule;
    schedule.value = best_value_;
    schedule.exact = nodes_ <= node_limit;
    schedule.upper_bound = schedule.exact ? best_value_ : std::max(best_value_, root_bound);
    for (auto rest = best_taken_; rest != 0; rest &= rest - 1)
        schedule.arcs.push_back(items_[static_cast<std::size_t>(std::countr_zero(rest))].arc);
    return schedule;
}

}  // namespace jobcenter::matching
