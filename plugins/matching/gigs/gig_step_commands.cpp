// Requests of the gig steps read into the step functions; each answers with the gig's new state.
#include "matching/gigs/gig_step_commands.hpp"

#include "jobcenter/params.hpp"
#include "matching/gigs/gig_record.hpp"
#include "matching/gigs/gig_steps.hpp"
#include "matching/gigs/gig_view_commands.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

std::int64_t gig_id_of(const json::object& request) { return params::required_integer(request, "gig"); }

// The gig after a step: its number, order, client, status and support person (the step audited the read).
json::object gig_state(Context& ctx, std::int64_t gig_id) {
    const GigRecord gig = visible_gig(ctx, gig_id, "GIG");
    json::object state{{"gig", gig.id}, {"order", gig.order_id}, {"client", gig.client_id}, {"status", code_of(gig.status)}};
    state["support_person"] = gig.support_person ? json::value(*gig.support_person) : json::value(nullptr);
    if (gig.feedback) state["feedback"] = *gig.feedback;
    return state;
}

}  // namespace

json::value gig_propose_command(Context& ctx, const json::object& request) {
    const std::int64_t gig_id = propose_gig(ctx, params::required_string(request, "order"),
                                            params::required_string(request, "client"), std::nullopt,
                                            params::optional_string(request, "support_person"));
    return gig_state(ctx, gig_id);
}

json::value gig_confirm_command(Context& ctx, const json::object& request) {
    confirm_gig(ctx, gig_id_of(request));
    return gig_state(ctx, gig_id_of(request));
}

json::value gig_accept_command(Context& ctx, const json::object& request) {
    accept_gig(ctx, gig_id_of(request));
    return gig_state(ctx, gig_id_of(request));
}

json::value gig_done_command(Context& ctx, const json::object& request) {
    const std::int64_t gig_id = gig_id_of(request);
    record_gig_done(ctx, gig_id, params::string_list(request, "hours"));
    json::object state = gig_state(ctx, gig_id);
    add_hours_view(state, ctx.db(), gig_id);
    return state;
}

json::value gig_approve_command(Context& ctx, const json::object& request) {
    approve_gig(ctx, gig_id_of(request));
    return gig_state(ctx, gig_id_of(request));
}

json::value gig_cancel_command(Context& ctx, const json::object& request) {
    cancel_gig(ctx, gig_id_of(request), params::required_string(request, "reason"));
    return gig_state(ctx, gig_id_of(request));
}

json::value gig_decline_command(Context& ctx, const json::object& request) {
    decline_gig(ctx, gig_id_of(request), params::required_string(request, "reason"));
    return gig_state(ctx, gig_id_of(request));
}

json::value gig_hours_command(Context& ctx, const json::object& request) {
    const std::int64_t gig_id = gig_id_of(request);
    correct_gig_hours(ctx, gig_id, params::string_list(request, "hours"), params::required_string(request, "reason"));
    json::object state = gig_state(ctx, gig_id);
    add_hours_view(state, ctx.db(), gig_id);
    return state;
}

json::value gig_feedback_command(Context& ctx, const json::object& request) {
    const std::int64_t gig_id = gig_id_of(request);
    record_gig_feedback(ctx, gig_id, params::required_string(request, "text"));
    return gig_state(ctx, gig_id);
}

}  // namespace jobcenter::matching
