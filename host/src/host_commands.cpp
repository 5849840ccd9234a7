// Built-in commands of the host: units (the work-activity units that call Jobcenter), script checks,
// and the database's migration status.
#include "host_commands.hpp"

#include "jobcenter/params.hpp"
#include "migrations.hpp"
#include "script_check.hpp"

namespace jobcenter {
namespace json = boost::json;
namespace {

const char* const organisations[] = {"KUTY", "VATTI", "OTHER"};

std::string checked_organisation(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* o : organisations)
        if (text == o) return text;
    throw InputError("unknown organisation '" + text + "': use KUTY, VATTI or OTHER", "--organisation");
}

json::value unit_add(Context& ctx, const json::object& request) {
    auto name = params::required_string(request, "name");
    if (!is_safe_unit_name(name))
        throw InputError("'" + name + "' cannot name a unit: use letters, digits, '_', '-' or '.', not starting with '.', at most 64 bytes", "NAME");
    auto title = params::required_string(request, "title");
    auto organisation = checked_organisation(params::required_string(request, "organisation"));
    auto& exists = ctx.db().cached("SELECT title FROM unit WHERE name = ?");
    exists.bind(1, name);
    if (exists.step()) {
        auto existing = exists.get_text(0);
        exists.reset();
        throw RefusedError("unit '" + name + "' exists already (" + existing + ")");
    }
    exists.reset();
    ctx.db().prepare("INSERT INTO unit(name, title, organisation, created_at) VALUES(?,?,?,?)")
        .bind_all(name, title, organisation, ctx.clock().now_iso())
        .run();
    ctx.audit("unit.add", "unit", name, title);
    return json::object{{"name", name}, {"title", title}, {"organisation", organisation}, {"added", true}};
}

json::value unit_list(Context& ctx, const json::object&) {
    json::array rows;
    auto query = ctx.db().prepare("SELECT name, title, organisation, created_at FROM unit ORDER BY name");
    while (query.step())
        rows.push_back(json::object{{"name", query.get_text(0)}, {"title", query.get_text(1)},
                                    {"organisation", query.get_text(2)}, {"created_at", query.get_text(3)}});
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

json::value db_status(CommandRouter& router, Context& ctx) {
    json::array rows;
    for (const auto& m : applied_migrations(ctx.db()))
        rows.push_back(json::object{{"component", m.component}, {"version", m.version}, {"file", m.name}});
    return json::object{{"database", router.paths().database.string()}, {"migrations", rows.size()}, {"rows", std::move(rows)}};
}

json::value script_check_command(CommandRouter& router, Context& ctx, const json::object& request) {
    auto file = params::required_string(request, "file");
    auto report = check_script(file, ctx.unit(), router.paths().scripts, router.script_entries());
    json::array checked;
    for (const auto& entry : report.checked) checked.push_back(json::value(entry));
    if (!report.ok()) {
        std::string message = std::to_string(report.problems.size()) + " problem" +
                              (report.problems.size() == 1 ? "" : "s") + " in " + report.file + ":";
        for (const auto& p : report.problems)
            message += "\n  " + p.where + (p.entry.empty() ? "" : " (" + p.entry + ")") + ": " + p.message;
        throw ScriptError(message);
    }
    return json::object{{"file", report.file}, {"module", report.module},
                        {"unit", ctx.unit().empty() ? "(defaults)" : ctx.unit()}, {"ok", true},
                        {"checked", std::move(checked)}};
}

}  // namespace

void add_host_commands(CommandRouter& router) {
    Command add{"add", "add a work-activity unit that may call Jobcenter", "", {}, Access::write, Role::admin};
    add.flags = {{"name", FlagType::string, "short folder-safe name used with --unit, e.g. pakila", true, true},
                 {"title", FlagType::string, "full name, e.g. \"Pakilan työkeskus\"", true},
                 {"organisation", FlagType::string, "KUTY, VATTI or OTHER", true}};
    add.run = unit_add;
    Command list{"list", "list the units", "", {}, Access::read, Role::viewer};
    list.run = unit_list;
    router.add_builtin_group("unit", "the work-activity units that use Jobcenter", {add, list});

    Command check{"check", "load a Lua script in the sandbox and check the entry points the plugins expect",
                  "The module is the file's name: pricing.lua is checked against what the pricing plugin calls.\n"
                  "With --unit, `defaults()` inside the file resolves to that unit's defaults.",
                  {}, Access::read, Role::viewer};
    check.flags = {{"file", FlagType::string, "the .lua file to check", true, true}};
    check.uses_database = false;
    check.run = [&router](Context& ctx, const json::object& request) { return script_check_command(router, ctx, request); };
    router.add_builtin_group("script", "the units' Lua scripts", {check});

    Command status{"status", "show the database file and every migration applied to it", "", {}, Access::read, Role::viewer};
    status.run = [&router](Context& ctx, const json::object&) { return db_status(router, ctx); };
    router.add_builtin_group("db", "the database", {status});
}

json::object describe_plugins(const CommandRouter& router) {
    json::array plugins;
    for (const auto& loaded : router.plugin_set().plugins) {
        json::array commands;
        for (const auto& c : loaded.commands) commands.push_back(json::value(c.name));
        plugins.push_back(json::object{{"name", loaded.plugin->name()},
                                       {"version", loaded.plugin->version()},
                                       {"file", loaded.file.filename().string()},
                                       {"commands", std::move(commands)}});
    }
    json::array refused;
    for (const auto& r : router.plugin_set().refused)
        refused.push_back(json::object{{"file", r.file.filename().string()}, {"reason", r.reason}});
    json::object result{{"folder", router.paths().plugins.string()}, {"plugins", std::move(plugins)}};
    if (!refused.empty()) result["refused"] = std::move(refused);
    return result;
}

}  // namespace jobcenter
