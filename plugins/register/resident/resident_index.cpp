// The register's index kept in memory per database file, and a run's lease on it (see resident_index.hpp).
#include "register/resident/resident_index.hpp"

#include <filesystem>
#include <utility>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <map>
#include <string>
#include <system_error>

namespace jobcenter::register_plugin {
std::shared_ptr<ResidentEntry> resident_entry(const Database& db) {
    const std::filesystem::path& path = db.path();
    if (path.empty() || path == ":memory:") return nullptr;
    std::error_code error;
    std::filesystem::path file = std::filesystem::weakly_canonical(path, error);
    if (error) file = std::filesystem::absolute(path);
    static std::mutex registry_mutex;
    static std::map<std::string, std::shared_ptr<ResidentEntry>> registry;
    std::lock_guard lock(registry_mutex);
    auto& entry = registry[file.string()];
    if (!entry) entry = std::make_shared<ResidentEntry>();
    return entry;
}

void keep_index(ResidentEntry& entry, std::shared_ptr<RecordIndex> index) {
    std::shared_ptr<RecordIndex> gone = std::exchange(entry.index, std::move(index));
    if (!gone) return;
    gone.reset();
#ifdef __GLIBC__
    // Its millions of small blocks and tables are free now; the allocator would keep most of them.
    malloc_trim(0);
#endif
}

std::string_view index_origin_name(IndexOrigin origin) {
    switch (origin) {
        case IndexOrigin::loaded: return "loaded";
        case IndexOrigin::kept: return "kept";
        case IndexOrigin::reloaded: return "reloaded";
    }
    return "loaded";
}

IndexLease::IndexLease(Database& db) : db_(db), entry_(resident_entry(db)) {
    if (!entry_) return;
    const Generation now = read_generation(db);
    std::lock_guard lock(entry_->mutex);
    if (entry_->index && entry_->stamp == now.stamp) {
        index_ = entry_->index;
        kept_ = true;
        origin_ = IndexOrigin::kept;
        return;
    }
    origin_ = entry_->made_before ? IndexOrigin::reloaded : IndexOrigin::loaded;
    entry_->made_before = true;
    // Not the register as it stands: its memory goes back before this run reads the register again.
    keep_index(*entry_, nullptr);
}

const RecordIndex& IndexLease::index() {
    if (!index_) {
        index_ = std::make_shared<RecordIndex>(RecordIndex::load(db_));
    } else if (!index_->weighed()) {
        std::lock_guard lock(entry_->mutex);  // a kept index: weighed where it is kept
        index_->finish();
    }
    return *index_;
}

RecordIndex IndexLease::working_copy(std::size_t more, const std::vector<std::int64_t>& written) {
    if (kept_) {
        RecordIndex copy = [&] {
            std::lock_guard lock(entry_->mutex);
            return index_->copy_with_room(more);
        }();
        if (written.empty() || copy.update_stored(read_stored_rows(db_, written))) return copy;
    }
    return RecordIndex::load_for_adding(db_, more);
}

void IndexLease::publish_moves(Context& ctx, const std::vector<std::pair<std::int64_t, std::int64_t>>& moved) {
    if (kept_) {
        publish_moved_records(ctx, moved);
        return;
    }
    // An index read for this run is this run's own: it takes the moves now and is kept whole after the commit.
    index();
    for (const auto& [record, orderer] : moved) index_->set_orderer(record, orderer);
    publish_index(ctx, index_);
}

}  // namespace jobcenter::register_plugin
