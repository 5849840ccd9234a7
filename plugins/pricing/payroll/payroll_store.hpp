// The payroll tables (schema/pricing/003_payroll.sql) as a run reads and writes them: what runs that are not
// cancelled paid per occurrence, the tax cards in force on a day, the next invoice number, and a computed run
// written as one run row with its pay statements, invoices, VAT totals and lines.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "jobcenter/database.hpp"
#include "pricing/payroll/payroll_result.hpp"

namespace jobcenter::pricing {

// The sums of the lines of runs not cancelled, per occurrence whose day of work is in [from, to].
std::map<OccurrenceKey, PaidSoFar> paid_so_far(Database& db, const std::string& from, const std::string& to);

// The percent of each client's tax card in force on `day` (the latest row in force wins).
std::map<std::string, Decimal> tax_cards_in_force(Database& db, const std::string& day);

// One more than the highest invoice sequence used (1 when there is none).
std::int64_t next_invoice_sequence(Database& db);

struct RunHeader {
    std::string period_from, period_to, pay_date;
    std::string created_at, created_by;
    std::string totals;  // JSON text
};

// Writes the run (status open) and everything in it; returns its id.
std::int64_t write_payroll_run(Database& db, const RunHeader& header, const PayrollRunResult& run);

enum class RunStatus { open, paid, cancelled };
std::optional<RunStatus> run_status_named(std::string_view text);
std::string_view run_status_name(RunStatus status);

struct StoredRun {
    std::int64_t id = 0;
    std::string period_from, period_to, pay_date;
    RunStatus status = RunStatus::open;
    std::string created_at;
    std::optional<std::string> paid_at, cancelled_at, cancel_reason;
};

// The run `id`; NotFoundError naming RUN when there is none.
StoredRun stored_run(Database& db, std::int64_t id);

}  // namespace jobcenter::pricing
