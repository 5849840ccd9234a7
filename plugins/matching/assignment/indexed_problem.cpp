// Building the canonical form: sorted copies of the orders' and clients' lists, the usable arcs by (order,
// client) with a counting sort, and the per-order score ranking and per-client lists.
#include "matching/assignment/indexed_problem.hpp"

#include <algorithm>

namespace jobcenter::matching {
namespace {

bool by_week(const WeekMinutes& a, const WeekMinutes& b) { return a.week < b.week; }

bool by_start(const TimeInterval& a, const TimeInterval& b) {
    return a.start_minute != b.start_minute ? a.start_minute < b.start_minute : a.end_minute < b.end_minute;
}

}  // namespace

IndexedProblem::IndexedProblem(const AssignmentProblem& problem) : orders_(problem.orders), clients_(problem.clients) {
    for (auto& order : orders_) {
        std::sort(order.occurrences.begin(), order.occurrences.end(), by_start);
        std::sort(order.minutes_per_week.begin(), order.minutes_per_week.end(), by_week);
    }
    for (auto& client : clients_)
        std::sort(client.free_minutes_per_week.begin(), client.free_minutes_per_week.end(), by_week);
    given_arcs_ = static_cast<std::int32_t>(problem.arcs.size());
    index_arcs(problem);
    index_clients();
    for (std::int32_t o = 0; o < order_count(); ++o) seat_bound_ += fill_target(o);
}

bool IndexedProblem::fits_alone(const AssignmentArc& arc) const {
    for (const auto& need : orders_[static_cast<std::size_t>(arc.order)].minutes_per_week)
        if (need.minutes > free_minutes(arc.client, need.week)) return false;
    return true;
}

void IndexedProblem::index_arcs(const AssignmentProblem& problem) {
    const auto orders = orders_.size();
    order_first_arc_.assign(orders + 1, 0);
    for (const auto& arc : problem.arcs)
        if (fits_alone(arc)) ++order_first_arc_[static_cast<std::size_t>(arc.order) + 1];
    for (std::size_t o = 0; o < orders; ++o) order_first_arc_[o + 1] += order_first_arc_[o];
    arcs_.resize(static_cast<std::size_t>(order_first_arc_[orders]));
    auto next = order_first_arc_;
    for (const auto& arc : problem.arcs)
        if (fits_alone(arc)) {
            auto& at = next[static_cast<std::size_t>(arc.order)];
            arcs_[static_cast<std::size_t>(at++)] = {arc.order, arc.client, arc.score};
        }

    by_score_.resize(arcs_.size());
    for (std::size_t o = 0; o < orders; ++o) {
        const auto first = arcs_.begin() + order_first_arc_[o];
        const auto end = arcs_.begin() + order_first_arc_[o + 1];
        std::sort(first, end, [](const IndexedArc& a, const IndexedArc& b) { return a.client < b.client; });
        auto ranked = by_score_.begin() + order_first_arc_[o];
        for (auto a = order_first_arc_[o]; a < order_first_arc_[o + 1]; ++a) *ranked++ = a;
        std::sort(by_score_.begin() + order_first_arc_[o], by_score_.begin() + order_first_arc_[o + 1],
                  [this](std::int32_t a, std::int32_t b) {
                      const auto& x = arcs_[static_cast<std::size_t>(a)];
                      const auto& y = arcs_[static_cast<std::size_t>(b)];
                      return x.score != y.score ? x.score > y.score : x.client < y.client;
                  });
    }
}

void IndexedProblem::index_clients() {
    const auto clients = clients_.size();
    client_first_arc_.assign(clients + 1, 0);
    for (const auto& arc : arcs_) ++client_first_arc_[static_cast<std::size_t>(arc.client) + 1];
    for (std::size_t c = 0; c < clients; ++c) client_first_arc_[c + 1] += client_first_arc_[c];
    client_arcs_.resize(arcs_.size());
    auto next = client_first_arc_;
    for (std::int32_t a = 0; a < arc_count(); ++a) {
        auto& at = next[static_cast<std::size_t>(arc(a).client)];
        client_arcs_[static_cast<std::size_t>(at++)] = a;
    }
}

std::span<const std::int32_t> IndexedProblem::arcs_by_score(std::int32_t order) const {
    const auto first = static_cast<std::size_t>(first_arc(order));
    return {by_score_.data() + first, static_cast<std::size_t>(end_arc(order)) - first};
}

std::span<const std::int32_t> IndexedProblem::client_arcs(std::int32_t client) const {
    const auto first = static_cast<std::size_t>(client_first_arc_[static_cast<std::size_t>(client)]);
    const auto end = static_cast<std::size_t>(client_first_arc_[static_cast<std::size_t>(client) + 1]);
    return {client_arcs_.data() + first, end - first};
}

std::int32_t IndexedProblem::find_arc(std::int32_t order, std::int32_t client) const {
    const auto first = arcs_.begin() + first_arc(order);
    const auto end = arcs_.begin() + end_arc(order);
    const auto found =
        std::lower_bound(first, end, client, [](const IndexedArc& a, std::int32_t c) { return a.client < c; });
    return found != end && found->client == client ? static_cast<std::int32_t>(found - arcs_.begin()) : -1;
}

int IndexedProblem::fill_target(std::int32_t order) const { return std::min(seats(order), eligible(order)); }

const std::vector<TimeInterval>& IndexedProblem::occurrences(std::int32_t order) const {
    return orders_[static_cast<std::size_t>(order)].occurrences;
}

const std::vector<WeekMinutes>& IndexedProblem::order_weeks(std::int32_t order) const {
    return orders_[static_cast<std::size_t>(order)].minutes_per_week;
}

std::int32_t IndexedProblem::free_minutes(std::int32_t client, std::int32_t week) const {
    const auto& client_data = clients_[static_cast<std::size_t>(client)];
    const auto& weeks = client_data.free_minutes_per_week;
    const auto found = std::lower_bound(weeks.begin(), weeks.end(), WeekMinutes{week, 0}, by_week);
    const auto minutes = found != weeks.end() && found->week == week ? found->minutes : client_data.default_week_minutes;
    return std::max<std::int32_t>(minutes, 0);
}

}  // namespace jobcenter::matching
