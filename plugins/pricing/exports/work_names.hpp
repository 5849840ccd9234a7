// Names a printed document shows instead of codes: a task type's name in Finnish or English (asked of the matching
// plugin's `task-types`, which owns the list) and a unit's title (the host's unit table).
#pragma once

#include <map>
#include <string>
#include <utility>

#include "jobcenter/context.hpp"
#include "pricing/exports/document_language.hpp"

namespace jobcenter::pricing {

class TaskNames {
public:
    static TaskNames load(Context& ctx);
    // The name in `language`, starting with a capital; the code itself for a code the list lacks.
    std::string name_of(const std::string& code, Language language) const;

private:
    std::map<std::string, std::pair<std::string, std::string>> names_;  // code -> (fi, en)
};

// The unit's title ("Pakilan työkeskus"), or its name when the unit is unknown.
std::string unit_title(Database& db, const std::string& unit);

}  // namespace jobcenter::pricing
