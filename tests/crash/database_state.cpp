// Reading a database's content hash and consistency findings after a crash trial.
#include "crash/database_state.hpp"

#include "jobcenter/database.hpp"
#include "jobcenter/fnv1a.hpp"

namespace jobcenter::testing {
namespace {

std::vector<std::string> table_names(Database& db) {
    std::vector<std::string> names;
    auto q = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (q.step()) names.push_back(q.get_text(0));
    return names;
}

// The query for a table's content: every column but those drawn at random by design, which differ between two
// runs that reach the same state (the register generation's stamp tells histories apart, not states).
std::string content_query(const std::string& table) {
    if (table == "register_generation") return "SELECT id, generation FROM register_generation";
    return "SELECT * FROM " + quote_identifier(table);
}

// One row's hash over its table's name and every value with its kind, so NULL, '' and 0 differ.
std::uint64_t row_hash(const std::string& table, const Statement& row) {
    Fnv1a h;
    h.add(table);
    for (int c = 0; c < row.column_count(); ++c) {
        if (row.is_null(c))
            h.add(static_cast<unsigned char>(0x01));
        else
            h.add(static_cast<unsigned char>(0x02)).add(row.get_text_view(c));
    }
    return h.value();
}

// Rows of a query that should return none, each as "what: values".
void collect(Database& db, const std::string& what, const std::string& sql, std::vector<std::string>& findings) {
    auto q = db.prepare(sql);
    while (q.step()) {
        std::string line = what + ":";
        for (int c = 0; c < q.column_count(); ++c) {
            line += ' ';
            line.append(q.is_null(c) ? std::string_view("NULL") : q.get_text_view(c));
        }
        findings.push_back(line);
    }
}

}  // namespace

ContentHash content_hash(const std::filesystem::path& path) {
    auto db = Database::open(path, {.create = false});
    ContentHash hash;
    for (const auto& table : table_names(db)) {
        auto rows = db.prepare(content_query(table));
        // A sum of row hashes: the same rows in any order give the same total.
        while (rows.step()) {
            hash.value += row_hash(table, rows);
            ++hash.rows;
        }
    }
    return hash;
}

std::vector<std::string> consistency_findings(const std::filesystem::path& path) {
    auto db = Database::open(path, {.create = false});
    std::vector<std::string> findings;
    {
        auto q = db.prepare("PRAGMA integrity_check");
        while (q.step())
            if (q.get_text(0) != "ok") findings.push_back("integrity_check: " + q.get_text(0));
    }
    collect(db, "foreign_key_check", "PRAGMA foreign_key_check", findings);
    collect(db, "source record in a merged-away orderer",
            "SELECT r.id, r.orderer_id FROM source_record r JOIN orderer o ON o.id = r.orderer_id "
            "WHERE o.merged_into IS NOT NULL",
            findings);
    collect(db, "merged-away orderer that reaches no live orderer",
            "WITH RECURSIVE chain(start, at, depth) AS ("
            " SELECT id, merged_into, 1 FROM orderer WHERE merged_into IS NOT NULL"
            " UNION ALL SELECT c.start, o.merged_into, c.depth + 1 FROM chain c JOIN orderer o ON o.id = c.at"
            " WHERE o.merged_into IS NOT NULL AND c.depth < 1000) "
            "SELECT start FROM chain GROUP BY start HAVING max(depth) >= 1000",
            findings);
    collect(db, "unmerge whose merge does not name it",
            "SELECT u.id, u.undoes FROM register_event u LEFT JOIN register_event m ON m.id = u.undoes "
            "WHERE u.kind = 'unmerge' AND (m.id IS NULL OR m.undone_by IS NOT u.id)",
            findings);
    collect(db, "merge undone by an event that is not its unmerge",
            "SELECT m.id, m.undone_by FROM register_event m LEFT JOIN register_event u ON u.id = m.undone_by "
            "WHERE m.undone_by IS NOT NULL AND (u.kind IS NOT 'unmerge' OR u.undoes IS NOT m.id)",
            findings);
    collect(db, "standing merge whose merged-away orderer is live",
            "SELECT e.id, e.other_id FROM register_event e JOIN orderer o ON o.id = e.other_id "
            "WHERE e.kind IN ('merge', 'dedupe') AND e.undone_by IS NULL AND o.merged_into IS NULL",
            findings);
    return findings;
}

void checkpoint(const std::filesystem::path& path) {
    auto db = Database::open(path, {.create = false});
    auto q = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    while (q.step()) {
    }
}

}  // namespace jobcenter::testing
