// Serving the web folder: request paths checked and mapped to files inside it, content types by extension.
#include "http/static_files.hpp"

#include <fstream>
#include <sstream>

namespace jobcenter::http_api {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "%2e" -> "."; empty when an escape is cut short or not hexadecimal.
std::optional<std::string> percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_digit(text[i + 1]), low = hex_digit(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

}  // namespace

std::optional<std::filesystem::path> static_file_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    if (target.empty() || target.front() != '/') return std::nullopt;
    auto decoded = percent_decoded(target.substr(1));
    if (!decoded) return std::nullopt;
    const std::string& path = *decoded;
    if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
        path.find('\\') != std::string::npos || (!path.empty() && path.front() == '/'))
        return std::nullopt;
    if (path.empty()) return std::filesystem::path("index.html");
    return std::filesystem::path(path);
}

std::string_view content_type_of(const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    if (extension == ".html") return "text/html; charset=utf-8";
    if (extension == ".js") return "text/javascript; charset=utf-8";
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".json") return "application/json; charset=utf-8";
    return "application/octet-stream";
}

StaticFile StaticFiles::find(std::string_view target) const {
    auto relative = static_file_path(target);
    if (!relative) return {StaticLookup::bad_path, {}, {}};
    if (folder_.empty()) return {};
    const std::filesystem::path file = folder_ / *relative;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return {};
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::ostringstream content;
    content << in.rdbuf();
    return {StaticLookup::found, content.str(), content_type_of(file)};
}

}  // namespace jobcenter::http_api
