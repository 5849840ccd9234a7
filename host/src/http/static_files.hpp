// The review page's files under the config's `web` folder: which file a request path names (never one outside
// the folder), its content type, and the file's bytes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jobcenter::http_api {

// The file a request target names, relative to the web folder: "/" is "index.html", the query is dropped,
// %XX escapes are decoded. Empty when the path holds "..", a NUL or a backslash, or an escape is malformed.
std::optional<std::filesystem::path> static_file_path(std::string_view target);

// "text/html; charset=utf-8" for .html, and the types of .js, .css, .svg, .png, .json; else
// "application/octet-stream".
std::string_view content_type_of(const std::filesystem::path& file);

enum class StaticLookup { found, bad_path, not_found };

struct StaticFile {
    StaticLookup lookup = StaticLookup::not_found;
    std::string content;
    std::string_view content_type;
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path folder) : folder_(std::move(folder)) {}  // "" serves none
    StaticFile find(std::string_view target) const;

private:
    std::filesystem::path folder_;
};

}  // namespace jobcenter::http_api
