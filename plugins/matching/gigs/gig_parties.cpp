// Reading a gig's client (scoped to the caller's unit) and its order from the database.
#include "matching/gigs/gig_parties.hpp"

#include "matching/store/client_access.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {

GigClient visible_client(Context& ctx, const std::string& client_id, std::string_view where) {
    auto& query = ctx.db().cached("SELECT id, unit, name FROM client WHERE id = ?");
    query.bind(1, client_id);
    std::optional<GigClient> client;
    if (query.step()) client = GigClient{query.get_text(0), query.get_text(1), query.get_text(2)};
    query.reset();
    if (!client || !may_see_unit(ctx, client->unit)) throw NotFoundError("no client '" + client_id + "'", std::string(where));
    return *client;
}

Order existing_order(Database& db, const std::string& order_id, std::string_view where) {
    auto order = read_order(db, order_id);
    if (!order) throw NotFoundError("no order '" + order_id + "'", std::string(where));
    return *order;
}

}  // namespace jobcenter::matching
