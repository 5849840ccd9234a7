// The gig steps: each checks access and order, changes the gig, records the event and audits the client read.
#include "matching/gigs/gig_steps.hpp"

#include <algorithm>

#include "matching/gigs/gig_hours.hpp"
#include "matching/gigs/gig_life_cycle.hpp"
#include "matching/gigs/gig_parties.hpp"
#include "matching/gigs/gig_record.hpp"

namespace jobcenter::matching {
namespace {

const std::string gig_argument = "GIG";

void audit_gig(Context& ctx, std::string_view action, const GigRecord& gig, std::string_view what) {
    ctx.audit(action, "client", gig.client_id, "gig " + std::to_string(gig.id) + ": " + std::string(what));
}

// The text a step must carry (a reason, feedback), trimmed; InputError naming `flag` when it is blank.
std::string required_text(const std::string& text, const std::string& flag, std::string_view what) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) throw InputError(std::string(what) + " must not be empty", flag);
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Loads the gig, checks the step may be taken now, and returns the gig as it was.
GigRecord gig_ready_for(Context& ctx, std::int64_t gig_id, GigStep step) {
    GigRecord gig = visible_gig(ctx, gig_id, gig_argument);
    require_step_allowed(gig.id, gig.status, step);
    return gig;
}

// A step that only moves the gig on: confirm, accept, approve, cancel, decline.
void take_step(Context& ctx, std::int64_t gig_id, GigStep step, std::string_view action, std::string_view reason) {
    const GigRecord gig = gig_ready_for(ctx, gig_id, step);
    const GigStatus to = *status_after(step);
    move_gig(ctx, gig, to, reason);
    audit_gig(ctx, action, gig, code_of(to));
}

void require_open(const Order& order) {
    if (order.status != OrderStatus::open)
        throw RefusedError("order " + order.id + " is " + std::string(code_of(order.status)) +
                           ": only an open order takes new gigs", "--order");
}

// The live gigs (neither cancelled nor declined) of an order, by id.
std::vector<std::int64_t> live_gigs_of_order(Database& db, const std::string& order_id) {
    auto& query = db.cached("SELECT id FROM gig WHERE order_id = ? AND status NOT IN ('cancelled', 'declined') ORDER BY id");
    query.bind(1, order_id);
    std::vector<std::int64_t> ids;
    while (query.step()) ids.push_back(query.get_int(0));
    return ids;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (auto id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
    return out;
}

void require_free_seat(Database& db, const Order& order) {
    const auto taken = live_gigs_of_order(db, order.id);
    if (static_cast<int>(taken.size()) >= order.seats)
        throw RefusedError("order " + order.id + " has " + std::to_string(order.seats) + " seat" +
                           (order.seats == 1 ? "" : "s") + ", all held by gigs " + id_list(taken) +
                           ": cancel or decline one first", "--order");
}

void require_no_live_gig(Database& db, const std::string& order_id, const std::string& client_id) {
    auto& query = db.cached(
        "SELECT id, status FROM gig WHERE order_id = ? AND client_id = ? AND status NOT IN ('cancelled', 'declined')");
    query.bind_all(order_id, client_id);
    if (query.step()) {
        const std::string message = "client " + client_id + " already has gig " + std::to_string(query.get_int(0)) +
                                    " on order " + order_id + " (" + query.get_text(1) + ")";
        query.reset();
        throw RefusedError(message, "--client");
    }
    query.reset();
}

}  // namespace

std::int64_t propose_gig(Context& ctx, const std::string& order_id, const std::string& client_id,
                         std::optional<double> score, const std::optional<std::string>& support_person) {
    const Order order = existing_order(ctx.db(), order_id, "--order");
    const GigClient client = visible_client(ctx, client_id, "--client");
    require_open(order);
    require_no_live_gig(ctx.db(), order.id, client.id);
    require_free_seat(ctx.db(), order);
    const std::string now = ctx.clock().now_iso();
    ctx.db()
        .cached("INSERT INTO gig(order_id, client_id, status, score, support_person, created_at, updated_at) "
                "VALUES(?,?,?,?,?,?,?)")
        .bind_all(order.id, client.id, std::string(code_of(GigStatus::proposed)), score,
                  support_person ? support_person : order.support_person, now, now)
        .run();
    const std::int64_t gig_id = ctx.db().last_insert_id();
    record_gig_event(ctx, gig_id, std::nullopt, GigStatus::proposed, "");
    ctx.audit("matching.gig-propose", "client", client.id, "gig " + std::to_string(gig_id) + " on order " + order.id);
    return gig_id;
}

void confirm_gig(Context& ctx, std::int64_t gig_id) { take_step(ctx, gig_id, GigStep::confirm, "matching.gig-confirm", ""); }

void accept_gig(Context& ctx, std::int64_t gig_id) { take_step(ctx, gig_id, GigStep::accept, "matching.gig-accept", ""); }

void approve_gig(Context& ctx, std::int64_t gig_id) {
    ctx.require_role(Role::coordinator);
    take_step(ctx, gig_id, GigStep::approve, "matching.gig-approve", "");
}

void cancel_gig(Context& ctx, std::int64_t gig_id, const std::string& reason) {
    take_step(ctx, gig_id, GigStep::cancel, "matching.gig-cancel", required_text(reason, "--reason", "the reason"));
}

void decline_gig(Context& ctx, std::int64_t gig_id, const std::string& reason) {
    take_step(ctx, gig_id, GigStep::decline, "matching.gig-decline", required_text(reason, "--reason", "the reason"));
}

void record_gig_done(Context& ctx, std::int64_t gig_id, const std::vector<std::string>& hours) {
    const GigRecord gig = gig_ready_for(ctx, gig_id, GigStep::record_done);
    const Order order = existing_order(ctx.db(), gig.order_id, gig_argument);
    const auto worked = hours_to_record(order, today_of(ctx), hours);
    write_gig_hours(ctx.db(), gig.id, worked);
    move_gig(ctx, gig, GigStatus::done, hours_text(total_minutes(worked)) + " h on " + std::to_string(worked.size()) + " occurrence" +
                                            (worked.size() == 1 ? "" : "s"));
    audit_gig(ctx, "matching.gig-done", gig, code_of(GigStatus::done));
}

void record_gig_feedback(Context& ctx, std::int64_t gig_id, const std::string& text) {
    const GigRecord gig = gig_ready_for(ctx, gig_id, GigStep::feedback);
    const std::string feedback = required_text(text, "--text", "the feedback");
    ctx.db()
        .cached("UPDATE gig SET feedback = ?, updated_at = ? WHERE id = ?")
        .bind_all(feedback, ctx.clock().now_iso(), gig.id)
        .run();
    record_gig_event(ctx, gig.id, gig.status, gig.status, "orderer's feedback recorded");
    audit_gig(ctx, "matching.gig-feedback", gig, "feedback");
}

void correct_gig_hours(Context& ctx, std::int64_t gig_id, const std::vector<std::string>& hours, const std::string& reason) {
    ctx.require_role(Role::coordinator);
    const GigRecord gig = gig_ready_for(ctx, gig_id, GigStep::correct_hours);
    const std::string why = required_text(reason, "--reason", "the reason");
    const auto changes = hours_to_correct(gig.id, read_gig_hours(ctx.db(), gig.id), today_of(ctx), hours);
    write_hours_corrections(ctx.db(), gig.id, changes, ctx.clock().now_iso());
    std::string what;
    for (const auto& c : changes)
        what += (what.empty() ? "" : ", ") + day_text(c.day) + " " + hours_text(c.from_minutes) + " h -> " + hours_text(c.to_minutes) + " h";
    ctx.db().cached("UPDATE gig SET updated_at = ? WHERE id = ?").bind_all(ctx.clock().now_iso(), gig.id).run();
    record_gig_event(ctx, gig.id, gig.status, gig.status, "hours corrected: " + what + "; " + why);
    audit_gig(ctx, "matching.gig-hours", gig, "hours corrected");
}

int cancel_gigs_of_order(Context& ctx, const std::string& order_id, const std::string& reason) {
    const std::string why = required_text(reason, "--reason", "the reason");
    const auto cancellable = statuses_before(GigStep::cancel);
    auto& query = ctx.db().cached(
        "SELECT g.id, g.client_id, g.status FROM gig g WHERE g.order_id = ? ORDER BY g.id");
    query.bind(1, order_id);
    std::vector<GigRecord> gigs;
    while (query.step()) {
        GigRecord gig;
        gig.id = query.get_int(0);
        gig.order_id = order_id;
        gig.client_id = query.get_text(1);
        gig.status = stored_gig_status(query.get_text(2));
        if (std::find(cancellable.begin(), cancellable.end(), gig.status) != cancellable.end()) gigs.push_back(gig);
    }
    for (const auto& gig : gigs) {
        move_gig(ctx, gig, GigStatus::cancelled, why);
        audit_gig(ctx, "matching.gig-cancel", gig, "cancelled with order " + order_id);
    }
    return static_cast<int>(gigs.size());
}

}  // namespace jobcenter::matching
