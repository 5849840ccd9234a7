// The register's figures for the entry-time check (see register_stats.hpp).
#include "register/index/register_stats.hpp"

#include <string>
#include <unordered_map>
#include <vector>

#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace {

struct Stat {
    const char* kind;
    std::string_view value;  // the index's text
    std::int64_t count;
};

// The figures of the index, counts of two or more. Name words are counted in name_word as they are written,
// not here: rows of kind 'token' in this table are removed.
std::vector<Stat> figures_of(const RecordIndex& index) {
    std::vector<char> is_value(index.value_count(), 0);
    for (const auto& r : index.records)
        for (auto v : {r.business_id, r.phone, r.email, r.email_domain, r.street})
            if (v != no_value) is_value[v] = 1;
    std::vector<Stat> out;
    for (std::uint32_t id = 0; id < is_value.size(); ++id)
        if (is_value[id] && index.names_sharing(id) >= 2) out.push_back({"value", index.text(id), index.names_sharing(id)});
    return out;
}

}  // namespace

void write_register_stats(Database& db, const RecordIndex& index) {
    const std::vector<Stat> figures = figures_of(index);
    // What the table holds now, by kind and value.
    std::unordered_map<std::string, std::int64_t> held[2];
    {
        auto q = db.prepare("SELECT kind, value, count FROM register_stat");
        while (q.step()) held[q.get_text_view(0) == "token" ? 0 : 1].emplace(q.get_text(1), q.get_int(2));
    }
    std::vector<const Stat*> added, changed;
    for (const auto& f : figures) {
        auto& kind = held[f.kind[0] == 't' ? 0 : 1];
        auto it = kind.find(std::string(f.value));
        if (it == kind.end()) {
            added.push_back(&f);
            continue;
        }
        if (it->second != f.count) changed.push_back(&f);
        kind.erase(it);
    }
    std::vector<std::pair<const char*, const std::string*>> gone;  // left over: no longer counted
    for (int k = 0; k < 2; ++k)
        for (const auto& [value, count] : held[k]) gone.emplace_back(k == 0 ? "token" : "value", &value);
    auto& remove = db.cached("DELETE FROM register_stat WHERE kind = ? AND value = ?");
    for (auto [kind, value] : gone) {
        remove.bind(1, kind).bind(2, *value);
        remove.run();
    }
    run_batched(db, "UPDATE register_stat SET count = v.column3 FROM (VALUES $ROWS) AS v "
                    "WHERE register_stat.kind = v.column1 AND register_stat.value = v.column2",
                3, changed.size(), [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, changed[i]->kind).bind_view(at + 1, changed[i]->value).bind(at + 2, changed[i]->count);
                });
    run_batched(db, "INSERT INTO register_stat(kind, value, count) VALUES $ROWS", 3, added.size(),
                [&](Statement& s, int at, std::size_t i) {
                    s.bind(at, added[i]->kind).bind_view(at + 1, added[i]->value).bind(at + 2, added[i]->count);
                });
}

}  // namespace jobcenter::register_plugin
