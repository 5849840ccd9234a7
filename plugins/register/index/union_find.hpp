// Disjoint sets of the numbers below a size (union-find): each set is named by its root, found by walking
// up the parents and halving the path on the way. The caller decides which of two roots stays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <vector>

namespace jobcenter::register_plugin {

class UnionFind {
public:
    explicit UnionFind(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0u); }

    // The root of x's set.
    std::uint32_t find(std::uint32_t x) {
        while (parent_[x] != x) {
            parent_[x] = parent_[parent_[x]];
            x = parent_[x];
        }
        return x;
    }

    // Puts the set of root `child` into the set of root `root`.
    void attach(std::uint32_t child, std::uint32_t root) { parent_[child] = root; }

private:
    std::vector<std::uint32_t> parent_;
};

}  // namespace jobcenter::register_plugin
