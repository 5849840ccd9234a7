// After a mixed run: is every write the server acknowledged (2xx) in the database? Contacts are found by their
// note, decisions by their reason, both the job's tag.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "bench/http_load/open_loop.hpp"

namespace jobcenter::load {

struct WrittenCheck {
    std::size_t acknowledged = 0;  // writes answered 2xx
    std::size_t present = 0;       // of those, found in the database
    std::size_t refused = 0;       // writes answered 4xx (not written, and not expected to be)
    std::vector<std::string> missing;
};

WrittenCheck check_written(const std::filesystem::path& database, const std::vector<Sample>& samples,
                           const std::string& run_tag);

}  // namespace jobcenter::load
