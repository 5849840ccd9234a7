// Owns `jobcenter script check FILE`: loads one script in a sandbox as the module named by its file
// stem and checks every entry point the plugins declare for that module (present, of the right kind,
// callable with the sample arguments, accepted by the validator), collecting every problem.
#include "script_check.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

namespace jobcenter {
namespace {

namespace json = boost::json;

const char* kind_text(ScriptEntry::Kind kind) {
    switch (kind) {
        case ScriptEntry::Kind::function: return "a function";
        case ScriptEntry::Kind::table: return "a table";
        case ScriptEntry::Kind::number: return "a number";
        case ScriptEntry::Kind::string: return "a string";
        case ScriptEntry::Kind::boolean: return "true or false";
    }
    return "a value";
}

const char* json_kind_text(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "nothing (nil)";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array:
        case json::kind::object: return "a table";
    }
    return "something else";
}

bool has_kind(const json::value& v, ScriptEntry::Kind kind) {
    switch (kind) {
        case ScriptEntry::Kind::table: return v.is_object() || v.is_array();
        case ScriptEntry::Kind::number: return v.is_number();
        case ScriptEntry::Kind::string: return v.is_string();
        case ScriptEntry::Kind::boolean: return v.is_bool();
        case ScriptEntry::Kind::function: return false;
    }
    return false;
}

// "file:line", or the file alone when the line is unknown.
std::string location(const ScriptSite& site, const std::string& fallback) {
    std::string file = site.file.empty() ? fallback : site.file;
    return site.line > 0 ? file + ":" + std::to_string(site.line) : file;
}

class Checker {
public:
    Checker(LuaSandbox& sandbox, ScriptCheckReport& report) : sandbox_(sandbox), report_(report) {}

    void check(const ScriptEntry& entry) {
        // The site of the value under check; errors from the sandbox carry their own.
        std::optional<ScriptSite> value_site;
        try {
            if (!sandbox_.has(entry.module, entry.name)) {
                if (entry.required) missing(entry);
                return;
            }
            ScriptValue value = entry.kind == ScriptEntry::Kind::function
                                    ? sandbox_.call(entry.module, entry.name, entry.sample_args)
                                    : sandbox_.get(entry.module, entry.name);
            value_site = value.site;
            if (entry.kind != ScriptEntry::Kind::function && !has_kind(value.value, entry.kind))
                throw ScriptError("'" + entry.name + "' must be " + kind_text(entry.kind) + ", but it is " +
                                  json_kind_text(value.value));
            if (entry.validate) entry.validate(value);
            passed_.insert(entry.name);
        } catch (const ScriptError& e) {
            const ScriptSite& site = value_site ? *value_site : sandbox_.last_error_site();
            add(location(site, report_.file), entry.name, with_args(entry, e.what()));
        } catch (const Error& e) {
            add(report_.file, entry.name, e.describe());
        }
    }

    // Entries that had a problem in any of their checks are not listed as checked.
    void finish() {
        std::set<std::string> failed;
        for (const auto& p : report_.problems) failed.insert(p.entry);
        for (const auto& name : order_)
            if (passed_.count(name) && !failed.count(name) &&
                std::find(report_.checked.begin(), report_.checked.end(), name) == report_.checked.end())
                report_.checked.push_back(name);
    }

    void remember(const ScriptEntry& entry) {
        if (std::find(order_.begin(), order_.end(), entry.name) == order_.end()) order_.push_back(entry.name);
    }

private:
    void missing(const ScriptEntry& entry) {
        std::string message = "missing: the plugins need " + std::string(kind_text(entry.kind)) + " '" + entry.name +
                              "' in the module's table";
        if (!entry.summary.empty()) message += " (" + entry.summary + ")";
        add(report_.file, entry.name, message);
    }

    static std::string with_args(const ScriptEntry& entry, const std::string& message) {
        if (entry.kind != ScriptEntry::Kind::function) return message;
        return message + " [called with " + json::serialize(entry.sample_args) + "]";
    }

    void add(std::string where, const std::string& entry, std::string message) {
        report_.problems.push_back(ScriptProblem{std::move(where), entry, std::move(message)});
    }

    LuaSandbox& sandbox_;
    ScriptCheckReport& report_;
    std::set<std::string> passed_;
    std::vector<std::string> order_;
};

// Known module names, for the message when the file's name matches none.
std::string module_names(const std::vector<ScriptEntry>& entries) {
    std::set<std::string> names;
    for (const auto& e : entries) names.insert(e.module + ".lua");
    std::string text;
    for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
    return text;
}

}  // namespace

ScriptCheckReport check_script(const std::filesystem::path& file, const std::string& unit,
                               const std::filesystem::path& scripts_root, const std::vector<ScriptEntry>& entries,
                               SandboxLimits limits) {
    ScriptCheckReport report;
    report.file = file.string();
    report.module = file.stem().string();

    std::unique_ptr<LuaSandbox> sandbox;
    try {
        sandbox = std::make_unique<LuaSandbox>(unit, scripts_root, limits);
        sandbox->load_file_as(report.module, file);
    } catch (const ScriptError& e) {
        std::string where = sandbox ? location(sandbox->last_error_site(), report.file) : report.file;
        report.problems.push_back(ScriptProblem{where, "", e.what()});
        return report;
    } catch (const Error& e) {
        report.problems.push_back(ScriptProblem{report.file, "", e.describe()});
        return report;
    }

    Checker checker(*sandbox, report);
    bool any = false;
    for (const auto& entry : entries) {
        if (entry.module != report.module) continue;
        any = true;
        checker.remember(entry);
        checker.check(entry);
    }
    checker.finish();
    if (!any && !entries.empty())
        report.problems.push_back(ScriptProblem{report.file, "",
                                                "no plugin reads a module named '" + report.module +
                                                    "': the file name must be one of " + module_names(entries)});
    return report;
}

}  // namespace jobcenter
