// Typed errors of the SDK and the process exit code each kind maps to.
// A plugin throws one of these; the host turns it into a one-line message and an exit code / status.
#pragma once

#include "jobcenter/export.hpp"

#include <stdexcept>
#include <string>

namespace jobcenter {

// Process exit codes. Documented in docs/admin.md; stable, because scripts and CRMs branch on them.
enum class ExitCode : int {
    ok = 0,
    internal = 1,    // a fault in Jobcenter itself (a bug, a broken database): not the caller's doing
    usage = 2,       // the command line or request was malformed: unknown command, missing flag
    bad_input = 3,   // the data given was wrong: unreadable CSV, invalid business ID, bad money amount
    not_found = 4,   // the thing named does not exist: unknown orderer, unit or file
    refused = 5,     // understood, but not allowed: role too low, conflicting state, domain rule, database busy
    script = 6,      // a unit's Lua script failed or returned something unusable
};

// Base of every error the host reports to a user. `where` says where it happened
// (a file and line, a field, a command); the message says what was wrong.
class JOBCENTER_API Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message, std::string where = {})
        : std::runtime_error(message), code_(code), where_(std::move(where)) {}
    ExitCode code() const noexcept { return code_; }
    const std::string& where() const noexcept { return where_; }
    // "where: message", or just the message when there is no place to name.
    std::string describe() const { return where_.empty() ? what() : where_ + ": " + what(); }

private:
    ExitCode code_;
    std::string where_;
};

struct JOBCENTER_API UsageError : Error {
    explicit UsageError(const std::string& m, std::string where = {}) : Error(ExitCode::usage, m, std::move(where)) {}
};
struct JOBCENTER_API InputError : Error {
    explicit InputError(const std::string& m, std::string where = {}) : Error(ExitCode::bad_input, m, std::move(where)) {}
};
struct JOBCENTER_API NotFoundError : Error {
    explicit NotFoundError(const std::string& m, std::string where = {}) : Error(ExitCode::not_found, m, std::move(where)) {}
};
struct JOBCENTER_API RefusedError : Error {
    explicit RefusedError(const std::string& m, std::string where = {}) : Error(ExitCode::refused, m, std::move(where)) {}
};
// The caller's role or unit may not do this: the command needs a higher role, or the data is another unit's.
// Exit code 5 like any refusal; HTTP 403 where RefusedError is 409.
struct JOBCENTER_API AccessDeniedError : RefusedError {
    explicit AccessDeniedError(const std::string& m, std::string where = {}) : RefusedError(m, std::move(where)) {}
};
// The database stayed busy past the connection's wait: another process holds the write lock. The message names
// the database file and, when it can, who holds it; nothing was changed, so the caller may simply try again.
struct JOBCENTER_API DatabaseBusyError : RefusedError {
    explicit DatabaseBusyError(const std::string& m, std::string where = {}) : RefusedError(m, std::move(where)) {}
};
// A unit's script failed: `where` names unit, file and line ("unit pakila, scripts/units/pakila/pricing.lua:12").
struct JOBCENTER_API ScriptError : Error {
    explicit ScriptError(const std::string& m, std::string where = {}) : Error(ExitCode::script, m, std::move(where)) {}
};
struct JOBCENTER_API InternalError : Error {
    explicit InternalError(const std::string& m, std::string where = {}) : Error(ExitCode::internal, m, std::move(where)) {}
};

}  // namespace jobcenter
