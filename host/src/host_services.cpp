// Clock, logger and folder resolution of the host.
#include "host_services.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace jobcenter {

std::chrono::system_clock::time_point parse_utc_instant(const std::string& text, const std::string& source) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char z = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &y, &mo, &d, &h, &mi, &s, &z, &consumed) != 7 ||
        z != 'Z' || static_cast<std::size_t>(consumed) != text.size())
        throw UsageError("'" + text + "' is not a UTC time such as 2026-01-15T10:00:00Z", source);
    using namespace std::chrono;
    year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || s > 59) throw UsageError("'" + text + "' is not a real time", source);
    return sys_days{ymd} + hours{h} + minutes{mi} + seconds{s};
}

SystemClock::SystemClock() {
    if (const char* fixed = std::getenv("JOBCENTER_NOW"); fixed && *fixed)
        fixed_ = parse_utc_instant(fixed, "$JOBCENTER_NOW");
}

std::chrono::system_clock::time_point SystemClock::now() const {
    return fixed_ ? *fixed_ : std::chrono::system_clock::now();
}

std::string command_line_actor() {
    const uid_t uid = ::geteuid();
    const passwd* entry = ::getpwuid(uid);
    return "cli:" + (entry && entry->pw_name ? std::string(entry->pw_name) : "uid " + std::to_string(uid));
}

void StderrLogger::write(Level level, std::string_view message) {
    if (level < threshold_) return;
    static const char* const names[] = {"debug", "info", "warning", "error"};
    std::cerr << "jobcenter: " << names[static_cast<int>(level)] << ": " << message << '\n';
}

std::filesystem::path executable_folder() {
    std::error_code ec;
    auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : self.parent_path();
}

namespace {
std::filesystem::path pick(const std::optional<std::filesystem::path>& given, const char* env,
                           std::initializer_list<std::filesystem::path> candidates) {
    if (given) return *given;
    if (const char* value = std::getenv(env); value && *value) return value;
    std::error_code ec;
    for (const auto& candidate : candidates)
        if (std::filesystem::is_directory(candidate, ec)) return candidate;
    return *candidates.begin();
}
}  // namespace

HostPaths resolve_paths(const PathOptions& given) {
    auto bin = executable_folder();
    HostPaths paths;
    if (given.database) {
        paths.database = *given.database;
    } else if (const char* env = std::getenv("JOBCENTER_DB"); env && *env) {
        paths.database = env;
    } else {
        paths.database = "jobcenter.db";
    }
    paths.plugins = pick(given.plugins, "JOBCENTER_PLUGINS", {bin / "plugins", bin / "../lib/jobcenter/plugins"});
    paths.schema = pick(given.schema, "JOBCENTER_SCHEMA", {bin / "schema", bin / "../share/jobcenter/schema"});
    paths.scripts = pick(given.scripts, "JOBCENTER_SCRIPTS", {bin / "scripts", bin / "../share/jobcenter/scripts"});
    return paths;
}

}  // namespace jobcenter
