// Each payroll and tax-card command's flags, role and transaction.
#include "pricing/payroll/payroll_commands.hpp"

#include "pricing/payroll/coverage_command.hpp"
#include "pricing/payroll/payroll_run_command.hpp"
#include "pricing/payroll/run_status_commands.hpp"
#include "pricing/payroll/tax_card_commands.hpp"

namespace jobcenter::pricing {
namespace {

Flag run_flag() { return {.name = "run", .type = FlagType::integer, .help = "the run's number", .required = true, .positional = true}; }
Flag client_flag() { return {.name = "client", .type = FlagType::string, .help = "the client, e.g. C-1001", .required = true, .positional = true}; }
Flag from_flag(std::string help) { return {.name = "from", .type = FlagType::date, .help = std::move(help), .required = true}; }
Flag to_flag(std::string help) { return {.name = "to", .type = FlagType::date, .help = std::move(help), .required = true}; }

}  // namespace

std::vector<Command> payroll_commands() {
    const Command run{
        .name = "payroll-run",
        .summary = "pay the approved gig occurrences of a period and invoice their orderers (all or nothing)",
        .help = "Occurrences already paid are not paid again; an occurrence whose hours were corrected gets an adjustment\n"
                "line. Wages, coefficients and VAT follow the day of work; withholding and contributions the pay date.\n"
                "See docs/pricing-payroll.md.",
        .flags = {from_flag("the first day of work of the period"),
                  to_flag("the last day of work of the period"),
                  {.name = "pay-date", .type = FlagType::date, .help = "the day the run pays (default today)"},
                  {.name = "due-days", .type = FlagType::integer, .help = "days from the invoice date to its due date (default 14)"},
                  {.name = "dry-run", .type = FlagType::boolean, .help = "print the run and write nothing"}},
        .access = Access::write,
        .min_role = Role::coordinator,
        .long_running = true,
        .run = payroll_run_command};
    const Command list{.name = "payroll-list",
                       .summary = "payroll runs, newest first, with their counts and totals",
                       .flags = {{.name = "limit", .type = FlagType::integer, .help = "at most this many (default 100)"}},
                       .access = Access::read,
                       .min_role = Role::viewer,
                       .run = payroll_list_command};
    const Command cancel{.name = "payroll-cancel",
                         .summary = "cancel an open run: its occurrences become payable again",
                         .flags = {run_flag(), {.name = "reason", .type = FlagType::string, .help = "why", .required = true}},
                         .access = Access::write,
                         .min_role = Role::coordinator,
                         .run = payroll_cancel_command};
    const Command mark_paid{.name = "payroll-mark-paid",
                            .summary = "mark an open run paid and record its lines as the clients' earnings",
                            .flags = {run_flag()},
                            .access = Access::write,
                            .min_role = Role::coordinator,
                            .run = payroll_mark_paid_command};
    const Command coverage{.name = "payroll-coverage",
                           .summary = "side and service costs collected against the costs due, for runs paid in a period",
                           .flags = {from_flag("the first pay date"), to_flag("the last pay date")},
                           .access = Access::read,
                           .min_role = Role::viewer,
                           .run = payroll_coverage_command};
    const Command tax_card_set{
        .name = "tax-card-set",
        .summary = "record the withholding percent of a client's tax card from a day on",
        .flags = {client_flag(),
                  {.name = "percent", .type = FlagType::string, .help = "0-100, e.g. 12.5", .required = true, .positional = true},
                  from_flag("the first day the card is in force"),
                  {.name = "to", .type = FlagType::date, .help = "the last day the card is in force (default: until replaced)"}},
        .access = Access::write,
        .min_role = Role::staff,
        .run = tax_card_set_command};
    const Command tax_card_show{.name = "tax-card-show",
                                .summary = "a client's tax cards and the percent in force today",
                                .flags = {client_flag()},
                                .access = Access::write,
                                .min_role = Role::staff,
                                .run = tax_card_show_command};
    return {run, list, cancel, mark_paid, coverage, tax_card_set, tax_card_show};
}

}  // namespace jobcenter::pricing
