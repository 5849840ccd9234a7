// The arcs a stage's linear model and search work on: each order's best few plus whatever the pricing or a
// known assignment adds. Kept as a flag per arc and an ascending list.
#pragma once

#include <cstdint>
#include <vector>

#include "matching/assignment/indexed_problem.hpp"

namespace jobcenter::matching {

class CandidateArcs {
public:
    explicit CandidateArcs(const IndexedProblem& problem);

    // Each order's best arcs by score: its fill target, and as many again (at least 3 more) to choose from.
    void add_best_of_each_order();
    void add(std::int32_t a);
    void add_all(const std::vector<std::int32_t>& arcs);
    bool contains(std::int32_t a) const { return flags_[static_cast<std::size_t>(a)] != 0; }
    const std::vector<char>& flags() const { return flags_; }
    // The candidates, ascending.
    std::vector<std::int32_t> list() const;
    std::size_t size() const { return count_; }

private:
    const IndexedProblem& problem_;
    std::vector<char> flags_;
    std::size_t count_ = 0;
};

}  // namespace jobcenter::matching
