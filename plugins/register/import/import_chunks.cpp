// Making the import's rows ready a chunk ahead of the writes: which thread normalises which rows, and
// when the second thread may go on to index a chunk or make its rows as given.
#include "register/import/import_chunks.hpp"

#include <algorithm>
#include <future>

#include "register/import/import_columns.hpp"

namespace jobcenter::register_plugin {
namespace {

constexpr std::size_t linking_share_here = 25;  // per cent of a chunk's rows normalised on this thread when linking

// Normalises rows [begin, split) of the source into out.keys (sized for [begin, end)); once `made_here`
// says the rows [split, end) are normalised too, adds the chunk to the index being linked, or makes its raws.
void normalize_chunk(const ChunkSource& source, std::size_t begin, std::size_t split, std::size_t end,
                     std::future<void> made_here, WritableChunk& out) {
    for (std::size_t i = begin; i < split; ++i) out.keys[i - begin] = normalize_row(*source.rows[i], source.phone_country);
    made_here.get();
    if (source.index) {
        for (std::size_t k = 0; k < out.keys.size(); ++k) {
            const std::int64_t id = source.first_id + static_cast<std::int64_t>(begin + k);
            source.index->add_stored(stored_keys(id, out.keys[k]));
            source.words.add(id, out.keys[k].name.tokens);
        }
        return;
    }
    out.raws.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) out.raws.push_back(json_string_array(source.rows[i]->record->fields));
}

// Starts making the chunk of rows from `begin` on into `chunk`: on the second thread, whose work the
// returned future waits for, after this one has normalised its share.
std::future<void> start_chunk(const ChunkSource& source, std::size_t begin, WritableChunk& chunk) {
    const std::size_t end = std::min(source.rows.size(), begin + rows_per_chunk);
    const std::size_t here = source.index ? (end - begin) * linking_share_here / 100 : 0;
    chunk = WritableChunk{};
    chunk.keys.resize(end - begin);
    std::promise<void> made_here;
    std::future<void> made = std::async(std::launch::async, normalize_chunk, std::cref(source), begin, end - here, end,
                                        made_here.get_future(), std::ref(chunk));
    for (std::size_t i = end - here; i < end; ++i)
        chunk.keys[i - begin] = normalize_row(*source.rows[i], source.phone_country);
    made_here.set_value();
    return made;
}

}  // namespace

void for_each_chunk(const ChunkSource& source,
                    const std::function<void(std::size_t begin, const WritableChunk& chunk)>& use) {
    const std::size_t count = source.rows.size();
    WritableChunk next;
    std::future<void> next_made;
    if (count > 0) next_made = start_chunk(source, 0, next);
    for (std::size_t begin = 0; begin < count; begin += rows_per_chunk) {
        next_made.get();
        WritableChunk current = std::move(next);
        if (begin + rows_per_chunk < count) next_made = start_chunk(source, begin + rows_per_chunk, next);
        use(begin, current);
    }
}

}  // namespace jobcenter::register_plugin
