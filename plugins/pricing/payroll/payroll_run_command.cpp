// The run in three phases: read (the period's approved work through matching.gig-worked, what was paid, the
// tax cards, the orderers' golden records), price (the units' terms and the engine), write (one transaction,
// the command's). A proof that fails is an InternalError and nothing is written.
#include "pricing/payroll/payroll_run_command.hpp"

#include <chrono>
#include <cstdlib>

#include "jobcenter/params.hpp"
#include "pricing/payroll/gig_worked_reply.hpp"
#include "pricing/payroll/payroll_engine.hpp"
#include "pricing/payroll/payroll_json.hpp"
#include "pricing/payroll/payroll_store.hpp"
#include "pricing/payroll/period_flags.hpp"
#include "pricing/payroll/recorded_by.hpp"
#include "pricing/payroll/run_sources.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

struct RunRequest {
    std::string from, to, pay_date;
    std::int64_t due_days = 14;
    bool dry_run = false;
};


RunRequest run_request(Context& ctx, const json::object& request) {
    RunRequest r;
    const Period period = period_of(request);
    r.from = period.from;
    r.to = period.to;
    r.pay_date = params::optional_date(request, "pay_date").value_or(ctx.clock().today_iso());
    r.due_days = params::optional_integer(request, "due_days").value_or(14);
    if (r.due_days < 0 || r.due_days > 365) throw InputError("days to pay must be from 0 to 365, got " + std::to_string(r.due_days), "--due-days");
    r.dry_run = params::flag(request, "dry_run");
    return r;
}

// The earliest day of work among the occurrences (a corrected one may lie before the period).
std::string first_day_of(const PayrollInput& input, const std::string& from) {
    std::string first = from;
    for (const auto& o : input.occurrences) first = std::min(first, o.date);
    return first;
}

PayrollInput read_input(Context& ctx, const RunRequest& r, const FigureBook& figures) {
    PayrollInput input;
    input.period_from = r.from;
    input.period_to = r.to;
    input.pay_date = r.pay_date;
    input.due_days = r.due_days;
    input.figures = &figures;
    read_gig_worked(ctx.call("matching.gig-worked", json::object{{"from", r.from}, {"to", r.to}}), input);
    input.paid = paid_so_far(ctx.db(), first_day_of(input, r.from), r.to);
    input.tax_cards = tax_cards_in_force(ctx.db(), r.pay_date);
    input.first_invoice_sequence = next_invoice_sequence(ctx.db());
    return input;
}

void check_proof(const PayrollRunResult& run) {
    for (const auto& item : run.proof)
        if (!item.holds())
            throw InternalError("the run does not reconcile: " + item.name + " is " + item.left.to_string() + " against " +
                                    item.right.to_string() + "; nothing was written",
                                "payroll run");
}

class PhaseClock {
public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double seconds = std::chrono::duration<double>(now - last_).count();
        last_ = now;
        return seconds;
    }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// With JOBCENTER_TIMING=1 the output also says where the time went; without it the output depends only on the
// input.
void add_timing(json::object& out, double read, double price, double write) {
    const char* flag = std::getenv("JOBCENTER_TIMING");
    if (!flag || std::string_view(flag) != "1") return;
    out["phases"] = json::object{{"read_seconds", read}, {"price_seconds", price}, {"write_seconds", write}};
}


}  // namespace

json::value payroll_run_command(Context& ctx, const json::object& request) {
    const RunRequest r = run_request(ctx, request);
    PhaseClock clock;
    ctx.progress().start("payroll run: reading the period's work", 0);
    const FigureBook figures = FigureBook::load(ctx.db());
    PayrollInput input = read_input(ctx, r, figures);
    const PayablePlan plan = payable_work(input);
    input.orderers = golden_records(ctx, plan.pay);
    const double read_seconds = clock.lap();

    ctx.progress().start("payroll run: pricing", 0);
    input.terms = unit_terms_for(ctx, input, plan.pay);
    const PayrollRunResult run = compute_payroll(input);
    check_proof(run);
    json::object totals = totals_json(run);
    json::array proof = proof_json(run.proof);
    json::object coverage = coverage_json(run.coverage);
    const double price_seconds = clock.lap();

    ctx.progress().start("payroll run: writing", 0);
    json::value run_id = nullptr;
    if (!r.dry_run) {
        json::object stored = totals;
        stored["proof"] = proof;
        stored["coverage"] = coverage;
        const RunHeader header{r.from, r.to, r.pay_date, ctx.clock().now_iso(), recorded_by(ctx), json::serialize(stored)};
        const std::int64_t id = write_payroll_run(ctx.db(), header, run);
        ctx.audit("pricing.payroll-run", "payroll-run", std::to_string(id),
                  std::to_string(run.workers.size()) + " workers, " + std::to_string(run.lines.size()) + " lines");
        run_id = id;
    }
    const double write_seconds = clock.lap();
    ctx.progress().finish();

    json::object out{{"run", run_id},
                     {"dry_run", r.dry_run},
                     {"period_from", r.from},
                     {"period_to", r.to},
                     {"pay_date", r.pay_date},
                     {"status", r.dry_run ? "not written" : "open"},
                     {"totals", std::move(totals)},
                     {"proof", std::move(proof)},
                     {"coverage", std::move(coverage)},
                     {"workers", workers_json(run.workers)},
                     {"invoices", invoices_json(run.invoices)},
                     {"lines", lines_json(run)},
                     {"held", held_json(run.held)}};
    add_timing(out, read_seconds, price_seconds, write_seconds);
    return out;
}

}  // namespace jobcenter::pricing
