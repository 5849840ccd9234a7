// Publishing what a command changed in the register: the register's generation moves on in the command's
// transaction, and once it commits the index kept in memory (resident_index.hpp) follows; when it rolls
// back, nothing does. Every command that adds source records or changes their keys or orderers publishes.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "jobcenter/context.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

// Records added, or whose keys or orderer changed (ids): read back as the transaction holds them now.
void publish_written_records(Context& ctx, const std::vector<std::int64_t>& records);

// Every record of these orderers, after a merge, an unmerge or a split that moved records between them.
void publish_records_of_orderers(Context& ctx, const std::vector<std::int64_t>& orderers);

// Records given another orderer (record id, orderer), by a run over an index kept in memory.
void publish_moved_records(Context& ctx, std::vector<std::pair<std::int64_t, std::int64_t>> moved);

// The register's whole index as the command leaves it (a run that had it in hand): kept after the commit.
void publish_index(Context& ctx, std::shared_ptr<RecordIndex> index);

}  // namespace jobcenter::register_plugin
