// Worker-clients in the database: writing one (added or updated in place), reading one, and reading every
// client of a unit (or of all units) in id order for matching.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "matching/model/client.hpp"

namespace jobcenter::matching {

enum class WriteOutcome { added, updated, unchanged };

// The task-type codes of the installation.
std::set<std::string> task_type_codes(Database& db);

// Adds or replaces the client's row, skills and profile; the months of earnings given replace those months.
WriteOutcome write_client(Database& db, const Client& client, const std::string& now_iso);

// The unit that holds a client id, if any.
std::optional<std::string> client_unit(Database& db, const std::string& id);

std::optional<Client> read_client(Database& db, const std::string& id, const std::set<std::string>& task_types);

// Every client of `unit` (every client when empty), in id order.
std::vector<Client> read_clients(Database& db, const std::string& unit, const std::set<std::string>& task_types);

}  // namespace jobcenter::matching
