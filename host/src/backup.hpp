// `jobcenter backup FILE`: a consistent copy of the live database in a new file.
#pragma once

#include <boost/json.hpp>
#include <filesystem>

#include "host_services.hpp"

namespace jobcenter {

// Copies the database at `paths.database` into `target` (see copy_to_new_file) and describes the copy:
// its file, size and the migrations it carries. `options` say how long to wait for a busy database. The database itself is neither migrated nor changed.
boost::json::object backup_database(const HostPaths& paths, const OpenOptions& options, const std::filesystem::path& target);

}  // namespace jobcenter
