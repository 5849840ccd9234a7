// Publishing a command's changes to the register (see register_change.hpp).
#include "register/resident/register_change.hpp"

#include <boost/json.hpp>
#include <optional>

#include "register/resident/register_generation.hpp"
#include "register/resident/resident_index.hpp"

namespace jobcenter::register_plugin {
namespace {

// A change of the register as published: the generation before and after it, and the entry of its database.
struct Published {
    Generation before, after;
    std::shared_ptr<ResidentEntry> entry;  // null for a database in memory
};

Published advance(Context& ctx) {
    Published p{read_generation(ctx.db()), {}, resident_entry(ctx.db())};
    p.after = advance_generation(ctx.db());
    return p;
}

// The size of the index kept when it is the register as it stood before the change; nothing otherwise (no
// change needs bringing into it then).
std::optional<std::size_t> kept_before(const Published& p) {
    if (!p.entry) return std::nullopt;
    std::lock_guard lock(p.entry->mutex);
    if (!p.entry->index || p.entry->stamp != p.before.stamp) return std::nullopt;
    return p.entry->index->size();
}

// After the commit, `change` brings the change into the index kept, when that is still the register as it
// stood before the change and no run holds it; otherwise (or when `change` cannot) the index is let go, and
// the next run reads the register.
template <class Change>
void change_after_commit(Context& ctx, const Published& p, Change change) {
    ctx.after_commit([p, change] {
        std::lock_guard lock(p.entry->mutex);
        if (!p.entry->index || p.entry->stamp != p.before.stamp) return;
        bool changed = false;
        if (p.entry->index.use_count() == 1) {
            try {
                changed = change(*p.entry->index);
            } catch (const std::exception&) {
                changed = false;  // half changed: let go below
            }
        }
        if (changed) p.entry->stamp = p.after.stamp;
        else keep_index(*p.entry, nullptr);
    });
}

// Written records read back in one statement cost about what reading the whole register does once they are a
// quarter of it: past that the index kept is let go instead.
constexpr std::size_t read_back_share = 4;

}  // namespace

void publish_written_records(Context& ctx, const std::vector<std::int64_t>& records) {
    if (records.empty()) return;
    const Published p = advance(ctx);
    const auto kept = kept_before(p);
    if (!kept) return;
    if (records.size() * read_back_share > *kept) {
        change_after_commit(ctx, p, [](RecordIndex&) { return false; });
        return;
    }
    auto rows = std::make_shared<const StoredRows>(read_stored_rows(ctx.db(), records));
    change_after_commit(ctx, p, [rows](RecordIndex& index) { return index.update_stored(*rows); });
}

void publish_records_of_orderers(Context& ctx, const std::vector<std::int64_t>& orderers) {
    auto q = ctx.db().prepare("SELECT id FROM source_record WHERE orderer_id IN (SELECT value FROM json_each(?)) ORDER BY id");
    q.bind(1, boost::json::serialize(boost::json::array(orderers.begin(), orderers.end())));
    std::vector<std::int64_t> records;
    while (q.step()) records.push_back(q.get_int(0));
    publish_written_records(ctx, records);
}

void publish_moved_records(Context& ctx, std::vector<std::pair<std::int64_t, std::int64_t>> moved) {
    if (moved.empty()) return;
    const Published p = advance(ctx);
    if (!kept_before(p)) return;
    auto moves = std::make_shared<const std::vector<std::pair<std::int64_t, std::int64_t>>>(std::move(moved));
    change_after_commit(ctx, p, [moves](RecordIndex& index) {
        for (const auto& [record, orderer] : *moves)
            if (!index.set_orderer(record, orderer)) return false;
        return true;
    });
}

void publish_index(Context& ctx, std::shared_ptr<RecordIndex> index) {
    const Published p = advance(ctx);
    if (!p.entry) return;
    ctx.after_commit([p, index = std::move(index)]() mutable {
        std::lock_guard lock(p.entry->mutex);
        keep_index(*p.entry, std::move(index));
        p.entry->stamp = p.after.stamp;
    });
}

}  // namespace jobcenter::register_plugin
