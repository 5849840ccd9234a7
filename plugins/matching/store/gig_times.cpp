// Reading the gigs that hold clients' time, one query joined with their orders, and the paid occurrences, one
// query.
#include "matching/store/gig_times.hpp"

#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace {

void attach_paid_occurrences(Database& db, const std::string& unit, std::map<std::string, ClientGigs>& by_client) {
    auto q = db.prepare(
        "SELECT p.client_id, p.gig_id, p.on_date, p.contract, p.cents FROM client_paid p JOIN client c ON c.id = p.client_id "
        "WHERE (?1 = '' OR c.unit = ?1) ORDER BY p.client_id, p.gig_id, p.on_date, p.run");
    q.bind(1, unit);
    while (q.step()) {
        PaidOccurrence paid;
        paid.gig_id = q.get_int(1);
        paid.day = parse_day(q.get_text_view(2)).value_or(0);
        paid.contract = parse_code<Contract>(q.get_text_view(3)).value_or(Contract::commission);
        paid.gross = Money::from_cents(q.get_int(4));
        by_client[q.get_text(0)].paid.push_back(paid);
    }
}

}  // namespace

std::map<std::string, ClientGigs> read_client_gigs(Database& db, const std::string& unit) {
    std::map<std::string, ClientGigs> by_client;
    auto q = db.prepare(
        "SELECT g.id, g.order_id, g.client_id, g.status, o.orderer_id, o.orderer_name, o.task_type, o.start_at, o.minutes, "
        "o.repeat_every_days, o.repeat_until, o.contract FROM gig g JOIN work_order o ON o.id = g.order_id JOIN client c ON c.id = g.client_id "
        "WHERE (?1 = '' OR c.unit = ?1) AND g.status NOT IN ('cancelled', 'declined') ORDER BY g.id");
    q.bind(1, unit);
    while (q.step()) {
        GigTime g;
        g.gig_id = q.get_int(0);
        g.order_id = q.get_text(1);
        g.client_id = q.get_text(2);
        g.status = parse_code<GigStatus>(q.get_text_view(3)).value_or(GigStatus::proposed);
        g.orderer_id = q.get_int(4);
        g.orderer_name = q.get_text(5);
        g.task_type = q.get_text(6);
        Order o;
        o.start = parse_local_time(q.get_text_view(7)).value_or(0);
        o.minutes = static_cast<int>(q.get_int(8));
        if (auto every = q.get_optional_int(9)) o.repeat = Repeat{static_cast<int>(*every), parse_day(q.get_text_view(10)).value_or(0)};
        g.contract = parse_code<Contract>(q.get_text_view(11)).value_or(Contract::commission);
        g.occurrences = o.occurrences();
        auto& entry = by_client[g.client_id];
        if (g.status == GigStatus::done || g.status == GigStatus::approved) ++entry.completed;
        entry.live.push_back(std::move(g));
    }
    attach_paid_occurrences(db, unit, by_client);
    return by_client;
}

}  // namespace jobcenter::matching
