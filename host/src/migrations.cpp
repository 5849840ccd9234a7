// Owns schema migrations: finding schema/<component>/NNN_name.sql files, checking their numbering and
// checksums against the schema_migration table, and applying each new one in its own transaction.
#include "migrations.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <system_error>

#include "jobcenter/errors.hpp"
#include "jobcenter/fnv1a.hpp"
#include "native_database.hpp"

namespace jobcenter {
namespace {

struct MigrationFile {
    int version = 0;
    std::string name;  // "001_orderers.sql"
    std::filesystem::path path;
    std::string sql;
    std::string checksum;
};

struct RecordedMigration {
    std::string name;
    std::string checksum;
    std::string applied_at;
};

std::string version_text(int version) {
    std::string text = std::to_string(version);
    return std::string(text.size() < 3 ? 3 - text.size() : 0, '0') + text;
}

// FNV-1a, 64 bits, as 16 hex digits: a stable fingerprint of a file's bytes.
std::string checksum_of(std::string_view bytes) {
    std::uint64_t hash = fnv1a(bytes);
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i) {
        text[static_cast<std::size_t>(i)] = digits[hash & 0xf];
        hash >>= 4;
    }
    return text;
}

std::string utc_now_iso() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string read_whole_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw InternalError("could not read the migration file", path.string());
    return bytes.str();
}

// The .sql files of `folder`, checked for names and numbering, in version order.
std::vector<MigrationFile> list_migration_files(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw NotFoundError("the migrations folder does not exist", folder.string());

    static const std::regex valid_name("^[0-9]{3}_[a-z0-9_]+\\.sql$");
    std::vector<MigrationFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (!entry.is_regular_file()) continue;
        std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".sql") continue;  // README and the like
        if (!std::regex_match(name, valid_name))
            throw InputError("a migration file must be named like 001_name.sql (digits, lower-case letters, '_')",
                             entry.path().string());
        files.push_back({std::stoi(name.substr(0, 3)), name, entry.path(), {}, {}});
    }
    std::sort(files.begin(), files.end(), [](const MigrationFile& a, const MigrationFile& b) {
        return a.version != b.version ? a.version < b.version : a.name < b.name;
    });

    for (std::size_t i = 0; i < files.size(); ++i) {
        int expected = static_cast<int>(i) + 1;
        if (i > 0 && files[i].version == files[i - 1].version)
            throw InputError("two migrations share the number " + version_text(files[i].version) + ": " +
                                 files[i - 1].name + " and " + files[i].name,
                             folder.string());
        if (files[i].version != expected)
            throw InputError(
                i == 0 ? "migration numbering must start at 001, but the first file is " + files[i].name
                       : "a gap in migration numbering: " + files[i - 1].name + " is followed by " + files[i].name,
                folder.string());
    }
    for (auto& file : files) {
        file.sql = read_whole_file(file.path);
        file.checksum = checksum_of(file.sql);
    }
    return files;
}

void ensure_migration_table(Database& db) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS schema_migration ("
        " component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
        " checksum TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (component, version))");
}

std::map<int, RecordedMigration> recorded_migrations(Database& db, const std::string& component) {
    auto select = db.prepare(
        "SELECT version, name, checksum, applied_at FROM schema_migration WHERE component = ? ORDER BY version");
    select.bind(1, component);
    std::map<int, RecordedMigration> recorded;
    while (select.step())
        recorded[static_cast<int>(select.get_int(0))] = {select.get_text(1), select.get_text(2), select.get_text(3)};
    return recorded;
}

// Every recorded migration of `component` whose file is missing, renamed or changed since, in version order.
std::vector<DriftedMigration> drift_between(const std::vector<MigrationFile>& files,
                                            const std::map<int, RecordedMigration>& recorded,
                                            const std::string& component) {
    std::vector<DriftedMigration> drifted;
    for (const auto& [version, row] : recorded) {
        auto file =
            std::find_if(files.begin(), files.end(), [&](const MigrationFile& f) { return f.version == version; });
        DriftedMigration drift{MigrationDrift::unknown, component, version, row.name, {}, {}, row.applied_at};
        if (file != files.end()) {
            drift.file_name = file->name;
            drift.file = file->path;
            if (file->name != row.name) drift.drift = MigrationDrift::renamed;
            else if (file->checksum != row.checksum) drift.drift = MigrationDrift::changed;
            else continue;
        }
        drifted.push_back(std::move(drift));
    }
    return drifted;
}

// Refuses a folder that no longer matches what the database recorded for it.
void check_against_recorded(const std::vector<MigrationFile>& files, const std::map<int, RecordedMigration>& recorded,
                            const std::filesystem::path& folder) {
    for (const auto& d : drift_between(files, recorded, {})) {
        switch (d.drift) {
            case MigrationDrift::unknown:
                throw InputError("migration " + d.recorded_name + " was applied on " + d.applied_at +
                                     " but its file is missing; restore it",
                                 folder.string());
            case MigrationDrift::renamed:
                throw InputError("migration " + version_text(d.version) + " was applied as " + d.recorded_name +
                                     " on " + d.applied_at + " but the file is now named " + d.file_name +
                                     "; restore the name and add a new migration instead",
                                 d.file.string());
            case MigrationDrift::changed:
                throw InputError("migration " + d.file_name + " was changed after it was applied on " + d.applied_at +
                                     "; add a new migration instead",
                                 d.file.string());
        }
    }
}

bool has_migration_table(Database& db) {
    auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'");
    return exists.step();
}

// --- running one file statement by statement --------------------------------------------------------

// Skips whitespace and SQL comments ("-- ..." to the end of the line, "/* ... */").
const char* skip_blank(const char* p, const char* end) {
    while (p < end) {
        if (std::isspace(static_cast<unsigned char>(*p))) {
            ++p;
        } else if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
            while (p < end && *p != '\n') ++p;
        } else if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
            p += 2;
            while (end - p >= 2 && !(p[0] == '*' && p[1] == '/')) ++p;
            p = end - p >= 2 ? p + 2 : end;
        } else {
            break;
        }
    }
    return p;
}

int line_of(const std::string& sql, const char* p) { return 1 + static_cast<int>(std::count(sql.data(), p, '\n')); }

std::string first_line(const char* p, const char* end) {
    const char* stop = std::find(p, end, '\n');
    std::string line(p, stop);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    if (line.size() > 120) line = line.substr(0, 120) + "...";
    return line;
}

std::string first_word_upper(const char* p, const char* end) {
    std::string word;
    while (p < end && std::isalpha(static_cast<unsigned char>(*p)))
        word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(*p++))));
    return word;
}

struct StatementCloser {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

// Executes every statement of `file` on `db` inside the caller's transaction. Uses the prepare tail so that
// a trigger body with inner ';' stays one statement and a trailing comment is no statement at all.
void execute_file(Database& db, const MigrationFile& file) {
    const std::string& sql = file.sql;
    const char* next = sql.data();
    const char* end = sql.data() + sql.size();
    int number = 0;
    while (true) {
        const char* start = skip_blank(next, end);
        if (start >= end) return;
        ++number;
        auto where = [&] {
            return file.path.string() + ", statement " + std::to_string(number) + " (line " +
                   std::to_string(line_of(sql, start)) + "): " + first_line(start, end);
        };
        std::string keyword = first_word_upper(start, end);
        if (keyword == "BEGIN" || keyword == "COMMIT" || keyword == "END" || keyword == "ROLLBACK" ||
            keyword == "SAVEPOINT" || keyword == "RELEASE")
            throw InputError("a migration must not manage transactions; each file already runs in one", where());

        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        int rc = sqlite3_prepare_v2(native_handle(db), start, static_cast<int>(end - start), &raw, &tail);
        std::unique_ptr<sqlite3_stmt, StatementCloser> stmt(raw);
        if (rc != SQLITE_OK)
            throw InternalError("migration failed: " + std::string(sqlite3_errmsg(native_handle(db))), where());
        if (stmt == nullptr) {  // an empty statement such as a stray ';'
            if (tail == nullptr || tail <= start) return;
            --number;
            next = tail;
            continue;
        }
        do {
            rc = sqlite3_step(stmt.get());
        } while (rc == SQLITE_ROW);
        if (rc != SQLITE_DONE)
            throw InternalError("migration failed: " + std::string(sqlite3_errmsg(native_handle(db))), where());
        next = tail;
    }
}

// Applies one file and records it, all in one transaction. Returns false when another connection
// applied it first (it then holds the same checksum, checked before).
bool apply_one(Database& db, const MigrationFile& file, const std::string& component) {
    Transaction transaction(db, TransactionMode::immediate);
    auto already = db.prepare("SELECT 1 FROM schema_migration WHERE component = ? AND version = ?");
    already.bind_all(component, static_cast<std::int64_t>(file.version));
    if (already.step()) return false;  // the transaction rolls back: nothing was written
    already.reset();

    execute_file(db, file);
    auto record =
        db.prepare("INSERT INTO schema_migration(component, version, name, checksum, applied_at) VALUES(?,?,?,?,?)");
    record.bind_all(component, static_cast<std::int64_t>(file.version), file.name, file.checksum, utc_now_iso());
    record.run();
    transaction.commit();
    return true;
}

}  // namespace

std::vector<AppliedMigration> apply_migrations(Database& db, const std::filesystem::path& folder,
                                               const std::string& component) {
    std::vector<MigrationFile> files = list_migration_files(folder);
    ensure_migration_table(db);
    auto recorded = recorded_migrations(db, component);
    check_against_recorded(files, recorded, folder);

    std::vector<AppliedMigration> applied;
    for (const auto& file : files) {
        if (recorded.count(file.version) != 0) continue;
        if (apply_one(db, file, component)) applied.push_back({component, file.version, file.name});
    }
    return applied;
}

std::vector<AppliedMigration> applied_migrations(Database& db) {
    if (!has_migration_table(db)) return {};
    auto select = db.prepare("SELECT component, version, name FROM schema_migration ORDER BY component, version");
    std::vector<AppliedMigration> result;
    while (select.step())
        result.push_back({select.get_text(0), static_cast<int>(select.get_int(1)), select.get_text(2)});
    return result;
}

MigrationAudit audit_migrations(Database& db, const std::filesystem::path& folder, const std::string& component) {
    std::vector<MigrationFile> files = list_migration_files(folder);
    std::map<int, RecordedMigration> recorded;
    if (has_migration_table(db)) recorded = recorded_migrations(db, component);

    MigrationAudit audit;
    audit.drifted = drift_between(files, recorded, component);
    for (const auto& [version, row] : recorded)
        if (std::none_of(audit.drifted.begin(), audit.drifted.end(),
                         [v = version](const DriftedMigration& d) { return d.version == v; }))
            audit.applied.push_back({component, version, row.name});
    for (const auto& file : files)
        if (recorded.count(file.version) == 0) audit.pending.push_back({component, file.version, file.name});
    return audit;
}

}  // namespace jobcenter
