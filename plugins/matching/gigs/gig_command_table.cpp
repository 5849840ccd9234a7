// Names, flags, roles and handlers of the gig and CV commands. The reads write the audit trail, so they run as
// writers: a reading transaction could not always take the write lock for its audit row.
#include "matching/gigs/gig_command_table.hpp"

#include "matching/earnings/worked_gigs.hpp"
#include "matching/gigs/cv_command.hpp"
#include "matching/gigs/gig_step_commands.hpp"
#include "matching/gigs/gig_view_commands.hpp"

namespace jobcenter::matching {
namespace {

Flag gig_argument() {
    return {.name = "gig", .type = FlagType::integer, .help = "the gig's number", .required = true, .positional = true};
}

Flag reason_flag(std::string help) {
    return {.name = "reason", .type = FlagType::string, .help = std::move(help), .required = true};
}

// A step on one gig: `matching gig <step> GIG [flags]`.
Command gig_step(std::string name, std::string summary, std::vector<Flag> extra, Role min_role, Handler run) {
    std::vector<Flag> flags{gig_argument()};
    flags.insert(flags.end(), extra.begin(), extra.end());
    return Command{.name = "gig-" + std::move(name),
                   .summary = std::move(summary),
                   .flags = std::move(flags),
                   .access = Access::write,
                   .min_role = min_role,
                   .run = std::move(run)};
}

}  // namespace

std::vector<Command> gig_commands() {
    const Command propose{
        .name = "gig-propose",
        .summary = "propose a client of your unit for an open order",
        .help = "A live gig (not cancelled or declined) of the same client on the order is refused, as is an order whose\n"
                "seats are all held. The support person defaults to the order's.",
        .flags = {{.name = "order", .type = FlagType::string, .help = "the order, e.g. T-100", .required = true},
                  {.name = "client", .type = FlagType::string, .help = "the client, e.g. C-1001", .required = true},
                  {.name = "support-person", .type = FlagType::string, .help = "who goes along on the gig"}},
        .access = Access::write,
        .min_role = Role::staff,
        .run = gig_propose_command};
    const Command list{
        .name = "gig-list",
        .summary = "list gigs, newest first (your unit's clients' unless coordinator)",
        .flags = {{.name = "order", .type = FlagType::string, .help = "only this order's"},
                  {.name = "client", .type = FlagType::string, .help = "only this client's"},
                  {.name = "status", .type = FlagType::string,
                   .help = "only gigs in this status: proposed, confirmed, accepted, done, approved, cancelled, declined"},
                  {.name = "limit", .type = FlagType::integer, .help = "at most this many (default 100)"}},
        .access = Access::write,
        .min_role = Role::viewer,
        .run = gig_list_command};
    const Command show{.name = "gig-show",
                       .summary = "show a gig: its order, every step with who and when, hours and feedback",
                       .flags = {gig_argument()},
                       .access = Access::write,
                       .min_role = Role::viewer,
                       .run = gig_show_command};
    const Command cv{
        .name = "cv",
        .summary = "a client's work history from done and approved gigs, or a printable certificate",
        .help = "--certificate fi|en prints a complete HTML document (Finnish or English) to print from a browser.",
        .flags = {{.name = "client", .type = FlagType::string, .help = "the client, e.g. C-1001", .required = true,
                   .positional = true},
                  {.name = "certificate", .type = FlagType::string, .help = "an HTML certificate in fi or en"}},
        .access = Access::write,
        .min_role = Role::viewer,
        .run = cv_command};
    const Flag hours{.name = "hours",
                     .type = FlagType::list,
                     .help = "DATE=HOURS for each occurrence up to today, e.g. 2026-02-02=1.5 (default: the planned hours)"};
    const Flag text{.name = "text", .type = FlagType::string, .help = "the orderer's feedback", .required = true};
    const Flag corrected_hours{.name = "hours",
                               .type = FlagType::list,
                               .help = "DATE=HOURS for each recorded occurrence to correct, e.g. 2026-02-02=1.5",
                               .required = true};
    const Command worked{
        .name = "gig-worked",
        .summary = "the approved gigs' hours in a period, with their orders and clients (what payroll pays)",
        .help = "Every occurrence of an approved gig dated --from to --to, and every occurrence dated before --from whose\n"
                "hours were corrected (`gig hours`); payroll reads gigs only through this command.",
        .flags = {{.name = "from", .type = FlagType::date, .help = "the first day of the period", .required = true},
                  {.name = "to", .type = FlagType::date, .help = "the last day of the period", .required = true}},
        .access = Access::write,
        .min_role = Role::coordinator,
        .run = gig_worked_command};
    return {propose,
            gig_step("confirm", "confirm a proposed gig (unit staff)", {}, Role::staff, gig_confirm_command),
            gig_step("accept", "record that the client accepted a confirmed gig", {}, Role::staff, gig_accept_command),
            gig_step("done", "mark an accepted gig done with the hours of each occurrence", {hours}, Role::staff,
                     gig_done_command),
            gig_step("approve", "approve a done gig (coordinator)", {}, Role::coordinator, gig_approve_command),
            gig_step("cancel", "cancel a proposed, confirmed or accepted gig", {reason_flag("why it is cancelled")},
                     Role::staff, gig_cancel_command),
            gig_step("decline", "record that the client said no to a proposed or confirmed gig",
                     {reason_flag("why the client declined")}, Role::staff, gig_decline_command),
            gig_step("feedback", "record the orderer's feedback on a done or approved gig", {text}, Role::staff,
                     gig_feedback_command),
            gig_step("hours", "correct the recorded hours of a done or approved gig, with a reason (coordinator)",
                     {corrected_hours, reason_flag("why the hours are corrected")}, Role::coordinator, gig_hours_command),
            worked,
            list,
            show,
            cv};
}

}  // namespace jobcenter::matching
