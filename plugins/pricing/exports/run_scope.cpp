// Unit scoping of a run's pay statements and the audit rows of those read.
#include "pricing/exports/run_scope.hpp"

namespace jobcenter::pricing {

RunView visible_part(const Context& ctx, const RunRecord& record) {
    RunView view;
    view.record = &record;
    const bool sees_all = ctx.role() >= Role::coordinator;
    const std::string own_unit = sees_all ? std::string() : ctx.require_unit();
    for (const auto& statement : record.statements) {
        if (sees_all || statement.unit == own_unit)
            view.statements.push_back(&statement);
        else
            ++view.statements_not_shown;
    }
    return view;
}

std::string not_shown_note(std::size_t count) {
    if (count == 0) return {};
    if (count == 1) return "1 pay statement of another unit not shown";
    return std::to_string(count) + " pay statements of other units not shown";
}

const PayStatement& visible_statement(const RunView& view, const std::string& client_id, const std::string& where) {
    for (const auto* statement : view.statements)
        if (statement->client_id == client_id) return *statement;
    throw NotFoundError("no pay statement of client '" + client_id + "' in payroll run " +
                            std::to_string(view.record->run.id),
                        where);
}

void audit_statements(Context& ctx, std::string_view action, const RunView& view,
                      const std::vector<const PayStatement*>& read, std::string_view what) {
    const std::string detail = "payroll run " + std::to_string(view.record->run.id) + ", " + std::string(what);
    for (const auto* statement : read) ctx.audit(action, "client", statement->client_id, detail);
}

}  // namespace jobcenter::pricing
