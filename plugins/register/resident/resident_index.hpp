// The register's index kept in memory between the commands of one process (a server's), one per database
// file: made by the first run that needs it, brought along after each commit that changes the register
// (register_change.hpp), and compared with the register's generation before each use, so that what another
// process wrote since is read before a run relies on it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "jobcenter/context.hpp"
#include "register/index/record_index.hpp"
#include "register/resident/register_change.hpp"
#include "register/resident/register_generation.hpp"

namespace jobcenter::register_plugin {

// The index kept for one database file, shared by the threads of the process. `index` is changed, or
// replaced, only under `mutex`, and only while no run holds it: the one whose stamp the register's generation
// carries is the register as committed then.
struct ResidentEntry {
    std::mutex mutex;
    std::shared_ptr<RecordIndex> index;  // null until a run made one, or once it was found out of date
    std::int64_t stamp = 0;              // the generation's stamp `index` is the register of
    bool made_before = false;            // a run of this process has made one
};

// The entry of the database `db` is a connection to; null for a database in memory (one per connection).
std::shared_ptr<ResidentEntry> resident_entry(const Database& db);

// Replaces the index an entry keeps (under its mutex) with `index` (null: none), and hands the memory of the
// one it kept back to the system, so that a process keeping one index at a time stays at one index's size.
void keep_index(ResidentEntry& entry, std::shared_ptr<RecordIndex> index);

// How a run came by its index.
enum class IndexOrigin {
    loaded,    // read from the database: the first run of this process on it
    kept,      // the one kept in memory was the register as it stands
    reloaded,  // the one kept was not (another process wrote since, or a change was too large to bring along)
};
// As reports spell it: "loaded", "kept", "reloaded".
std::string_view index_origin_name(IndexOrigin origin);

// A run's hold on the register's index: the one kept in memory when it is the register as it stands, else
// one read from the database. Taken before the command's transaction changes any record, so that the index
// kept is compared with the register as committed.
class IndexLease {
public:
    explicit IndexLease(Database& db);
    IndexLease(const IndexLease&) = delete;
    IndexLease& operator=(const IndexLease&) = delete;

    IndexOrigin origin() const { return origin_; }

    // The register's index, weighed (RecordIndex::finish), not to be changed by the run.
    const RecordIndex& index();
    // A copy to add records to (`register import --link`), with room for `more`, and the stored records
    // `written` since the lease was taken as they are now.
    RecordIndex working_copy(std::size_t more, const std::vector<std::int64_t>& written);
    // Publishes a run over index() that gave the records `moved` other orderers (record id, orderer): the
    // register's generation moves on and, after the commit, the index kept follows.
    void publish_moves(Context& ctx, const std::vector<std::pair<std::int64_t, std::int64_t>>& moved);

private:
    Database& db_;
    std::shared_ptr<ResidentEntry> entry_;
    std::shared_ptr<RecordIndex> index_;  // the kept one (`kept_`) or one read for this run
    bool kept_ = false;
    IndexOrigin origin_ = IndexOrigin::loaded;
};

}  // namespace jobcenter::register_plugin
