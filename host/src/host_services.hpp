// The host's own implementations of the Context services (clock, logger), and how the host finds its
// folders (plugins, schema, scripts) and the database path.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter {

// The wall clock, or the fixed instant in $JOBCENTER_NOW ("2026-01-15T10:00:00Z") when it is set, so
// that demos and tests are reproducible.
class SystemClock final : public Clock {
public:
    SystemClock();
    std::chrono::system_clock::time_point now() const override;

private:
    std::optional<std::chrono::system_clock::time_point> fixed_;
};

// Parses "YYYY-MM-DDTHH:MM:SSZ"; throws UsageError naming `source` otherwise.
std::chrono::system_clock::time_point parse_utc_instant(const std::string& text, const std::string& source);

// Writes "jobcenter: warning: ..." lines to stderr at or above a threshold.
class StderrLogger final : public Logger {
public:
    explicit StderrLogger(Level threshold) : threshold_(threshold) {}
    void write(Level level, std::string_view message) override;

private:
    Level threshold_;
};

// Where the host finds things. Each is: the command-line option, else an environment variable, else
// a folder beside the binary, else the installed layout (../lib/jobcenter, ../share/jobcenter).
struct HostPaths {
    std::filesystem::path database;  // --db, $JOBCENTER_DB, ./jobcenter.db
    std::filesystem::path plugins;   // --plugins, $JOBCENTER_PLUGINS, <bin>/plugins, <bin>/../lib/jobcenter/plugins
    std::filesystem::path schema;    // --schema, $JOBCENTER_SCHEMA, <bin>/schema, <bin>/../share/jobcenter/schema
    std::filesystem::path scripts;   // --scripts, $JOBCENTER_SCRIPTS, <bin>/scripts, <bin>/../share/jobcenter/scripts
};

struct PathOptions {
    std::optional<std::filesystem::path> database, plugins, schema, scripts;
};

HostPaths resolve_paths(const PathOptions& given);

// Who runs the command line, for the audit trail: "cli:" and the system user's name (or uid).
std::string command_line_actor();

// The folder holding the running executable.
std::filesystem::path executable_folder();

}  // namespace jobcenter
