// Built-in commands of the host: units (the work-activity units that call Jobcenter), script checks,
// the database's migration status, and the audit trail of who read or changed what.
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

constexpr std::int64_t default_audit_rows = 100;
constexpr std::int64_t most_audit_rows = 100000;

// The filters of `audit list`, each optional; the unit is the caller's --unit, as the global option takes it.
struct AuditFilter {
    std::optional<std::string> subject_kind;
    std::optional<std::string> subject;
    std::optional<std::string> action;
    std::optional<std::string> actor;
    std::optional<std::string> since;  // a date: rows at or after its first moment, UTC
    std::string unit;                  // empty: every unit's
    std::int64_t limit = default_audit_rows;

    // "subject-kind=client unit=pakila limit=100": what was asked, for the audit row of the read itself.
    std::string describe() const {
        std::string text;
        auto add = [&](const char* name, const std::optional<std::string>& value) {
            if (value) text += std::string(text.empty() ? "" : " ") + name + "=" + *value;
        };
        add("subject-kind", subject_kind);
        add("subject", subject);
        add("action", action);
        add("actor", actor);
        add("since", since);
        if (!unit.empty()) add("unit", unit);
        add("limit", std::to_string(limit));
        return text;
    }
};

AuditFilter audit_filter(const Context& ctx, const json::object& request) {
    AuditFilter filter{.subject_kind = params::optional_string(request, "subject_kind"),
                       .subject = params::optional_string(request, "subject"),
                       .action = params::optional_string(request, "action"),
                       .actor = params::optional_string(request, "actor"),
                       .since = params::optional_date(request, "since"),
                       .unit = ctx.unit(),
                       .limit = params::optional_integer(request, "limit").value_or(default_audit_rows)};
    if (filter.limit < 1 || filter.limit > most_audit_rows)
        throw InputError("the limit must be from 1 to " + std::to_string(most_audit_rows), "--limit");
    return filter;
}

json::value audit_list(Context& ctx, const json::object& request) {
    const AuditFilter filter = audit_filter(ctx, request);
    auto query = ctx.db().prepare(
        "SELECT id, at, unit, role, action, subject_kind, subject_id, detail, actor, outcome FROM audit_log "
        "WHERE (?1 IS NULL OR subject_kind = ?1) AND (?2 IS NULL OR subject_id = ?2) AND (?3 IS NULL OR action = ?3) "
        "AND (?4 IS NULL OR at >= ?4) AND (?5 = '' OR unit = ?5) AND (?7 IS NULL OR actor = ?7) ORDER BY id DESC LIMIT ?6");
    query.bind_all(filter.subject_kind, filter.subject, filter.action, filter.since, filter.unit, filter.limit,
                   filter.actor);
    json::array rows;
    while (query.step())
        rows.push_back(json::object{{"id", query.get_int(0)},       {"at", query.get_text(1)},
                                    {"actor", query.get_text(8)},    {"unit", query.get_text(2)},
                                    {"role", query.get_text(3)},     {"action", query.get_text(4)},
                                    {"subject_kind", query.get_text(5)}, {"subject", query.get_text(6)},
                                    {"detail", query.get_text(7)},   {"outcome", query.get_text(9)}});
    ctx.audit("audit.list", "audit_log", "", filter.describe());
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

    Command audit{"list", "list who read or changed what, newest first",
                  "--unit NAME (the global option) lists only what callers of that unit did. Each row names the\n"
                  "actor (a token's name, or cli: and the system user), and the outcome. A request over HTTP or the\n"
                  "C API that changes data, reads client data or is refused is a row of action 'request' whose\n"
                  "subject is the command. Rows are never changed or deleted. Reading the list is itself audited.",
                  {}, Access::write, Role::admin};
    audit.flags = {{"subject-kind", FlagType::string, "only rows about this kind of thing: client, orderer, unit, ..."},
                   {"subject", FlagType::string, "only rows about this one, e.g. C-1001"},
                   {"action", FlagType::string, "only this action, e.g. matching.client-show, or request"},
                   {"actor", FlagType::string, "only what this token (or cli:USER) did"},
                   {"since", FlagType::date, "only rows from this day on (UTC)"},
                   {"limit", FlagType::integer, "at most this many rows (default 100)"}};
    audit.run = audit_list;
    router.add_builtin_group("audit", "the audit trail of who read or changed what", {audit});

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
