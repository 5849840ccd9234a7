// The assign command: the period's open orders, the solver, and a proposed gig per assignment.
#include "matching/commands/assign_command.hpp"

#include <chrono>
#include <cstdlib>
#include <string_view>

#include "jobcenter/params.hpp"
#include "matching/assignment/assignment.hpp"
#include "matching/commands/assignment_input.hpp"
#include "matching/gigs/gig_steps.hpp"
#include "matching/store/client_access.hpp"
#include "matching/store/order_store.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

struct AssignPeriod {
    Day from = 0;
    Day to = 0;
};

// --from and --to, by default the seven days from today.
AssignPeriod assign_period_of(Context& ctx, const json::object& request) {
    const Day today = *parse_day(ctx.clock().today_iso());
    const auto from_text = params::optional_date(request, "from");
    const auto to_text = params::optional_date(request, "to");
    AssignPeriod p{from_text ? *parse_day(*from_text) : today, 0};
    p.to = to_text ? *parse_day(*to_text) : p.from + 6;
    if (p.to < p.from) throw InputError("--to " + day_text(p.to) + " is before --from " + day_text(p.from), "--to");
    if (p.to - p.from > 366) throw InputError("the period is longer than a year; assign at most 366 days at once", "--to");
    return p;
}

struct PhaseSeconds {
    double judging = 0;  // rules and scores
    double solving = 0;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// --time-limit: a safety net on the solver's wall-clock time (default 10 s). The solver stops on counts of work
// that take about a second on a week of 3,000 seats, so that its result never depends on the machine's speed;
// only when the net stops it first does the result say time_limit.
double solver_seconds(const json::object& request) {
    const auto limit = params::optional_number(request, "time_limit").value_or(10.0);
    if (!(limit >= 0.1 && limit <= 600)) throw InputError("the time limit must be 0.1–600 seconds", "--time-limit");
    return limit;
}

json::object quality_json(const AssignmentResult& r, const AssignmentInput& in) {
    return json::object{{"status", solve_status_name(r.status)},
                        {"seats_filled", r.seats_filled},
                        {"seat_upper_bound", r.seat_upper_bound},
                        {"total_score", r.total_score},
                        {"score_upper_bound", r.score_upper_bound},
                        {"gap", r.gap},
                        {"method", r.method},
                        {"pairs_scored", in.scored_pairs}};
}

// With JOBCENTER_TIMING=1 the result also says where the time went; without it the output depends only on the
// input, as every command's does.
void add_timing(json::object& quality, const AssignmentInput& in, const PhaseSeconds& took) {
    const char* flag = std::getenv("JOBCENTER_TIMING");
    if (!flag || std::string_view(flag) != "1") return;
    quality["judging_seconds"] = took.judging;
    quality["scoring_seconds"] = in.scoring_seconds;
    quality["solving_seconds"] = took.solving;
}

}  // namespace

json::value assign_command(Context& ctx, const json::object& request) {
    const AssignPeriod period = assign_period_of(ctx, request);
    const bool dry_run = params::flag(request, "dry_run");
    const std::vector<Order> orders = read_orders(ctx.db(), OrderStatus::open, period.from, period.to);
    const MatchingData data = load_matching_data(ctx, visible_unit(ctx), "matching.assign",
                                                 day_text(period.from) + ".." + day_text(period.to));
    PhaseSeconds took;
    ctx.progress().start("assign: rules and scores", 0);
    auto started = std::chrono::steady_clock::now();
    const AssignmentInput in = build_assignment_input(ctx.scripts(), data, orders);
    took.judging = seconds_since(started);
    ctx.progress().start("assign: solving", 0);
    started = std::chrono::steady_clock::now();
    const AssignmentResult result = solve_assignment(in.problem, AssignmentLimits{.time_limit_seconds = solver_seconds(request)});
    took.solving = seconds_since(started);
    ctx.progress().finish();

    json::object quality = quality_json(result, in);
    add_timing(quality, in, took);
    json::array assignments, unfilled;
    for (const auto& arc : result.chosen) {
        const Order& order = *in.orders[static_cast<std::size_t>(arc.order)];
        const Client& client = *in.clients[static_cast<std::size_t>(arc.client)];
        json::object row{{"order", order.id}, {"client", client.id}, {"score", arc.score}};
        if (!dry_run) row["gig"] = propose_gig(ctx, order.id, client.id, arc.score, order.support_person);
        assignments.push_back(std::move(row));
    }
    for (const auto& u : result.unfilled) {
        const Order& order = *in.orders[static_cast<std::size_t>(u.order)];
        unfilled.push_back(json::object{{"order", order.id},
                                        {"seats", u.seats},
                                        {"why", std::string(unfilled_reason_text(u.reason)) + " (" + std::to_string(u.eligible) +
                                                    " eligible client" + (u.eligible == 1 ? "" : "s") + ")"}});
    }
    return json::object{{"from", day_text(period.from)},
                        {"to", day_text(period.to)},
                        {"dry_run", dry_run},
                        {"orders", in.orders.size()},
                        {"assignments", std::move(assignments)},
                        {"unfilled", std::move(unfilled)},
                        {"quality", std::move(quality)}};
}

}  // namespace jobcenter::matching
