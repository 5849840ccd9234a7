// The Context a command runs in: the database (inside the command's transaction), the calling unit and
// role, the unit's scripts, a clock, a logger, a progress sink, the audit trail, and calls to other
// plugins' commands through the host.
#pragma once

#include "jobcenter/export.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include <string_view>

#include "jobcenter/database.hpp"
#include "jobcenter/errors.hpp"
#include "jobcenter/scripts.hpp"

namespace jobcenter {

// Roles, lowest first. A command names the lowest role that may run it.
enum class Role { viewer = 0, staff = 1, coordinator = 2, admin = 3 };
JOBCENTER_API std::string_view role_name(Role role);
JOBCENTER_API Role parse_role(std::string_view text);  // throws UsageError on an unknown role

class JOBCENTER_API Clock {
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
    std::string now_iso() const;    // "2026-11-22T05:31:57Z" (UTC)
    std::string today_iso() const;  // "2026-11-22" (Europe/Helsinki calendar day)
};

class JOBCENTER_API Logger {
public:
    enum class Level { debug, info, warning, error };
    virtual ~Logger() = default;
    virtual void write(Level level, std::string_view message) = 0;
    void debug(std::string_view m) { write(Level::debug, m); }
    void info(std::string_view m) { write(Level::info, m); }
    void warn(std::string_view m) { write(Level::warning, m); }
    void error(std::string_view m) { write(Level::error, m); }
};

// Progress of a long command. The host draws it on a terminal and says nothing otherwise.
class JOBCENTER_API Progress {
public:
    virtual ~Progress() = default;
    virtual void start(std::string_view label, std::uint64_t total) = 0;  // total 0: unknown
    virtual void advance(std::uint64_t done_so_far) = 0;
    virtual void finish() = 0;
};

class Context;

// The host's command router, as a command sees it.
class JOBCENTER_API Router {
public:
    virtual ~Router() = default;
    // Runs "<plugin>.<command>" with `args` inside the caller's transaction (as a savepoint).
    virtual boost::json::value call(Context& caller, std::string_view qualified_name, const boost::json::object& args) = 0;
    // The sandboxed scripts of `unit` ("" = the defaults only), created on first use.
    virtual Scripts& scripts_of(const std::string& unit) = 0;
};

// How the foreign keys of the running command are checked: by SQLite row by row, or by the host once
// before the commit (a bulk_write command, see Access): then a row may name a row written after it.
enum class ForeignKeyCheck { per_row, at_commit };

struct Caller {
    std::string unit;  // empty when the caller acts for no unit (an administrator)
    Role role = Role::staff;
    std::string actor{};  // who, for the audit trail: a token's name, or "command line" with the system user
};

// Work a command leaves for after its outermost transaction commits (dropped when it rolls back): a plugin's
// in-memory state brought up to date with what the transaction wrote.
using CommitHooks = std::vector<std::function<void()>>;

class JOBCENTER_API Context {
public:
    Context(Database& db, Caller caller, Scripts& scripts, Clock& clock, Logger& log, Progress& progress, Router& router,
            ForeignKeyCheck foreign_key_check = ForeignKeyCheck::per_row, CommitHooks* commit_hooks = nullptr)
        : db_(db), caller_(std::move(caller)), scripts_(scripts), clock_(clock), log_(log), progress_(progress),
          router_(router), foreign_key_check_(foreign_key_check), commit_hooks_(commit_hooks) {}

    Database& db() { return db_; }
    const std::string& unit() const { return caller_.unit; }
    Role role() const { return caller_.role; }
    const Caller& caller() const { return caller_; }
    const std::string& actor() const { return caller_.actor; }
    Scripts& scripts() { return scripts_; }
    Clock& clock() { return clock_; }
    Logger& log() { return log_; }
    Progress& progress() { return progress_; }
    ForeignKeyCheck foreign_key_check() const { return foreign_key_check_; }

    // The calling unit, or a UsageError saying the command needs --unit.
    const std::string& require_unit() const {
        if (caller_.unit.empty()) throw UsageError("this command needs the calling unit: give --unit NAME");
        return caller_.unit;
    }
    void require_role(Role at_least) const;

    // Calls another plugin's command through the host, inside this command's transaction.
    boost::json::value call(std::string_view qualified_name, const boost::json::object& args) {
        return router_.call(*this, qualified_name, args);
    }

    // The scripts of another unit, for commands that work across units (a payroll run prices each unit's work
    // with that unit's coefficients). Only a coordinator or an administrator, or a caller asking for its own unit.
    Scripts& scripts_of(const std::string& unit);

    // Runs `hook` once the outermost transaction has committed; never when it rolls back. Without a transaction
    // of the host's (a command run on a scratch database) the hook is dropped. A hook must not throw.
    void after_commit(std::function<void()> hook) {
        if (commit_hooks_) commit_hooks_->push_back(std::move(hook));
    }
    CommitHooks* commit_hooks() const { return commit_hooks_; }

    // Records who read or changed what, in the host's audit table, inside this transaction.
    // Every read of worker-client data goes through here.
    void audit(std::string_view action, std::string_view subject_kind, std::string_view subject_id,
               std::string_view detail = {});

private:
    Database& db_;
    Caller caller_;
    Scripts& scripts_;
    Clock& clock_;
    Logger& log_;
    Progress& progress_;
    Router& router_;
    ForeignKeyCheck foreign_key_check_;
    CommitHooks* commit_hooks_;
};

}  // namespace jobcenter
