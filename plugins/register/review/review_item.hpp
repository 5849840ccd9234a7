// One item of the review queue as stored (a pair of orderers, or a weak bridge inside one), with the
// orderers its two records belong to now: read the same way by the queue's commands and by bridges.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"

namespace jobcenter::register_plugin {

struct ReviewItem {
    std::int64_t id = 0;
    std::int64_t record_a = 0, record_b = 0;  // smaller id first
    double score = 0;                         // log2 odds of the pair at the run that found it
    std::string status;                       // open, skipped, same, not_same, obsolete
    std::int64_t skips = 0;
    std::int64_t orderer_a = 0, orderer_b = 0;  // where the two records are now
    std::string evidence;                       // JSON array of {field, weight, detail}
    std::string kind;                           // pair, bridge
    double average = 0;                         // bridge: average log2 odds between its two parts
    std::vector<std::int64_t> part;             // bridge: the records of the part joined through it
};

// The items' SELECT, ready for a WHERE on `i` (review_item).
extern const char* const review_item_select;
ReviewItem read_review_item(Statement& q);
// The item with this id; NotFoundError when there is none.
ReviewItem load_review_item(Database& db, std::int64_t id);

}  // namespace jobcenter::register_plugin
