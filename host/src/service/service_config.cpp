// Reads the `key = value` config file of serve and the C API, checking each value where it is written.
#include "service/service_config.hpp"

#include <charconv>
#include <fstream>
#include <functional>
#include <map>

#include "jobcenter/errors.hpp"

namespace jobcenter {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

std::uint64_t whole_number(const std::string& value, std::uint64_t least, std::uint64_t most, const std::string& where) {
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size() || number < least || number > most)
        throw UsageError("'" + value + "' is not a whole number from " + std::to_string(least) + " to " +
                             std::to_string(most),
                         where);
    return number;
}

// "127.0.0.1:8080", "[::1]:8080" or "0.0.0.0:0" (port 0: any free port).
void read_listen(const std::string& value, ServiceConfig& config, const std::string& where) {
    const auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw UsageError("listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080; got '" + value + "'", where);
    std::string address = value.substr(0, colon);
    if (address.size() > 2 && address.front() == '[' && address.back() == ']') address = address.substr(1, address.size() - 2);
    config.listen_address = address;
    config.listen_port = static_cast<unsigned short>(whole_number(value.substr(colon + 1), 0, 65535, where));
}

}  // namespace

ServiceConfig read_service_config(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw NotFoundError("cannot read the config file", file.string());
    ServiceConfig config;
    config.source = file;
    const std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
    auto path_of = [&](const std::string& value) {
        std::filesystem::path p(value);
        return p.is_absolute() ? p : folder / p;
    };
    PathOptions paths;
    using Setter = std::function<void(const std::string&, const std::string&)>;
    const std::map<std::string, Setter> keys{
        {"listen", [&](const std::string& v, const std::string& w) { read_listen(v, config, w); }},
        {"database", [&](const std::string& v, const std::string&) { paths.database = path_of(v); }},
        {"plugins", [&](const std::string& v, const std::string&) { paths.plugins = path_of(v); }},
        {"schema", [&](const std::string& v, const std::string&) { paths.schema = path_of(v); }},
        {"scripts", [&](const std::string& v, const std::string&) { paths.scripts = path_of(v); }},
        {"tokens", [&](const std::string& v, const std::string&) { config.tokens = path_of(v); }},
        {"web", [&](const std::string& v, const std::string&) { config.web = v.empty() ? std::filesystem::path{} : path_of(v); }},
        {"threads", [&](const std::string& v, const std::string& w) { config.threads = unsigned(whole_number(v, 1, 256, w)); }},
        {"max_body_bytes",
         [&](const std::string& v, const std::string& w) { config.max_body_bytes = whole_number(v, 1024, 1ull << 30, w); }},
        {"max_json_depth",
         [&](const std::string& v, const std::string& w) { config.max_json_depth = unsigned(whole_number(v, 2, 1000, w)); }},
        {"request_timeout_seconds",
         [&](const std::string& v, const std::string& w) { config.request_timeout = std::chrono::seconds(whole_number(v, 1, 3600, w)); }},
        {"idle_timeout_seconds",
         [&](const std::string& v, const std::string& w) { config.idle_timeout = std::chrono::seconds(whole_number(v, 1, 3600, w)); }},
        {"write_wait_seconds",
         [&](const std::string& v, const std::string& w) { config.write_wait = std::chrono::seconds(whole_number(v, 0, 3600, w)); }},
        {"cache_mib", [&](const std::string& v, const std::string& w) { config.cache_mib = whole_number(v, 0, 65536, w); }},
        {"script_recheck_seconds",
         [&](const std::string& v, const std::string& w) { config.script_recheck = std::chrono::seconds(whole_number(v, 0, 3600, w)); }},
        {"auth_failures",
         [&](const std::string& v, const std::string& w) { config.auth_failures_before_throttle = unsigned(whole_number(v, 1, 1000, w)); }},
    };
    std::map<std::string, int> seen;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string where = file.string() + ":" + std::to_string(number);
        const std::string text = trimmed(line);
        if (text.empty() || text.front() == '#') continue;
        const auto equals = text.find('=');
        if (equals == std::string::npos) throw UsageError("a config line is `key = value`; this one has no '='", where);
        const std::string key = trimmed(text.substr(0, equals));
        const std::string value = trimmed(text.substr(equals + 1));
        const auto setter = keys.find(key);
        if (setter == keys.end()) throw UsageError("unknown config key '" + key + "': docs/admin.md lists every key", where);
        if (auto [it, fresh] = seen.emplace(key, number); !fresh)
            throw UsageError("the key '" + key + "' is given twice (first on line " + std::to_string(it->second) + ")", where);
        setter->second(value, where + " (" + key + ")");
    }
    if (config.tokens.empty())
        throw UsageError("the config names no token file: add `tokens = FILE` (see `jobcenter token add`)", file.string());
    config.paths = resolve_paths(paths);
    return config;
}

}  // namespace jobcenter
