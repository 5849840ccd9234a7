// The linear rows that couple one client's orders, built for a set of candidate arcs. For every moment where
// the client's candidate orders overlap most (a maximal clique of their occurrences): "at most one of the
// orders covering this moment". For every week the candidates could overfill: "their minutes within the
// client's free minutes", for each length L of the candidates' minutes that week, "at most free / L of the
// orders with at least L minutes", and for each short order S, "S or one of the orders too long to go with
// it" (these make the relaxation close to whole numbers). Membership is
// defined for every arc of the client, candidate or not (its order covers the moment; its order has that many
// minutes in the week), so a row is a valid limit on every assignment and its price applies to any arc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"

namespace jobcenter::matching {

enum class CouplingKind {
    overlap,       // members: orders covering `moment`; capacity 1
    week_minutes,  // members: orders with minutes in `week`, each counted by its minutes; capacity: free minutes
    week_count,    // members: orders with at least `length` minutes in `week`; capacity: free / length, rounded down
    week_pair,     // members: `order`, and orders with at least `length` minutes in `week`; capacity 1
};

struct CouplingRow {
    std::int32_t client = 0;
    CouplingKind kind = CouplingKind::overlap;
    std::int64_t moment = 0;  // overlap
    std::int32_t week = 0;    // week_minutes, week_count
    std::int32_t length = 0;  // week_count, week_pair
    std::int32_t order = 0;   // week_pair
    double capacity = 1.0;
};

class CouplingRows {
public:
    // `candidate[a]` is nonzero for the arcs the rows are built for.
    CouplingRows(const IndexedProblem& problem, const std::vector<char>& candidate);

    const std::vector<CouplingRow>& rows() const { return rows_; }

    // Calls visit(row, coefficient) for each row arc `a` belongs to, once per row.
    template <class Visit>
    void for_each_row_of(std::int32_t a, Visit&& visit) const;

private:
    void add_client_rows(std::int32_t client, const std::vector<std::int32_t>& candidates);
    void add_overlap_rows(std::int32_t client, const std::vector<std::int32_t>& candidates);
    void add_week_rows(std::int32_t client, const std::vector<std::int32_t>& candidates);

    const IndexedProblem& problem_;
    std::vector<CouplingRow> rows_;  // by client; a client's overlap rows by moment, then week rows by week
    std::vector<std::int32_t> first_overlap_;  // per client + 1: where its rows start
    std::vector<std::int32_t> first_week_;     // per client: where its week rows start
};

template <class Visit>
void CouplingRows::for_each_row_of(std::int32_t a, Visit&& visit) const {
    const auto& arc = problem_.arc(a);
    const auto c = static_cast<std::size_t>(arc.client);
    const auto overlap_begin = rows_.begin() + first_overlap_[c];
    const auto week_begin = rows_.begin() + first_week_[c];
    const auto rows_end = rows_.begin() + first_overlap_[c + 1];
    if (overlap_begin == rows_end) return;
    auto next = overlap_begin;  // occurrences come by start: a row once visited is never visited again
    for (const auto& span : problem_.occurrences(arc.order)) {
        auto row = std::lower_bound(next, week_begin, span.start_minute,
                                    [](const CouplingRow& r, std::int64_t minute) { return r.moment < minute; });
        for (; row != week_begin && row->moment < span.end_minute; ++row)
            visit(static_cast<std::int32_t>(row - rows_.begin()), 1.0);
        next = std::max(next, row);
    }
    for (const auto& need : problem_.order_weeks(arc.order)) {
        auto row = std::lower_bound(week_begin, rows_end, need.week,
                                    [](const CouplingRow& r, std::int32_t week) { return r.week < week; });
        for (; row != rows_end && row->week == need.week; ++row) {
            const auto at = static_cast<std::int32_t>(row - rows_.begin());
            if (row->kind == CouplingKind::week_minutes)
                visit(at, static_cast<double>(need.minutes));
            else if (row->length <= need.minutes || (row->kind == CouplingKind::week_pair && row->order == arc.order))
                visit(at, 1.0);
        }
    }
}

}  // namespace jobcenter::matching
