// Reading the gigs that hold clients' time, one query joined with their orders, and the paid occurrences, one
// query; for the clients of a unit (or every unit) or for one client.
#include "matching/store/gig_times.hpp"

#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace {

// Whose gigs a query reads: the clients of a unit ('' for every unit), or one client.
enum class GigsOf { unit, client };

std::string where_of(GigsOf whose) { return whose == GigsOf::unit ? "(?1 = '' OR c.unit = ?1)" : "c.id = ?1"; }

GigTime gig_from_row(Statement& q) {
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
    return g;
}

void read_live_gigs(Database& db, GigsOf whose, const std::string& key, std::map<std::string, ClientGigs>& by_client) {
    auto q = db.prepare(
        "SELECT g.id, g.order_id, g.client_id, g.status, o.orderer_id, o.orderer_name, o.task_type, o.start_at, o.minutes, "
        "o.repeat_every_days, o.repeat_until, o.contract FROM gig g JOIN work_order o ON o.id = g.order_id JOIN client c ON c.id = g.client_id "
        "WHERE " + where_of(whose) + " AND g.status NOT IN ('cancelled', 'declined') ORDER BY g.id");
    q.bind(1, key);
    while (q.step()) {
        GigTime g = gig_from_row(q);
        auto& entry = by_client[g.client_id];
        if (g.status == GigStatus::done || g.status == GigStatus::approved) ++entry.completed;
        entry.live.push_back(std::move(g));
    }
}

void read_paid_occurrences(Database& db, GigsOf whose, const std::string& key, std::map<std::string, ClientGigs>& by_client) {
    auto q = db.prepare(
        "SELECT p.client_id, p.gig_id, p.on_date, p.contract, p.cents FROM client_paid p JOIN client c ON c.id = p.client_id "
        "WHERE " + where_of(whose) + " ORDER BY p.client_id, p.gig_id, p.on_date, p.run");
    q.bind(1, key);
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
    read_live_gigs(db, GigsOf::unit, unit, by_client);
    read_paid_occurrences(db, GigsOf::unit, unit, by_client);
    return by_client;
}

ClientGigs read_gigs_of_client(Database& db, const std::string& client_id) {
    std::map<std::string, ClientGigs> by_client;
    read_live_gigs(db, GigsOf::client, client_id, by_client);
    read_paid_occurrences(db, GigsOf::client, client_id, by_client);
    auto it = by_client.find(client_id);
    return it == by_client.end() ? ClientGigs{} : std::move(it->second);
}

}  // namespace jobcenter::matching
