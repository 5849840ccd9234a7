// Owns `jobcenter restore FILE`: the checks a file must pass before it may replace the database, the
// safety copy, and the replacement through the online backup API under the database's write lock.
#include "restore.hpp"


#include <algorithm>
#include <system_error>

#include "database_checks.hpp"
#include "installation_migrations.hpp"
#include "native_database.hpp"
#include "online_backup.hpp"

namespace jobcenter {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void refuse(const fs::path& file, const std::string& why) {
    throw InputError("not restored: " + why, file.string());
}

// --- the checks on the file --------------------------------------------------------------------------

Database open_source(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) throw NotFoundError("no file to restore from", file.string());
    if (fs::is_directory(file, ec)) refuse(file, "it is a folder, not a database file");
    OpenOptions read_only;
    read_only.create = false;
    read_only.read_only = true;
    try {
        return Database::open(file, read_only);
    } catch (const Error& e) {
        if (e.code() == ExitCode::bad_input) refuse(file, "it is not a SQLite database");
        refuse(file, std::string("SQLite cannot read it: ") + e.what());
    }
}

// Refuses a file whose recorded migrations this installation cannot continue from.
void check_migrations(const fs::path& file, const InstallationMigrations& migrations) {
    if (!migrations.records_host())
        refuse(file, "it is not a Jobcenter database: it records no migration of the host (table schema_migration)");
    if (!migrations.unknown_components.empty())
        refuse(file, "it records migrations of '" + migrations.unknown_components.front() +
                         "', which this installation has neither as a plugin nor as a schema folder");
    for (const auto& component : migrations.components)
        if (!component.audit.drifted.empty()) refuse(file, describe_drift(component.audit.drifted.front()));
}

std::size_t pending_count(const InstallationMigrations& migrations) {
    std::size_t pending = 0;
    for (const auto& c : migrations.components) pending += c.audit.pending.size();
    return pending;
}

struct CheckedSource {
    Database db;
    std::size_t pending_migrations = 0;
};

CheckedSource checked_source(const fs::path& file, const CommandRouter& router) {
    Database source = open_source(file);
    CheckFindings damage = integrity_findings(source);
    if (!damage.clean()) refuse(file, "PRAGMA integrity_check found damage: " + damage.summary());
    CheckFindings dangling = foreign_key_findings(source);
    if (!dangling.clean()) refuse(file, "PRAGMA foreign_key_check found rows pointing nowhere: " + dangling.summary());
    InstallationMigrations migrations;
    try {
        migrations = audit_installation_migrations(source, router);
    } catch (const Error& e) {
        if (e.code() != ExitCode::internal) throw;  // this installation's schema folders are at fault
        refuse(file, std::string("its migration record cannot be read: ") + e.what());
    }
    check_migrations(file, migrations);
    return {std::move(source), pending_count(migrations)};
}

// --- the database being replaced ----------------------------------------------------------------------

// Opens the database, creating it with mode 0600 when it does not exist yet. Sets `had_content` when the
// file was there and not empty, so that there is something to keep a safety copy of.
Database open_live(const fs::path& database, const OpenOptions& options, bool& had_content) {
    std::error_code ec;
    const bool existed = fs::exists(database, ec);
    had_content = existed && fs::file_size(database, ec) > 0;
    return Database::open(database, options);  // a new file is created readable by its owner only
}

std::int64_t page_size(Database& db) {
    auto query = db.prepare("PRAGMA page_size");
    return query.step() ? query.get_int(0) : 0;
}

// "<db>.before-restore-20260115T100000Z", with "-2", "-3", ... when a restore in the same second made one.
fs::path safety_copy_path(const fs::path& database, const Clock& clock) {
    std::string stamp = clock.now_iso();
    stamp.erase(std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == '-' || c == ':'; }), stamp.end());
    const std::string base = database.string() + ".before-restore-" + stamp;
    fs::path candidate = base;
    std::error_code ec;
    for (int n = 2; fs::exists(fs::symlink_status(candidate, ec)); ++n) candidate = base + "-" + std::to_string(n);
    return candidate;
}

void record_restore(Database& live, const fs::path& file, const std::string& safety_copy, const Clock& clock) {
    Transaction transaction(live);
    live.prepare("INSERT INTO audit_log(at, unit, role, action, subject_kind, subject_id, detail) VALUES(?,?,?,?,?,?,?)")
        .bind_all(clock.now_iso(), "", "admin", "restore", "database", file.string(),
                  safety_copy.empty() ? std::string("no safety copy: the database was empty")
                                      : "safety copy: " + safety_copy)
        .run();
    transaction.commit();
}

}  // namespace

boost::json::object restore_database(const CommandRouter& router, const fs::path& file, const Clock& clock) {
    const fs::path& database = router.paths().database;
    std::error_code ec;
    if (fs::equivalent(file, database, ec))
        throw UsageError("the file to restore from is the database itself", file.string());

    CheckedSource source = checked_source(file, router);
    bool had_content = false;
    Database live = open_live(database, router.database_options(), had_content);
    if (page_size(source.db) != page_size(live))
        refuse(file, "its pages are " + std::to_string(page_size(source.db)) + " bytes and the database's " +
                         std::to_string(page_size(live)) + "; a database in WAL mode cannot change its page size");

    OnlineBackup replacement(native_handle(live), native_handle(source.db), database);
    replacement.lock_destination();
    std::string safety_copy;
    if (had_content) {
        OpenOptions existing = router.database_options();
        existing.create = false;
        Database reader = Database::open(database, existing);
        safety_copy = copy_to_new_file(reader, safety_copy_path(database, clock)).file.string();
    }
    replacement.copy_all();
    record_restore(live, file, safety_copy, clock);

    return boost::json::object{
        {"restored", file.string()},
        {"database", database.string()},
        {"safety_copy", safety_copy.empty() ? boost::json::value(nullptr) : boost::json::value(safety_copy)},
        {"migrations", migrations_by_component(applied_migrations(source.db))},
        {"pending_migrations", source.pending_migrations}};
}

}  // namespace jobcenter
