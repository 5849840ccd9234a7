// Loading task-type names through the matching plugin and reading unit titles.
#include "pricing/exports/work_names.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;

TaskNames TaskNames::load(Context& ctx) {
    TaskNames names;
    const json::value list = ctx.call("matching.task-types", json::object{});
    for (const auto& row : list.at("rows").as_array()) {
        const auto& task = row.as_object();
        names.names_[std::string(task.at("code").as_string())] = {std::string(task.at("name_fi").as_string()),
                                                                    std::string(task.at("name_en").as_string())};
    }
    return names;
}

std::string TaskNames::name_of(const std::string& code, Language language) const {
    auto it = names_.find(code);
    if (it == names_.end()) return code;
    std::string name = language == Language::fi ? it->second.first : it->second.second;
    if (!name.empty() && name.front() >= 'a' && name.front() <= 'z') name.front() = static_cast<char>(name.front() - 'a' + 'A');
    return name;
}

std::string unit_title(Database& db, const std::string& unit) {
    auto& q = db.cached("SELECT title FROM unit WHERE name = ?");
    q.bind(1, unit);
    std::string title = q.step() ? q.get_text(0) : unit;
    q.reset();
    return title;
}

}  // namespace jobcenter::pricing
