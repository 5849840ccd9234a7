// An import's writes: its import_batch row, the indexes it sets aside while it loads, the new and changed
// records a chunk at a time, and the name words and indexes written at its end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jobcenter/context.hpp"
#include "jobcenter/phase_timer.hpp"
#include "register/import/import_request.hpp"
#include "register/import/import_rows.hpp"
#include "register/index/name_words.hpp"
#include "register/index/record_index.hpp"
#include "register/index/record_keys.hpp"
#include "register/store/bulk_write.hpp"

namespace jobcenter::register_plugin {

// Rows written in one statement.
constexpr std::size_t rows_per_statement = 64;

// What a load that only adds, and adds more than a table holds, sets aside to build afterwards: the
// tables' indexes, and the trigger that adds new records' keys (the import adds them in key order).
struct DeferredForLoad {
    DeferredIndexes record_indexes;
    DeferredIndexes orderer_indexes;
    DeferredIndexes record_orderer_index;  // an import that links builds it last, once the orderers are known
    NewRecordKeysDeferred new_record_keys;
};

// The ids the next new record and its orderer take: those SQLite would give them one by one.
struct NextIds {
    std::int64_t orderer = 0;
    std::int64_t record = 0;
};

// An import that writes: its batch, what it set aside, the rows it writes and the ids they take.
struct ImportRun {
    std::int64_t import_id = 0;
    std::string now;
    DeferredForLoad deferred;
    std::vector<const ImportRow*> changed;  // new or changed rows, in file order
    std::int64_t first_new_record = 0;      // the id of the first new record
    NextIds next;
    NameWordChanges words;  // gathered as records are written
};

// Writes the import_batch row and sets indexes aside for a large load.
ImportRun start_import_run(Context& ctx, const ImportRequest& request, const ImportFile& file, const StoredMatch& stored,
                           PhaseTimer& timer);

// How an import that links writes its new records: added to `index` as they are written, stored with the id
// of the orderer each would found (`orderer_ids_reserved`, possible while foreign keys are checked at the
// commit) or none, and without orderers, rows as given or name words of their own here.
struct LinkingWrite {
    RecordIndex& index;
    bool orderer_ids_reserved = false;
};

// Writes `rows` (of run.changed): a stored record changed in place, or a new record with its orderer, row as
// given and name words, or as `linking` says. New records take the ids run.next gives, in row order.
void write_records(Context& ctx, const ImportRequest& request, ImportRun& run, const std::vector<const ImportRow*>& rows,
                   const LinkingWrite* linking = nullptr);

// The ids of the stored records that `rows` change, ascending.
std::vector<std::int64_t> stored_record_ids(const std::vector<const ImportRow*>& rows);
// The ids of the records write_records wrote for `run`: the stored ones it changed and the new ones, ascending.
std::vector<std::int64_t> written_record_ids(const ImportRun& run);

// The rows as given of the new records `fresh` (all of them, in id order) of an import that links.
void write_given_rows(Database& db, const ImportRequest& request, const ImportRun& run,
                      const std::vector<const ImportRow*>& fresh);

// Gives new records their orderers: (i, orderer) for the record with id first_record + i.
void write_record_orderers(Database& db, std::int64_t first_record,
                           const std::vector<std::pair<std::uint32_t, std::int64_t>>& orderers);

// The name words gathered, the keys of records added while their trigger was away, and the indexes set aside.
void finish_writes(Database& db, ImportRun& run, PhaseTimer& timer);

}  // namespace jobcenter::register_plugin
