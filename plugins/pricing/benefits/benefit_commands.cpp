// The benefit watch command: asks `matching.earnings` (scoped and audited there) and tells its answer.
#include "pricing/benefits/benefit_commands.hpp"

#include "jobcenter/params.hpp"
#include "pricing/benefits/benefit_watch.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

json::value benefits_command(Context& ctx, const json::object& request) {
    json::object ask{{"client", params::required_string(request, "client")}};
    if (auto on = params::optional_date(request, "on")) ask["on"] = *on;
    return benefit_watch(ctx.call("matching.earnings", ask).as_object());
}

}  // namespace

std::vector<Command> benefit_commands() {
    const Command benefits{
        .name = "benefits",
        .summary = "a client's earnings per month and year against each limit of their benefits, and what needs acting on",
        .help = "Paid (loaded and payroll runs recorded) and planned earnings of the year of --on, every limit in force with\n"
                "its headroom, the month and gig at which planned work crosses a limit, each live gig's verdict (a\n"
                "commission gig of a client on an unemployment benefit is refused), and yearly commission income at the\n"
                "unit's YEL warning share (docs/matching-earnings.md).",
        .flags = {{.name = "client", .type = FlagType::string, .help = "the client, e.g. V-1001", .required = true,
                   .positional = true},
                  {.name = "on", .type = FlagType::date, .help = "the day whose year is reported (default today)"}},
        .access = Access::write,  // matching.earnings writes its audit row
        .min_role = Role::viewer,
        .run = benefits_command};
    return {benefits};
}

}  // namespace jobcenter::pricing
