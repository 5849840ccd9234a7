// The rows an import writes, made ready a chunk at a time: normalised on a second thread (and in part on
// this one) a chunk ahead of the writes, the rows staying in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "register/import/import_keys.hpp"
#include "register/import/import_rows.hpp"
#include "register/index/name_words.hpp"
#include "register/index/record_index.hpp"

namespace jobcenter::register_plugin {

constexpr std::size_t rows_per_chunk = 4096;

// A chunk made ready for writing: each row's keys and, unless the import links, each row as given (raw).
struct WritableChunk {
    std::vector<RowKeys> keys;
    std::vector<std::string> raws;
};

// The rows to make ready and what the second thread does with each chunk besides its keys. With `index`
// (an import that links, whose rows are all new), it adds the chunk's records to that index, with ids
// from `first_id` on, and their name words to `words`, in row order; the rows as given are written later,
// so no raws are made, and this thread normalises part of each chunk, the other having more to do.
// Otherwise it makes the raws.
struct ChunkSource {
    const std::vector<const ImportRow*>& rows;
    const std::string& phone_country;
    RecordIndex* index = nullptr;
    std::int64_t first_id = 0;
    NameWordChanges& words;
};

// Calls use(begin, chunk) for the chunk of rows from `begin` on, for each chunk in order, while the
// next chunk is made.
void for_each_chunk(const ChunkSource& source,
                    const std::function<void(std::size_t begin, const WritableChunk& chunk)>& use);

}  // namespace jobcenter::register_plugin
