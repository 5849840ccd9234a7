// The record_key table: its trigger deferred during a bulk import, and its rows written in key order.
#include "register/index/record_keys.hpp"

#include <algorithm>
#include <cstdint>

#include "register/index/radix_sort.hpp"
#include "register/store/values_batch.hpp"

namespace jobcenter::register_plugin {
namespace {

constexpr const char* new_record_trigger = "record_keys_of_new_record";

constexpr KeyKind all_kinds[record_key_kinds] = {KeyKind::business_id, KeyKind::phone, KeyKind::email, KeyKind::street,
                                                 KeyKind::name};

// The value id of `kind` in `r`: the index interns the columns record_key holds (see KeyKind).
std::uint32_t key_of(const IndexedRecord& r, KeyKind kind) {
    switch (kind) {
        case KeyKind::business_id: return r.business_id;
        case KeyKind::phone: return r.phone;
        case KeyKind::email: return r.email;
        case KeyKind::street: return r.street;
        case KeyKind::name: return r.name;
        case KeyKind::department:
        case KeyKind::name_word:
        case KeyKind::name_word_prefix: break;  // blocking's kinds, not in record_key
    }
    return no_value;
}

}  // namespace

void NewRecordKeysDeferred::defer(Database& db) {
    if (sql_) return;
    auto q = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
    q.bind(1, std::string(new_record_trigger));
    if (!q.step()) return;  // not there: nothing to make again
    sql_ = q.get_text(0);
    db.exec(std::string("DROP TRIGGER ") + new_record_trigger);
}

void NewRecordKeysDeferred::restore(Database& db) {
    if (!sql_) return;
    db.exec(*sql_);
    sql_.reset();
}

void add_record_keys_from_table(Database& db, std::int64_t first_id) {
    db.prepare("INSERT INTO record_key(kind, value, record_id) SELECT kind, value, record_id FROM source_record_keys "
               "WHERE record_id >= ? ORDER BY kind, value, record_id")
        .bind(1, first_id)
        .run();
}

void add_record_keys_in_key_order(Database& db, const RecordIndex& index, std::uint32_t first) {
    // Each kind's distinct values ranked by their text once (far fewer than the records; compared by their
    // first 16 bytes as numbers, the text itself only on a tie), then the (rank, position) pairs
    // radix-sorted. One kind at a time, so that only one kind's rows are in memory.
    constexpr std::uint32_t unranked = UINT32_MAX;
    std::vector<std::uint32_t> rank(index.value_count(), unranked);
    struct Value {
        std::uint64_t head[2];  // the text's first 16 bytes, big-endian, zero-padded
        std::uint32_t id;
    };
    auto value_of = [&index](std::uint32_t id) {
        Value v{{0, 0}, id};
        const std::string_view text = index.text(id);
        for (std::size_t i = 0; i < 16 && i < text.size(); ++i)
            v.head[i / 8] |= std::uint64_t{static_cast<unsigned char>(text[i])} << (56 - 8 * (i % 8));
        return v;
    };
    for (KeyKind kind : all_kinds) {
        std::vector<Value> values;
        for (std::uint32_t p = first; p < index.records.size(); ++p) {
            const std::uint32_t v = key_of(index.records[p], kind);
            if (v != no_value && rank[v] == unranked) {
                rank[v] = 0;
                values.push_back(value_of(v));
            }
        }
        std::sort(values.begin(), values.end(), [&index](const Value& x, const Value& y) {
            if (x.head[0] != y.head[0]) return x.head[0] < y.head[0];
            if (x.head[1] != y.head[1]) return x.head[1] < y.head[1];
            return index.text(x.id) < index.text(y.id);
        });
        for (std::uint32_t r = 0; r < values.size(); ++r) rank[values[r].id] = r;
        std::vector<std::uint64_t> packed;
        for (std::uint32_t p = first; p < index.records.size(); ++p)
            if (const std::uint32_t v = key_of(index.records[p], kind); v != no_value)
                packed.push_back(std::uint64_t{rank[v]} << 32 | p);
        radix_sort(packed, 32 + bits_for(values.size()));
        // The rows in order, their texts looked up once per value.
        struct Row {
            std::string_view value;
            std::int64_t record_id;
        };
        std::vector<Row> rows;
        rows.reserve(packed.size());
        for (auto key : packed)
            rows.push_back({index.text(values[key >> 32].id), index.records[static_cast<std::uint32_t>(key)].id});
        std::vector<std::uint64_t>().swap(packed);
        for (const auto& v : values) rank[v.id] = unranked;
        run_batched(db, "INSERT INTO record_key(kind, value, record_id) VALUES $ROWS", 3, rows.size(),
                    [&](Statement& s, int at, std::size_t i) {
                        s.bind(at, static_cast<std::int64_t>(kind)).bind_view(at + 1, rows[i].value).bind(at + 2, rows[i].record_id);
                    }, 64);
    }
}

}  // namespace jobcenter::register_plugin
