// What a caller may see of a payroll run. Pay statements are worker-client data: a unit's staff and viewers see
// their own unit's workers only (the rest are left out and counted); coordinators and administrators see every
// one. Invoices carry no client data and are shown whole. Every pay statement shown is written to the audit trail.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/context.hpp"
#include "pricing/exports/run_record.hpp"

namespace jobcenter::pricing {

struct RunView {
    const RunRecord* record = nullptr;
    std::vector<const PayStatement*> statements;  // those the caller may see, by client id
    std::size_t statements_not_shown = 0;
};

// Throws UsageError (the command needs --unit) for staff and viewers without a unit.
RunView visible_part(const Context& ctx, const RunRecord& record);

// "3 pay statements of other units not shown"; empty when none was left out.
std::string not_shown_note(std::size_t count);

// The statement of `client_id` when the caller may see it; NotFoundError naming `where` otherwise (another unit's
// worker reads as one not in the run).
const PayStatement& visible_statement(const RunView& view, const std::string& client_id, const std::string& where);

// One audit row per pay statement read: action `action`, subject the client, detail naming the run and `what`.
void audit_statements(Context& ctx, std::string_view action, const RunView& view,
                      const std::vector<const PayStatement*>& read, std::string_view what);

}  // namespace jobcenter::pricing
