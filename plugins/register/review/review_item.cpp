// Reading review-queue items (see review_item.hpp).
#include "register/review/review_item.hpp"

#include <boost/json.hpp>

#include "jobcenter/errors.hpp"

namespace jobcenter::register_plugin {

const char* const review_item_select =
    "SELECT i.id, i.record_a, i.record_b, i.score, i.status, i.skips, a.orderer_id, b.orderer_id, i.evidence, i.kind, "
    "coalesce(i.average, 0), coalesce(i.part, '[]') "
    "FROM review_item i JOIN source_record a ON a.id = i.record_a JOIN source_record b ON b.id = i.record_b ";

ReviewItem read_review_item(Statement& q) {
    ReviewItem item{q.get_int(0), q.get_int(1), q.get_int(2), q.get_double(3), q.get_text(4), q.get_int(5),
                    q.get_int(6), q.get_int(7), q.get_text(8),   q.get_text(9),   q.get_double(10), {}};
    const boost::json::value part = boost::json::parse(q.get_text_view(11));
    for (const auto& id : part.as_array()) item.part.push_back(id.as_int64());
    return item;
}

ReviewItem load_review_item(Database& db, std::int64_t id) {
    auto q = db.prepare(std::string(review_item_select) + "WHERE i.id = ?");
    q.bind(1, id);
    if (!q.step()) throw NotFoundError("no review item has the id " + std::to_string(id) + " (see register review list)");
    return read_review_item(q);
}

}  // namespace jobcenter::register_plugin
