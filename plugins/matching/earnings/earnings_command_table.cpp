// The earnings command table. `earnings` audits its read of client data, so it runs as a writer.
#include "matching/earnings/earnings_command_table.hpp"

#include "matching/earnings/earnings_command.hpp"
#include "matching/earnings/limit_commands.hpp"
#include "matching/earnings/paid_earnings.hpp"

namespace jobcenter::matching {

std::vector<Command> earnings_commands() {
    const Command earnings{
        .name = "earnings",
        .summary = "a client's earnings per month and year against each limit of their benefits, with headroom",
        .help = "Loaded, paid (payroll runs recorded) and planned (live gigs' occurrences not yet paid) earnings of the\n"
                "year of --on, every limit in force with its headroom, the first planned gig and day that would cross\n"
                "it, and for each live gig the limits the earnings rules of `matching match` find it past.",
        .flags = {{.name = "client", .type = FlagType::string, .help = "the client, e.g. V-1001", .required = true,
                   .positional = true},
                  {.name = "on", .type = FlagType::date, .help = "the day whose year is reported (default today)"}},
        .access = Access::write,
        .min_role = Role::viewer,
        .run = earnings_command};
    const Command record{
        .name = "earnings-record",
        .summary = "record a paid payroll run's lines as the clients' paid earnings (payroll calls it)",
        .help = "The request is {\"run\": 7, \"lines\": [{\"gig\": 12, \"date\": \"2026-01-12\", \"client\": \"V-1001\",\n"
                "\"contract\": \"commission\", \"gross\": \"20.00\"}]} (--input FILE.json); gross may be negative for an\n"
                "adjustment. A run is recorded once.",
        .access = Access::write,
        .min_role = Role::coordinator,
        .run = earnings_record_command};
    const Command limits{
        .name = "limits",
        .summary = "list the dated benefit limits the earnings rules read (all, or those in force on a day)",
        .flags = {{.name = "on", .type = FlagType::date, .help = "only the rows in force on this day"}},
        .access = Access::read,
        .min_role = Role::viewer,
        .run = limits_command};
    const Command limit_set{
        .name = "limit-set",
        .summary = "add a benefit limit in force from a day on (administrator; rows already there never change)",
        .help = "A later row wins for days on or after its --from. --rate (the percent of the excess an adjustment or a\n"
                "review takes) defaults to the rate of the row in force on --from.",
        .flags = {{.name = "benefit", .type = FlagType::string, .help = "a benefit code, or commission-income (YEL)", .required = true},
                  {.name = "kind", .type = FlagType::string, .help = "suspension, adjustment, review or yel", .required = true},
                  {.name = "period", .type = FlagType::string, .help = "month (suspension, adjustment) or year (review, yel)",
                   .required = true},
                  {.name = "amount", .type = FlagType::string, .help = "euros, e.g. 976.59", .required = true},
                  {.name = "rate", .type = FlagType::string, .help = "adjustment or review: percent of the excess, e.g. 50"},
                  {.name = "from", .type = FlagType::date, .help = "the first day the limit is in force", .required = true},
                  {.name = "source", .type = FlagType::string, .help = "where the limit comes from", .required = true},
                  {.name = "unverified", .type = FlagType::boolean, .help = "the primary source was not found"}},
        .access = Access::write,
        .min_role = Role::admin,
        .run = limit_set_command};
    return {earnings, record, limits, limit_set};
}

}  // namespace jobcenter::matching
