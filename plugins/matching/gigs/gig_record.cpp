// Reading gig rows (scoped to the caller's unit) and writing and reading their events.
#include "matching/gigs/gig_record.hpp"

#include "matching/store/client_access.hpp"

namespace jobcenter::matching {

GigStatus stored_gig_status(const std::string& text) {
    auto status = parse_code<GigStatus>(text);
    if (!status) throw InternalError("the database holds the gig status '" + text + "'");
    return *status;
}

GigRecord visible_gig(Context& ctx, std::int64_t gig_id, std::string_view where) {
    auto& query = ctx.db().cached(
        "SELECT g.id, g.order_id, g.client_id, c.unit, c.name, g.status, g.score, g.support_person, g.feedback, "
        "g.created_at, g.updated_at FROM gig g JOIN client c ON c.id = g.client_id WHERE g.id = ?");
    query.bind(1, gig_id);
    std::optional<GigRecord> gig;
    if (query.step()) {
        gig = GigRecord{.id = query.get_int(0),
                        .order_id = query.get_text(1),
                        .client_id = query.get_text(2),
                        .client_unit = query.get_text(3),
                        .client_name = query.get_text(4),
                        .status = stored_gig_status(query.get_text(5)),
                        .score = query.is_null(6) ? std::nullopt : std::optional<double>(query.get_double(6)),
                        .support_person = query.get_optional_text(7),
                        .feedback = query.get_optional_text(8),
                        .created_at = query.get_text(9),
                        .updated_at = query.get_text(10)};
    }
    query.reset();
    if (!gig || !may_see_unit(ctx, gig->client_unit))
        throw NotFoundError("no gig " + std::to_string(gig_id), std::string(where));
    return *gig;
}

void record_gig_event(Context& ctx, std::int64_t gig_id, std::optional<GigStatus> from, GigStatus to,
                      std::string_view reason) {
    std::optional<std::string> from_text;
    if (from) from_text = std::string(code_of(*from));
    ctx.db()
        .cached("INSERT INTO gig_event(gig_id, at, unit, role, from_status, to_status, reason) VALUES(?,?,?,?,?,?,?)")
        .bind_all(gig_id, ctx.clock().now_iso(), ctx.unit(), std::string(role_name(ctx.role())), from_text,
                  std::string(code_of(to)), std::string(reason))
        .run();
}

void move_gig(Context& ctx, const GigRecord& gig, GigStatus to, std::string_view reason) {
    ctx.db()
        .cached("UPDATE gig SET status = ?, updated_at = ? WHERE id = ?")
        .bind_all(std::string(code_of(to)), ctx.clock().now_iso(), gig.id)
        .run();
    record_gig_event(ctx, gig.id, gig.status, to, reason);
}

std::vector<GigEvent> gig_events(Database& db, std::int64_t gig_id) {
    auto& query = db.cached(
        "SELECT at, unit, role, from_status, to_status, reason FROM gig_event WHERE gig_id = ? ORDER BY id");
    query.bind(1, gig_id);
    std::vector<GigEvent> events;
    while (query.step()) {
        auto from = query.get_optional_text(3);
        events.push_back({query.get_text(0), query.get_text(1), query.get_text(2),
                          from ? std::optional<GigStatus>(stored_gig_status(*from)) : std::nullopt,
                          stored_gig_status(query.get_text(4)), query.get_text(5)});
    }
    return events;
}

}  // namespace jobcenter::matching
