// Listing runs and moving one from open to paid or cancelled.
#include "pricing/payroll/run_status_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/payroll/payroll_store.hpp"
#include "pricing/payroll/recorded_by.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

std::string money_text(std::int64_t cents) { return Money::from_cents(cents).to_string(); }


// The run named by RUN, which must still be open for `step` ("cancelled", "marked paid").
StoredRun open_run(Context& ctx, const json::object& request, std::string_view step) {
    const StoredRun run = stored_run(ctx.db(), params::required_integer(request, "run"));
    const std::string name = "payroll run " + std::to_string(run.id);
    if (run.status == RunStatus::paid)
        throw RefusedError(name + " was paid on " + run.paid_at.value_or("?") + ": a paid run cannot be " + std::string(step) +
                               "; correct the hours and the next run pays the difference",
                           "RUN");
    if (run.status == RunStatus::cancelled)
        throw RefusedError(name + " was cancelled on " + run.cancelled_at.value_or("?") + " (" + run.cancel_reason.value_or("") +
                               "): a cancelled run cannot be " + std::string(step),
                           "RUN");
    return run;
}

json::array paid_lines(Database& db, std::int64_t run_id) {
    auto q = db.prepare("SELECT gig_id, on_date, client_id, contract, pay_cents FROM payroll_line WHERE run_id = ? ORDER BY id");
    q.bind(1, run_id);
    json::array lines;
    while (q.step())
        lines.push_back(json::object{{"gig", q.get_int(0)}, {"date", q.get_text(1)}, {"client", q.get_text(2)},
                                     {"contract", q.get_text(3)}, {"gross", money_text(q.get_int(4))}});
    return lines;
}

}  // namespace

json::value payroll_list_command(Context& ctx, const json::object& request) {
    const std::int64_t limit = params::optional_integer(request, "limit").value_or(100);
    if (limit < 1 || limit > 10000) throw InputError("the limit must be from 1 to 10000, got " + std::to_string(limit), "--limit");
    auto q = ctx.db().prepare(
        "SELECT r.id, r.period_from, r.period_to, r.pay_date, r.status, r.created_at, "
        "(SELECT COUNT(*) FROM payroll_worker w WHERE w.run_id = r.id), "
        "(SELECT COUNT(*) FROM payroll_invoice i WHERE i.run_id = r.id), "
        "(SELECT COUNT(*) FROM payroll_line l WHERE l.run_id = r.id), "
        "(SELECT COALESCE(SUM(net_cents), 0) FROM payroll_invoice i WHERE i.run_id = r.id), "
        "(SELECT COALESCE(SUM(vat_cents), 0) FROM payroll_invoice i WHERE i.run_id = r.id), "
        "(SELECT COALESCE(SUM(gross_cents), 0) FROM payroll_invoice i WHERE i.run_id = r.id), "
        "(SELECT COALESCE(SUM(gross_cents), 0) FROM payroll_worker w WHERE w.run_id = r.id), "
        "(SELECT COALESCE(SUM(net_paid_cents), 0) FROM payroll_worker w WHERE w.run_id = r.id) "
        "FROM payroll_run r ORDER BY r.id DESC LIMIT ?");
    q.bind(1, limit);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"run", q.get_int(0)},         {"period_from", q.get_text(1)},
                                    {"period_to", q.get_text(2)},  {"pay_date", q.get_text(3)},
                                    {"status", q.get_text(4)},     {"workers", q.get_int(6)},
                                    {"invoices", q.get_int(7)},    {"lines", q.get_int(8)},
                                    {"net", money_text(q.get_int(9))}, {"vat", money_text(q.get_int(10))},
                                    {"gross", money_text(q.get_int(11))}, {"pay_gross", money_text(q.get_int(12))},
                                    {"net_paid", money_text(q.get_int(13))}, {"created_at", q.get_text(5)}});
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::value payroll_cancel_command(Context& ctx, const json::object& request) {
    const std::string reason = params::required_string(request, "reason");
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError("say why the run is cancelled", "--reason");
    const StoredRun run = open_run(ctx, request, "cancelled");
    ctx.db()
        .prepare("UPDATE payroll_run SET status = 'cancelled', cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?")
        .bind_all(ctx.clock().now_iso(), recorded_by(ctx), reason, run.id)
        .run();
    ctx.audit("pricing.payroll-cancel", "payroll-run", std::to_string(run.id), reason);
    return json::object{{"run", run.id}, {"status", "cancelled"}, {"reason", reason},
                        {"note", "its occurrences are paid by the next run over their days"}};
}

json::value payroll_mark_paid_command(Context& ctx, const json::object& request) {
    const StoredRun run = open_run(ctx, request, "marked paid");
    json::array lines = paid_lines(ctx.db(), run.id);
    const std::size_t count = lines.size();
    ctx.db()
        .prepare("UPDATE payroll_run SET status = 'paid', paid_at = ?, paid_by = ? WHERE id = ?")
        .bind_all(ctx.clock().now_iso(), recorded_by(ctx), run.id)
        .run();
    ctx.call("matching.earnings-record", json::object{{"run", run.id}, {"lines", std::move(lines)}});
    ctx.audit("pricing.payroll-mark-paid", "payroll-run", std::to_string(run.id), std::to_string(count) + " lines");
    return json::object{{"run", run.id}, {"status", "paid"}, {"lines_recorded", count}};
}

}  // namespace jobcenter::pricing
