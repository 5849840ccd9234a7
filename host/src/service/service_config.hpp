// The configuration of `jobcenter serve` and of the C API: one `key = value` file (docs/admin.md lists every
// key), read into ServiceConfig with each value checked and each error naming the file and line.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>

#include "host_services.hpp"

namespace jobcenter {

struct ServiceConfig {
    std::filesystem::path source;   // the file it was read from ("" when built in code)
    std::string listen_address = "127.0.0.1";  // listen = ADDRESS:PORT; loopback unless another is chosen
    unsigned short listen_port = 8080;
    HostPaths paths;                // database, plugins, schema, scripts (as the command line resolves them)
    std::filesystem::path tokens;   // tokens = FILE: the token file (`jobcenter token add` writes it)
    std::filesystem::path web;      // web = FOLDER: the review page's files; "" serves none
    unsigned threads = 4;           // threads = N: requests served at once
    std::size_t max_body_bytes = 1 << 20;                 // max_body_bytes = N: larger bodies get 413
    unsigned max_json_depth = 32;                         // max_json_depth = N: deeper requests get 400
    std::chrono::seconds request_timeout{30};             // request_timeout_seconds: to read a whole request
    std::chrono::seconds idle_timeout{15};                // idle_timeout_seconds: a kept-alive connection's silence
    std::chrono::seconds write_wait{5};                   // write_wait_seconds: wait for another process's write lock
    unsigned auth_failures_before_throttle = 5;           // auth_failures = N: failures per peer before slowing down
    std::chrono::seconds script_recheck{1};               // script_recheck_seconds: how soon a changed script is used
    std::size_t cache_mib = 256;                          // cache_mib: each connection's page cache (0: SQLite's 2 MiB)
};

// Reads and checks a config file. Unknown keys, malformed lines and bad values are UsageErrors naming
// "FILE:LINE" and the key; a relative path in a value is taken from the config file's folder.
ServiceConfig read_service_config(const std::filesystem::path& file);

}  // namespace jobcenter
