// Listing task types, optionally of one area.
#include "matching/catalog/task_types.hpp"

#include "jobcenter/params.hpp"

namespace jobcenter::matching {
namespace json = boost::json;

json::value list_task_types(Context& ctx, const json::object& request) {
    auto area = params::optional_string(request, "area");
    auto q = ctx.db().prepare("SELECT code, name_fi, name_en, area FROM task_type WHERE ?1 IS NULL OR area = ?1 ORDER BY area, code");
    q.bind(1, area);
    json::array rows;
    while (q.step())
        rows.push_back(json::object{{"code", q.get_text(0)}, {"name_fi", q.get_text(1)}, {"name_en", q.get_text(2)},
                                    {"area", q.get_text(3)}});
    if (rows.empty() && area) throw NotFoundError("no task types in the area '" + *area + "'", "--area");
    return json::object{{"count", rows.size()}, {"rows", std::move(rows)}};
}

}  // namespace jobcenter::matching
