// The task-type code list: listing it (optionally one area) and extending it.
#include "matching/catalog/task_types.hpp"

#include <algorithm>
#include <set>

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

json::value add_task_type(Context& ctx, const json::object& request) {
    static const std::set<std::string> areas{"cleaning", "packing", "outdoor", "logistics", "crafts", "kitchen", "care", "office", "events"};
    const auto code = params::required_string(request, "code");
    const bool well_formed = !code.empty() && code.size() <= 40 && code.front() != '-' && code.back() != '-' &&
                             std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
    if (!well_formed) throw InputError("'" + code + "' cannot be a task-type code: use lowercase letters, digits and '-', at most 40", "CODE");
    const auto area = params::required_string(request, "area");
    if (!areas.count(area))
        throw InputError("unknown area '" + area + "': use cleaning, packing, outdoor, logistics, crafts, kitchen, care, office or events", "--area");
    const auto name_fi = params::required_string(request, "name_fi");
    const auto name_en = params::required_string(request, "name_en");
    auto& exists = ctx.db().cached("SELECT name_en FROM task_type WHERE code = ?");
    exists.bind(1, code);
    const bool taken = exists.step();
    exists.reset();
    if (taken) throw RefusedError("task type '" + code + "' exists already", "CODE");
    ctx.db().prepare("INSERT INTO task_type(code, name_fi, name_en, area) VALUES(?,?,?,?)").bind_all(code, name_fi, name_en, area).run();
    ctx.audit("matching.task-type-add", "task_type", code, name_en);
    return json::object{{"code", code}, {"name_fi", name_fi}, {"name_en", name_en}, {"area", area}, {"added", true}};
}

}  // namespace jobcenter::matching
