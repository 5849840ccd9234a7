// Removing a vector's items at marked positions in place, the others kept in order: rows set aside and
// columns left out of an import.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace jobcenter::register_plugin {

// Keeps the items of `items` whose position is not marked in `marked` (as long as `items`).
template <class Item>
void erase_marked(std::vector<Item>& items, const std::vector<char>& marked) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (marked[i]) continue;
        if (kept != i) items[kept] = std::move(items[i]);
        ++kept;
    }
    items.resize(kept);
}

}  // namespace jobcenter::register_plugin
