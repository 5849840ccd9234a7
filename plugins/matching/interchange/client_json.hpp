// A worker-client in the interchange file's JSON form, both ways: reading checks every field and names
// the path of the first wrong one; writing gives the same form back (`client show`, exports).
#pragma once

#include <boost/json.hpp>
#include <set>
#include <string>

#include "matching/model/client.hpp"

namespace jobcenter::matching {

// Reads one client at `path` ("clients[3]"); `task_types` is the code list skills and tasks must use.
Client client_from_json(const boost::json::value& value, const std::string& path, const std::set<std::string>& task_types);
boost::json::object client_to_json(const Client& client);
// Hours as the file gives them: a whole number (8), or decimal text for part hours ("2.5").
boost::json::value hours_json(int minutes);

}  // namespace jobcenter::matching
