// Looking up a run's tagged writes in contact_log.note and register_event.reason.
#include "bench/http_load/written_check.hpp"

#include <set>

#include "jobcenter/database.hpp"

namespace jobcenter::load {

WrittenCheck check_written(const std::filesystem::path& database, const std::vector<Sample>& samples,
                           const std::string& run_tag) {
    auto db = Database::open(database.string());
    std::set<std::string> found;
    for (const char* sql : {"SELECT note FROM contact_log WHERE note LIKE ?1",
                            "SELECT reason FROM register_event WHERE reason LIKE ?1"}) {
        auto rows = db.prepare(sql);
        rows.bind(1, run_tag + " %");
        while (rows.step()) found.insert(rows.get_text(0));
    }
    WrittenCheck check;
    for (const auto& sample : samples) {
        if (sample.tag.empty()) continue;
        if (sample.status >= 400 && sample.status < 500) ++check.refused;
        if (sample.status < 200 || sample.status >= 300) continue;
        ++check.acknowledged;
        if (found.count(sample.tag)) ++check.present;
        else check.missing.push_back(sample.tag);
    }
    return check;
}

}  // namespace jobcenter::load
