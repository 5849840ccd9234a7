// The dedupe_run record and what came after it, read and written in SQL (see last_run.hpp).
#include "register/incremental/last_run.hpp"

#include <algorithm>

#include "register/index/key_revision.hpp"
#include "register/scoring/match_rules.hpp"

namespace jobcenter::register_plugin {

std::optional<LastRun> last_run(Database& db) {
    auto q = db.prepare("SELECT last_import_id, rules, last_event_id, last_record_id, size_step FROM dedupe_run ORDER BY id DESC LIMIT 1");
    if (!q.step()) return std::nullopt;
    return LastRun{q.get_int(0), q.get_text(1), q.get_int(2), q.get_int(3), static_cast<std::uint64_t>(q.get_int(4))};
}

std::vector<std::uint32_t> new_since(Database& db, const RecordIndex& index, std::int64_t import_id, std::int64_t event_id) {
    // Both halves through indexes (records by import, the events since, then their records), sorted here: an
    // ORDER BY would have SQLite read every record and every event's records in order instead.
    auto q = db.prepare(
        "SELECT id FROM source_record WHERE import_id > ?1 UNION SELECT r.record_id FROM register_event e "
        "CROSS JOIN event_record r ON r.event_id = e.id WHERE e.id > ?2 AND e.kind <> 'dedupe'");
    q.bind(1, import_id).bind(2, event_id);
    std::vector<std::uint32_t> out;
    while (q.step())
        if (auto position = index.position_of(q.get_int(0))) out.push_back(*position);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<ReplacedKeys> replaced_since(Database& db, const RecordIndex& index, std::int64_t last_record_id) {
    std::vector<ReplacedKeys> out;
    auto q = db.prepare(
        "SELECT record_id, name_key, department_key, business_id, phone_e164, email_key, email_free, street_key, city_of_helsinki "
        "FROM replaced_record_keys WHERE record_id <= ? ORDER BY record_id");
    q.bind(1, last_record_id);
    auto text = [&q](int column) { return q.is_null(column) ? std::string() : q.get_text(column); };
    while (q.step()) {
        const auto position = index.position_of(q.get_int(0));
        if (!position) continue;
        ReplacedKeys keys;
        keys.position = *position;
        keys.name_key = text(1);
        keys.department_key = text(2);
        keys.business_id = text(3);
        keys.phone = text(4);
        keys.email = text(5);
        keys.email_free = q.get_int(6) != 0;
        keys.street_key = text(7);
        keys.city_of_helsinki = q.get_int(8) != 0;
        out.push_back(std::move(keys));
    }
    return out;
}

std::string run_fingerprint(Database& db, const MatchRules& rules) {
    return rules_fingerprint(rules) + key_revision_fingerprint(db);
}

bool nothing_since_last_run(Database& db, const MatchRules& rules) {
    const auto previous = last_run(db);
    if (!previous || previous->rules != run_fingerprint(db, rules)) return false;
    auto imported = db.prepare("SELECT 1 FROM source_record WHERE import_id > ? LIMIT 1");
    imported.bind(1, previous->last_import_id);
    if (imported.step()) return false;
    auto decided = db.prepare("SELECT 1 FROM register_event WHERE id > ? AND kind <> 'dedupe' LIMIT 1");
    decided.bind(1, previous->last_event_id);
    return !decided.step();
}

std::int64_t latest_import(Database& db) {
    auto q = db.prepare("SELECT coalesce(max(import_id), 0) FROM source_record");
    q.step();
    return q.get_int(0);
}

void record_dedupe_run(Database& db, const RegisterClustering& run, const RecordIndex& index, std::int64_t last_import_id,
                       const std::string& now, const std::string& role) {
    const std::int64_t last_record_id = index.size() == 0 ? 0 : index.records.back().id;  // loaded in id order
    db.prepare("INSERT INTO dedupe_run(mode, records, reclustered, last_import_id, rules, ran_at, ran_by, last_event_id, "
               "last_record_id, size_step) VALUES(?,?,?,?,?,?,?,(SELECT coalesce(max(id), 0) FROM register_event),?,?)")
        .bind_all(run_mode_name(run.mode), static_cast<std::int64_t>(index.size()), static_cast<std::int64_t>(run.reclustered),
                  last_import_id, run.fingerprint, now, role, last_record_id, static_cast<std::int64_t>(run.size_step))
        .run();
    db.prepare("DELETE FROM replaced_record_keys").run();
}

}  // namespace jobcenter::register_plugin
