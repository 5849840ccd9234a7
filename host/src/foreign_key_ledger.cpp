// Foreign keys of a bulk command checked once before it commits (see foreign_key_ledger.hpp).
#include "foreign_key_ledger.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "jobcenter/errors.hpp"
#include "native_database.hpp"

namespace jobcenter {
namespace {

// Key values met, deduplicated as they come when they repeat (most do: a batch's import id, a unit name),
// sorted and made unique before they are looked up.
struct KeyValues {
    std::vector<std::int64_t> ints;
    std::vector<std::string> texts;

    void add(sqlite3_value* value, bool& unusual) {
        switch (sqlite3_value_type(value)) {
            case SQLITE_NULL: return;
            case SQLITE_INTEGER: {
                const std::int64_t v = sqlite3_value_int64(value);
                if (ints.empty() || ints.back() != v) ints.push_back(v);
                return;
            }
            case SQLITE_TEXT: {
                const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
                const auto size = static_cast<std::size_t>(sqlite3_value_bytes(value));
                if (texts.empty() || texts.back().size() != size || std::memcmp(texts.back().data(), text, size) != 0)
                    texts.emplace_back(text, size);
                return;
            }
            default: unusual = true;  // a real or a blob as a key: the table is checked whole instead
        }
    }
    void add(std::int64_t v) {
        if (ints.empty() || ints.back() != v) ints.push_back(v);
    }
    void settle() {
        // Keys often come in order already (the ids of rows appended one after another).
        if (!std::is_sorted(ints.begin(), ints.end())) std::sort(ints.begin(), ints.end());
        ints.erase(std::unique(ints.begin(), ints.end()), ints.end());
        std::sort(texts.begin(), texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    }
    // Adds the keys of `other` (settled) to these (settled), keeping them settled.
    void merge(const KeyValues& other) {
        const auto middle = static_cast<std::ptrdiff_t>(ints.size());
        ints.insert(ints.end(), other.ints.begin(), other.ints.end());
        std::inplace_merge(ints.begin(), ints.begin() + middle, ints.end());
        ints.erase(std::unique(ints.begin(), ints.end()), ints.end());
        const auto text_middle = static_cast<std::ptrdiff_t>(texts.size());
        texts.insert(texts.end(), other.texts.begin(), other.texts.end());
        std::inplace_merge(texts.begin(), texts.begin() + text_middle, texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
    }
    bool empty() const { return ints.empty() && texts.empty(); }
};

// One single-column foreign key: child.column REFERENCES parent(key).
struct Reference {
    std::string child, column, parent, key;
    int column_index = 0;
    bool column_is_rowid = false;  // the child's INTEGER PRIMARY KEY: its value comes with the hook's call
    KeyValues written;             // values written into child.column
};

// A column other tables' foreign keys point at.
struct ParentKey {
    std::string table, column;
    int column_index = 0;
    bool is_rowid = false;                  // the INTEGER PRIMARY KEY: its values come with the hook's call
    std::vector<Reference*> referenced_by;
    KeyValues gone;                         // values deleted, or changed away from
};

struct TableKeys {
    std::vector<Reference*> references;  // as the child
    std::vector<ParentKey*> keys;        // as the parent
    bool check_whole = false;            // a foreign key of several columns: written, checked whole
    // Tables with such a key pointing here: a row of this one deleted or changed sends them to the
    // whole-table check.
    std::vector<std::string> children_checked_whole;
};

}  // namespace

struct ForeignKeyLedger::State {
    std::deque<Reference> references;
    std::deque<ParentKey> keys;
    std::unordered_map<std::string, TableKeys> tables;
    std::set<std::string> check_whole;     // tables written that are checked with PRAGMA foreign_key_check
    // Each table's foreign keys when the ledger started, as text: a table whose keys differ at the end (made
    // or altered meanwhile, by this command or before its transaction began) is checked whole.
    std::map<std::string, std::string> keys_at_start;
    // The table of the last call: a bulk write calls for the same table many times in a row.
    std::string last_name;
    const TableKeys* last = nullptr;
    bool failed = false;                   // the hook could not note something: every table is checked whole
};

namespace {

void note_row(ForeignKeyLedger::State& s, sqlite3* db, int op, const char* name, std::int64_t old_rowid,
              std::int64_t new_rowid) {
    if (s.last_name != name) {
        s.last_name = name;
        auto found = s.tables.find(s.last_name);
        s.last = found == s.tables.end() ? nullptr : &found->second;
    }
    const TableKeys* table = s.last;
    if (table == nullptr) return;  // no keys either way (a table created since is checked whole by verify())
    bool unusual = table->check_whole;
    if (op != SQLITE_DELETE)
        for (Reference* r : table->references) {
            if (r->column_is_rowid) {
                r->written.add(new_rowid);
                continue;
            }
            sqlite3_value* value = nullptr;
            if (sqlite3_preupdate_new(db, r->column_index, &value) != SQLITE_OK || value == nullptr) {
                unusual = true;
                continue;
            }
            r->written.add(value, unusual);
        }
    if (unusual) s.check_whole.insert(s.last_name);
    if (op == SQLITE_INSERT) return;
    for (const auto& child : table->children_checked_whole) s.check_whole.insert(child);
    for (ParentKey* k : table->keys) {
        if (k->is_rowid) {
            if (op == SQLITE_DELETE || old_rowid != new_rowid) k->gone.add(old_rowid);
            continue;
        }
        // A key that cannot be noted (a real or a blob, or no value): what points to it is checked whole.
        bool unusual_key = false;
        sqlite3_value* before = nullptr;
        if (sqlite3_preupdate_old(db, k->column_index, &before) != SQLITE_OK || before == nullptr) {
            unusual_key = true;
        } else if (op == SQLITE_UPDATE) {
            sqlite3_value* after = nullptr;
            if (sqlite3_preupdate_new(db, k->column_index, &after) != SQLITE_OK || after == nullptr) {
                unusual_key = true;
            } else if (sqlite3_value_type(before) == sqlite3_value_type(after) &&
                       sqlite3_value_bytes(before) == sqlite3_value_bytes(after) &&
                       std::memcmp(sqlite3_value_blob(before), sqlite3_value_blob(after),
                                   static_cast<std::size_t>(sqlite3_value_bytes(before))) == 0) {
                continue;  // the key is unchanged
            }
        }
        if (!unusual_key) k->gone.add(before, unusual_key);  // a real or a blob is not noted, but flagged
        if (unusual_key)
            for (const Reference* r : k->referenced_by) s.check_whole.insert(r->child);
    }
}

void on_preupdate(void* context, sqlite3* db, int op, const char* database, const char* name, sqlite3_int64 old_rowid,
                  sqlite3_int64 new_rowid) {
    auto& s = *static_cast<ForeignKeyLedger::State*>(context);
    if (s.failed || std::strcmp(database, "main") != 0) return;  // temp tables cannot point into main
    try {
        note_row(s, db, op, name, old_rowid, new_rowid);
    } catch (...) {
        s.failed = true;  // out of memory: nothing is lost, verify() checks every table whole
    }
}

std::vector<std::string> table_names(Database& db) {
    std::vector<std::string> names;
    for (auto q = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
         q.step();)
        names.push_back(q.get_text(0));
    return names;
}

// A table's foreign keys as one text, to notice a change.
std::string foreign_keys_text(Database& db, const std::string& table) {
    auto q = db.prepare("SELECT group_concat(id || ':' || seq || ':' || \"table\" || ':' || \"from\" || ':' || "
                        "coalesce(\"to\", ''), ';') FROM (SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq)");
    q.bind(1, table);
    return q.step() ? q.get_optional_text(0).value_or("") : std::string();
}

struct Column {
    int index = 0;
    bool integer_primary_key = false;
};

// The columns of `table` by name (numbered as SQLite numbers a table's columns, hidden ones included),
// and its primary key's columns.
std::map<std::string, Column> columns_of(Database& db, const std::string& table, std::vector<std::string>& primary_key) {
    std::map<std::string, Column> columns;
    std::vector<std::pair<int, std::string>> key;
    std::string only_key_type;
    auto info = db.prepare("SELECT cid, name, upper(type), pk FROM pragma_table_xinfo(?)");
    info.bind(1, table);
    while (info.step()) {
        columns[info.get_text(1)] = Column{static_cast<int>(info.get_int(0)), false};
        if (info.get_int(3) > 0) {
            key.emplace_back(static_cast<int>(info.get_int(3)), info.get_text(1));
            only_key_type = info.get_text(2);
        }
    }
    std::sort(key.begin(), key.end());
    for (auto& [order, column] : key) primary_key.push_back(column);
    // The one INTEGER primary key of a table with rowids is the rowid itself, unless SQLite keeps an index
    // for it (declared DESC): then it is a column like any other.
    auto kind = db.prepare("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?");
    kind.bind(1, table);
    const bool without_rowid = kind.step() && kind.get_int(0) != 0;
    auto key_index = db.prepare("SELECT 1 FROM pragma_index_list(?) WHERE origin = 'pk'");
    key_index.bind(1, table);
    const bool own_key_index = key_index.step();
    if (!without_rowid && !own_key_index && primary_key.size() == 1 && only_key_type == "INTEGER")
        columns[primary_key.front()].integer_primary_key = true;
    return columns;
}

// Throws the error every broken reference is reported with.
[[noreturn]] void broken(const std::string& what) {
    throw InternalError(what + "; nothing was written", "foreign keys checked before the commit");
}


std::string value_text(std::int64_t value) { return std::to_string(value); }
std::string value_text(const std::string& value) { return "'" + value + "'"; }

// Whether SQLite would read `sql` (a lookup by one column) by scanning the whole table, for want of an index.
bool scans_table(Database& db, const std::string& sql);

// Answers, for integer keys asked in ascending order, whether some row of `table` has `column` = key.
// Asked many keys, it walks the column in order (the table's rowids, or an index of the column) a step at a
// time, seeking again over long gaps; asked few, or with no such order to walk, it looks each one up.
class KeyProbe {
public:
    // `rowid`: the column is the table's rowid. Otherwise its index may be walked only when a key found by
    // mistake errs on the safe side (a non-integer value reads as a truncated integer there).
    enum class Walk { rowid, index, never };
    KeyProbe(Database& db, const std::string& table, const std::string& column, Walk walk, std::size_t keys)
        : seek_(db.prepare("SELECT 1 FROM " + quote_identifier(table) + " WHERE " + quote_identifier(column) + " = ?")) {
        constexpr std::size_t walk_from = 4096;
        if (keys < walk_from || walk == Walk::never) return;
        const std::string walked = walk == Walk::rowid ? std::string("rowid") : quote_identifier(column);
        const std::string sql = "SELECT " + walked + " FROM " + quote_identifier(table) + " WHERE " + walked + " >= ? ORDER BY " + walked;
        if (walk == Walk::rowid || !ordered_by_sort(db, sql)) walk_.emplace(db.prepare(sql));
    }

    bool has(std::int64_t key) {
        if (!walk_) {
            seek_.bind(1, key);
            const bool found = seek_.step();
            seek_.reset();
            return found;
        }
        constexpr std::int64_t longest_walk = 64;  // a gap longer than this: seek instead of stepping over it
        Statement& walk = *walk_;
        if (!started_ || (more_ && key - at_ > longest_walk)) {
            walk.reset();
            walk.bind(1, key);
            step();
            started_ = true;
        }
        while (more_ && at_ < key) step();
        return more_ && at_ == key;
    }

private:
    // Whether SQLite would need a sort (or a scan) for `sql` rather than reading an index in order.
    static bool ordered_by_sort(Database& db, const std::string& sql) {
        auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
        while (plan.step()) {
            const std::string detail = plan.get_text(3);
            if (detail.rfind("SCAN", 0) == 0 || detail.find("TEMP B-TREE") != std::string::npos) return true;
        }
        return false;
    }
    void step() {
        more_ = walk_->step();
        if (more_) at_ = walk_->get_int(0);
    }

    Statement seek_;
    std::optional<Statement> walk_;
    bool started_ = false, more_ = false;
    std::int64_t at_ = 0;  // where the walk stands, when `more_`
};

// The `keys` (sorted, unique) that no row of the parent has as its key.
std::vector<std::int64_t> missing_keys(Database& db, const ParentKey& key, const std::vector<std::int64_t>& keys) {
    std::vector<std::int64_t> missing;
    // A parent key found by mistake would hide a broken reference: only rowids, always integers, are walked.
    KeyProbe parent(db, key.table, key.column, key.is_rowid ? KeyProbe::Walk::rowid : KeyProbe::Walk::never, keys.size());
    for (auto value : keys)
        if (!parent.has(value)) missing.push_back(value);
    return missing;
}

// Whether SQLite would read `sql` (a lookup by one column) by scanning the whole table, for want of an index.
bool scans_table(Database& db, const std::string& sql) {
    auto plan = db.prepare("EXPLAIN QUERY PLAN " + sql);
    while (plan.step())
        if (plan.get_text(3).rfind("SCAN", 0) == 0) return true;
    return false;
}

}  // namespace

ForeignKeyLedger::ForeignKeyLedger(Database& db) : db_(db) {
    if (db_.in_transaction()) return;
    auto state = std::make_unique<State>();
    std::map<std::pair<std::string, std::string>, ParentKey*> keys;  // (table, column) -> key
    std::map<std::string, std::map<std::string, Column>> columns;
    std::map<std::string, std::vector<std::string>> primary_keys;
    auto columns_for = [&](const std::string& table) -> std::map<std::string, Column>& {
        auto it = columns.find(table);
        if (it == columns.end()) it = columns.emplace(table, columns_of(db_, table, primary_keys[table])).first;
        return it->second;
    };
    for (const auto& child : table_names(db_)) {
        state->keys_at_start[child] = foreign_keys_text(db_, child);
        std::map<int, std::vector<std::pair<std::string, std::string>>> by_id;  // foreign key -> (from, to) pairs
        std::map<int, std::string> parent_of;
        auto q = db_.prepare("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq");
        q.bind(1, child);
        while (q.step()) {
            const int id = static_cast<int>(q.get_int(0));
            parent_of[id] = q.get_text(1);
            by_id[id].emplace_back(q.get_text(2), q.get_optional_text(3).value_or(""));
        }
        for (auto& [id, pairs] : by_id) {
            const std::string& parent = parent_of[id];
            auto& parent_columns = columns_for(parent);
            std::string to = pairs.front().second;
            if (to.empty() && primary_keys[parent].size() == 1) to = primary_keys[parent].front();
            auto from = columns_for(child).find(pairs.front().first);
            auto target = parent_columns.find(to);
            if (pairs.size() != 1 || from == columns_for(child).end() || target == parent_columns.end()) {
                // Several columns, or a key SQLite itself would refuse: checked whole, when the child is
                // written or a row of the parent goes.
                state->tables[child].check_whole = true;
                state->tables[parent].children_checked_whole.push_back(child);
                continue;
            }
            Reference& r = state->references.emplace_back();
            r.child = child;
            r.column = from->first;
            r.parent = parent;
            r.key = to;
            r.column_index = from->second.index;
            r.column_is_rowid = from->second.integer_primary_key;
            state->tables[child].references.push_back(&r);
            ParentKey*& key = keys[{parent, to}];
            if (key == nullptr) {
                key = &state->keys.emplace_back();
                key->table = parent;
                key->column = to;
                key->column_index = target->second.index;
                key->is_rowid = target->second.integer_primary_key;
                state->tables[parent].keys.push_back(key);
            }
            key->referenced_by.push_back(&r);
        }
    }
    db_.exec("PRAGMA foreign_keys = OFF");
    sqlite3_preupdate_hook(native_handle(db_), on_preupdate, state.get());
    state_ = std::move(state);
}

ForeignKeyLedger::~ForeignKeyLedger() {
    if (!state_) return;
    sqlite3_preupdate_hook(native_handle(db_), nullptr, nullptr);
    try {
        db_.exec("PRAGMA foreign_keys = ON");
    } catch (...) {
        // The connection is then closed with the process; the next one starts with enforcement on.
    }
}

void ForeignKeyLedger::verify() {
    if (!state_) return;
    State& s = *state_;
    sqlite3_preupdate_hook(native_handle(db_), nullptr, nullptr);  // the checks below write nothing; nothing more to note
    if (s.failed)
        for (const auto& name : table_names(db_)) s.check_whole.insert(name);
    // Tables whose foreign keys are not those the ledger started with (made or altered meanwhile).
    for (const auto& name : table_names(db_)) {
        auto at_start = s.keys_at_start.find(name);
        const std::string now = foreign_keys_text(db_, name);
        if (at_start == s.keys_at_start.end() ? !now.empty() : at_start->second != now) s.check_whole.insert(name);
    }

    // Whether rows of a reference's child table hold keys now, through an index of the column (walked in
    // order for many integer keys); a column without one sends its table to the whole-table check below
    // instead of being scanned once per key.
    auto indexed = [&](const Reference& r) {
        if (s.check_whole.count(r.child)) return false;
        if (!scans_table(db_, "SELECT 1 FROM " + quote_identifier(r.child) + " WHERE " + quote_identifier(r.column) + " = ?"))
            return true;
        s.check_whole.insert(r.child);
        return false;
    };
    auto first_held = [&](const Reference& r, const std::vector<std::int64_t>& keys) -> std::optional<std::int64_t> {
        if (keys.empty() || !indexed(r)) return std::nullopt;
        KeyProbe held(db_, r.child, r.column, r.column_is_rowid ? KeyProbe::Walk::rowid : KeyProbe::Walk::index, keys.size());
        for (auto key : keys)
            if (held.has(key)) return key;
        return std::nullopt;
    };
    auto text_held = [&](const Reference& r, const std::string& key) {
        if (!indexed(r)) return false;
        auto seek = db_.prepare("SELECT 1 FROM " + quote_identifier(r.child) + " WHERE " + quote_identifier(r.column) + " = ?");
        seek.bind(1, std::string_view(key));
        return seek.step();
    };
    auto text_missing = [&](const ParentKey& k, const std::string& key) {
        auto seek = db_.prepare("SELECT 1 FROM " + quote_identifier(k.table) + " WHERE " + quote_identifier(k.column) + " = ?");
        seek.bind(1, std::string_view(key));
        return !seek.step();
    };

    // Every key written, per parent key: the values of all references to it looked up in one pass. A key no
    // parent row has is broken only if a row still holds it (a bulk load may write a key and replace it later).
    for (ParentKey& k : s.keys) {
        std::vector<Reference*> written;
        for (Reference* r : k.referenced_by) {
            if (r->written.empty() || s.check_whole.count(r->child)) continue;
            r->written.settle();
            written.push_back(r);
        }
        if (written.empty()) continue;
        auto broken_reference = [&](const Reference& r, const std::string& value) {
            broken("a row of " + r.child + " has " + r.column + " = " + value + ", which no row of " + k.table + " has as " +
                   k.column);
        };
        KeyValues all;
        for (Reference* r : written) all.merge(r->written);
        const std::vector<std::int64_t> missing = missing_keys(db_, k, all.ints);
        for (Reference* r : written) {
            std::vector<std::int64_t> given;  // keys r's column was given that no parent row has
            std::set_intersection(missing.begin(), missing.end(), r->written.ints.begin(), r->written.ints.end(),
                                  std::back_inserter(given));
            if (auto key = first_held(*r, given)) broken_reference(*r, value_text(*key));
        }
        for (const auto& text : all.texts)
            if (text_missing(k, text))
                for (Reference* r : written)
                    if (std::binary_search(r->written.texts.begin(), r->written.texts.end(), text) && text_held(*r, text))
                        broken_reference(*r, value_text(text));
    }
    // Every parent key deleted or changed: broken if no row has it now and a child row still does.
    for (ParentKey& k : s.keys) {
        if (k.gone.empty()) continue;
        k.gone.settle();
        auto broken_parent = [&](const Reference& r, const std::string& value) {
            broken("the row of " + k.table + " with " + k.column + " = " + value + " was removed or changed while rows of " +
                   r.child + " point to it (" + r.column + ")");
        };
        const std::vector<std::int64_t> missing = missing_keys(db_, k, k.gone.ints);
        for (Reference* r : k.referenced_by)
            if (auto key = first_held(*r, missing)) broken_parent(*r, value_text(*key));
        for (const auto& text : k.gone.texts)
            if (text_missing(k, text))
                for (Reference* r : k.referenced_by)
                    if (text_held(*r, text)) broken_parent(*r, value_text(text));
    }
    for (const auto& table : s.check_whole) {
        auto q = db_.prepare("SELECT c.rowid, c.parent, group_concat(k.\"from\"), group_concat(k.\"to\") "
                             "FROM pragma_foreign_key_check(?1) AS c JOIN pragma_foreign_key_list(?1) AS k ON k.id = c.fkid "
                             "GROUP BY c.rowid, c.parent, c.fkid LIMIT 1");
        q.bind(1, table);
        if (!q.step()) continue;
        const std::string columns = q.get_text(2), parent = q.get_text(1);
        std::string row = "a row of " + table;
        std::optional<std::string> value;  // the broken key's value, when it is one column of a row with a rowid
        if (!q.is_null(0)) {
            const std::int64_t rowid = q.get_int(0);
            row += " (rowid " + std::to_string(rowid) + ")";
            if (columns.find(',') == std::string::npos) {
                auto read = db_.prepare("SELECT quote(" + quote_identifier(columns) + ") FROM " + quote_identifier(table) + " WHERE rowid = ?");
                read.bind(1, rowid);
                if (read.step()) value = read.get_text(0);
            }
        }
        if (value)
            broken(row + " has " + columns + " = " + *value + ", which no row of " + parent + " has as " +
                   q.get_optional_text(3).value_or("its key"));
        broken(row + " points to a row of " + parent + " that does not exist");
    }
}

}  // namespace jobcenter
