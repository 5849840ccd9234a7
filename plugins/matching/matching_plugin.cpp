// The matching plugin object: commands, the script entry points it calls, and the factory.
#include "jobcenter/sdk.hpp"
#include "matching/catalog/task_types.hpp"
#include "matching/commands/assign_command.hpp"
#include "matching/commands/demo_command.hpp"
#include "matching/commands/load_command.hpp"
#include "matching/commands/match_command.hpp"
#include "matching/commands/record_commands.hpp"
#include "matching/earnings/earnings_command_table.hpp"
#include "matching/gigs/gig_command_table.hpp"
#include "matching/rules/rule_settings.hpp"
#include "matching/scoring/candidate_score.hpp"

namespace jobcenter::matching {
namespace {

Command record_command(std::string name, std::string summary, Access access, Role role, Handler run,
                       std::vector<Flag> flags = {}, std::string help = {}) {
    Command c{.name = std::move(name), .summary = std::move(summary), .help = std::move(help), .flags = std::move(flags),
              .access = access, .min_role = role, .run = std::move(run)};
    return c;
}

const char* const record_input_help =
    "The record is the request object, in the form of one element of the load file's \"clients\" or \"orders\"\n"
    "(docs/matching.md): give it with --input FILE.json (or - for stdin), or as the body of POST /api/matching/<command>.";

std::vector<Command> record_commands() {
    const Flag id{.name = "id", .type = FlagType::string, .help = "the id", .required = true, .positional = true};
    const Flag limit{.name = "limit", .type = FlagType::integer, .help = "at most this many (default 1000)"};
    return {
        record_command("client-add", "add a worker-client (the request is the client object)", Access::write, Role::staff,
                       client_add_command, {}, record_input_help),
        record_command("client-update", "replace a worker-client's record (the request is the client object)", Access::write,
                       Role::staff, client_update_command, {}, record_input_help),
        record_command("client-show", "one worker-client of the caller's unit, in the interchange form", Access::write,
                       Role::staff, client_show_command, {id}),
        record_command("client-list", "the worker-clients of the caller's unit (every unit for a coordinator)", Access::write,
                       Role::staff, client_list_command, {limit}),
        record_command("order-add", "add a work order (the request is the order object)", Access::write, Role::staff,
                       order_add_command, {}, record_input_help),
        record_command("order-update", "replace a work order (the request is the order object)", Access::write, Role::staff,
                       order_update_command, {}, record_input_help),
        record_command("order-show", "one work order with its occurrences", Access::read, Role::viewer, order_show_command, {id}),
        record_command("order-cancel", "cancel an open order with a reason, and the gigs on it that can still be cancelled",
                       Access::write, Role::staff, order_cancel_command,
                       {id, {.name = "reason", .type = FlagType::string, .help = "why the order is cancelled", .required = true}}),
        record_command("order-list", "work orders, optionally by status and start date", Access::read, Role::viewer,
                       order_list_command,
                       {{.name = "status", .type = FlagType::string, .help = "open, cancelled or closed"},
                        {.name = "from", .type = FlagType::date, .help = "starting on or after this day"},
                        {.name = "to", .type = FlagType::date, .help = "starting on or before this day"}}),
    };
}

class MatchingPlugin final : public Plugin {
public:
    std::string name() const override { return "matching"; }
    std::string version() const override { return "0.2.0"; }
    std::string summary() const override { return "match work orders to eligible worker-clients"; }

    std::vector<std::string> depends_on() const override { return {"register"}; }

    std::vector<Command> commands() const override {
        const Command task_types{
            .name = "task-types",
            .summary = "list the task types orders and skills refer to",
            .flags = {{.name = "area",
                       .type = FlagType::string,
                       .help = "only this area: cleaning, packing, outdoor, logistics, crafts, kitchen, care, office, "
                               "events"}},
            .access = Access::read,
            .min_role = Role::viewer,
            .run = list_task_types};
        const Command task_type_add{
            .name = "task-type-add",
            .summary = "add a task type to the code list (administrators)",
            .flags = {{.name = "code", .type = FlagType::string, .help = "lowercase code, e.g. laundry-work", .required = true, .positional = true},
                      {.name = "name-fi", .type = FlagType::string, .help = "Finnish name, e.g. Pesulatyöt", .required = true},
                      {.name = "name-en", .type = FlagType::string, .help = "English name, e.g. laundry work", .required = true},
                      {.name = "area", .type = FlagType::string, .help = "cleaning, packing, outdoor, logistics, crafts, kitchen, care, office or events", .required = true}},
            .access = Access::write,
            .min_role = Role::admin,
            .run = add_task_type};
        const Command load{
            .name = "load",
            .summary = "add or update worker-clients and orders from an interchange file, all or nothing",
            .help = "The file's form is in docs/matching.md. An error names the JSON path of the first wrong value\n"
                    "(clients[12].skills[0].level: must be a whole number 1–5) and nothing is written.",
            .flags = {{.name = "file", .type = FlagType::string, .help = "the JSON file", .required = true, .positional = true}},
            .access = Access::write,
            .min_role = Role::staff,
            .run = load_command};
        const Command match{
            .name = "match",
            .summary = "rank the caller's clients for an order, with every score term, warning and reason left out",
            .flags = {{.name = "order", .type = FlagType::string, .help = "the order's id", .required = true, .positional = true}},
            .access = Access::write,  // the audit row is a write: a read transaction could not take the lock later
            .min_role = Role::staff,
            .run = match_command};
        const Command assign{
            .name = "assign",
            .summary = "fill the seats of every open order in a period at once: most seats, then the highest total score",
            .help = "Under every hard rule, the clients' weekly caps and time clashes, with the gigs already proposed or\n"
                    "confirmed counted. Each assignment becomes a proposed gig (none with --dry-run). The result says how\n"
                    "close the total score is to a proven upper bound (docs/matching-assignment.md).",
            .flags = {{.name = "from", .type = FlagType::date, .help = "orders starting on or after this day (default today)"},
                      {.name = "to", .type = FlagType::date, .help = "orders starting on or before this day (default from + 6)"},
                      {.name = "dry-run", .type = FlagType::boolean, .help = "report the assignment without proposing gigs"},
                      {.name = "time-limit", .type = FlagType::number,
                       .help = "a safety net on the solver's seconds (default 10); it stops on counts of work first"}},
            .access = Access::write,
            .min_role = Role::staff,
            .long_running = true,
            .run = assign_command};
        const Command demo{.name = "demo",
                           .summary = "load sample clients and orders, match one order with reasons, assign, walk a gig",
                           .access = Access::write,
                           .min_role = Role::coordinator,
                           .run = demo_command};
        std::vector<Command> all{task_types, task_type_add, load, match, assign, demo};
        for (auto& c : record_commands()) all.push_back(std::move(c));
        for (auto& c : gig_commands()) all.push_back(std::move(c));
        for (auto& c : earnings_commands()) all.push_back(std::move(c));
        return all;
    }

    std::vector<ScriptEntry> script_entries() const override {
        ScriptEntry score;
        score.module = "matching";
        score.name = "score";
        score.summary = "score(client, order, context) -> table of named terms, each a number within ±1000";
        score.sample_args = {
            boost::json::object{{"id", "C-1"}, {"organisation", "VATTI"}, {"skill_level", 3},
                                {"practised_in_work_activity", true}, {"same_as_work_activity_task", false},
                                {"interested", true}, {"distance_km", 3.5}, {"transport", boost::json::array{"walk"}},
                                {"hours_recent", 4.0}, {"gigs_done", 2}, {"gigs_with_orderer", 1}},
            boost::json::object{{"id", "T-1"}, {"task_type", "office-cleaning"}, {"min_level", 2}, {"hours", 2.0},
                                {"seats", 2}, {"repeating", true}, {"occurrences", 3}, {"contract", "commission"},
                                {"orderer", 1}},
            boost::json::object{{"unit_mean_hours", 6.0}, {"fairness_weeks", 8}, {"date", "2026-02-02"}}};
        score.validate = [](const ScriptValue& v) { checked_score(v.value, v.site); };
        ScriptEntry rules;
        rules.module = "matching";
        rules.name = "rules";
        rules.kind = ScriptEntry::Kind::table;
        rules.required = false;
        rules.summary = "rules[name] = \"exclude\" | \"warn\" | \"off\" (consent, approval, commission, extract stay exclude)";
        rules.validate = check_rule_table;
        std::vector<ScriptEntry> entries{score, rules};
        for (const auto& limit : rule_limit_entries()) {
            ScriptEntry e;
            e.module = "matching";
            e.name = limit.name;
            e.kind = ScriptEntry::Kind::number;
            e.required = false;
            e.summary = limit.summary;
            e.validate = limit.check;
            entries.push_back(std::move(e));
        }
        return entries;
    }
};

std::shared_ptr<Plugin> create_plugin() { return std::make_shared<MatchingPlugin>(); }

}  // namespace
}  // namespace jobcenter::matching

JOBCENTER_PLUGIN(jobcenter::matching::create_plugin)
