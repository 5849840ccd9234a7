// Building a client's coupling rows from their candidate arcs: a sweep over the candidates' occurrences for
// the overlap rows, a sum per week for the week rows.
#include "matching/assignment/coupling_rows.hpp"

namespace jobcenter::matching {
namespace {

struct Event {
    std::int64_t minute;
    bool starts;  // ends first at the same minute: touching spans do not overlap
    std::int32_t order;
};

// Orders open at a moment, with how many of their spans are open (an order's spans may overlap each other).
class OpenOrders {
public:
    void open(std::int32_t order) {
        for (auto& [o, count] : open_)
            if (o == order) {
                ++count;
                return;
            }
        open_.emplace_back(order, 1);
    }
    void close(std::int32_t order) {
        for (auto it = open_.begin(); it != open_.end(); ++it)
            if (it->first == order && --it->second == 0) {
                open_.erase(it);
                return;
            }
    }
    std::vector<std::int32_t> sorted() const {
        std::vector<std::int32_t> orders;
        for (const auto& entry : open_) orders.push_back(entry.first);
        std::sort(orders.begin(), orders.end());
        return orders;
    }
    std::size_t size() const { return open_.size(); }

private:
    std::vector<std::pair<std::int32_t, int>> open_;
};

}  // namespace

CouplingRows::CouplingRows(const IndexedProblem& problem, const std::vector<char>& candidate)
    : problem_(problem),
      first_overlap_(static_cast<std::size_t>(problem.client_count()) + 1, 0),
      first_week_(static_cast<std::size_t>(problem.client_count()), 0) {
    std::vector<std::int32_t> candidates;
    for (std::int32_t c = 0; c < problem.client_count(); ++c) {
        first_overlap_[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(rows_.size());
        candidates.clear();
        for (const auto a : problem.client_arcs(c))
            if (candidate[static_cast<std::size_t>(a)]) candidates.push_back(a);
        if (candidates.size() >= 2)
            add_client_rows(c, candidates);
        else
            first_week_[static_cast<std::size_t>(c)] = static_cast<std::int32_t>(rows_.size());
    }
    first_overlap_.back() = static_cast<std::int32_t>(rows_.size());
}

void CouplingRows::add_client_rows(std::int32_t client, const std::vector<std::int32_t>& candidates) {
    add_overlap_rows(client, candidates);
    first_week_[static_cast<std::size_t>(client)] = static_cast<std::int32_t>(rows_.size());
    add_week_rows(client, candidates);
}

// A maximal clique of an interval family is the open set just before an end that follows a start; the
// last start is a moment all of them cover. Cliques with the same orders (repeating orders) are kept once.
void CouplingRows::add_overlap_rows(std::int32_t client, const std::vector<std::int32_t>& candidates) {
    std::vector<Event> events;
    for (const auto a : candidates) {
        const auto order = problem_.arc(a).order;
        for (const auto& span : problem_.occurrences(order)) {
            events.push_back({span.start_minute, true, order});
            events.push_back({span.end_minute, false, order});
        }
    }
    std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
        if (x.minute != y.minute) return x.minute < y.minute;
        if (x.starts != y.starts) return !x.starts;
        return x.order < y.order;
    });
    OpenOrders open;
    std::vector<std::vector<std::int32_t>> kept;
    bool grew = false;
    std::int64_t last_start = 0;
    for (const auto& event : events) {
        if (event.starts) {
            open.open(event.order);
            grew = true;
            last_start = event.minute;
            continue;
        }
        if (grew && open.size() >= 2) {
            auto members = open.sorted();
            if (std::find(kept.begin(), kept.end(), members) == kept.end()) {
                kept.push_back(std::move(members));
                rows_.push_back({client, CouplingKind::overlap, last_start, 0, 0, 0, 1.0});
            }
        }
        grew = false;
        open.close(event.order);
    }
}

// Per week, the candidates' minutes: a minutes row where they could exceed the free minutes, a count row for
// each of their lengths where more orders that long could be chosen than fit, and a pair row for each order of
// at most half the free minutes that some longer candidate cannot go with.
void CouplingRows::add_week_rows(std::int32_t client, const std::vector<std::int32_t>& candidates) {
    struct Need {
        std::int32_t week;
        std::int32_t minutes;
        std::int32_t order;
    };
    std::vector<Need> needs;  // every candidate's minutes in every week
    for (const auto a : candidates) {
        const auto order = problem_.arc(a).order;
        for (const auto& need : problem_.order_weeks(order))
            if (need.minutes > 0) needs.push_back({need.week, need.minutes, order});
    }
    std::sort(needs.begin(), needs.end(), [](const Need& x, const Need& y) {
        if (x.week != y.week) return x.week < y.week;
        return x.minutes != y.minutes ? x.minutes > y.minutes : x.order < y.order;
    });
    for (std::size_t first = 0; first < needs.size();) {
        const auto week = needs[first].week;
        auto end = first;
        long long total = 0;
        while (end < needs.size() && needs[end].week == week) total += needs[end++].minutes;
        const auto free = problem_.free_minutes(client, week);
        if (end - first >= 2 && total > free)
            rows_.push_back({client, CouplingKind::week_minutes, 0, week, 0, 0, static_cast<double>(free)});
        // Longest first: after the i-th, i+1 candidates have at least its length.
        for (auto i = first; i < end; ++i) {
            const auto length = needs[i].minutes;
            if (i + 1 < end && needs[i + 1].minutes == length) continue;
            const auto fit = free / length;
            if (static_cast<std::int32_t>(i - first + 1) > fit)
                rows_.push_back({client, CouplingKind::week_count, 0, week, length, 0, static_cast<double>(fit)});
        }
        // A short order and every order longer than free - its minutes exclude each other pairwise (the longer
        // ones each take more than half the free minutes).
        for (auto i = first; i < end; ++i) {
            const auto& shorter = needs[i];
            if (2 * shorter.minutes > free || needs[first].minutes <= free - shorter.minutes) continue;
            rows_.push_back({client, CouplingKind::week_pair, 0, week, free - shorter.minutes + 1, shorter.order, 1.0});
        }
        first = end;
    }
}

}  // namespace jobcenter::matching
