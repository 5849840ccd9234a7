// Fuzz target: a command's JSON request through the router, as the HTTP and C APIs hand it over, on a
// small register (two units, a few orderers, a dedupe run that merges a pair and queues another). The input's first line names the command and
// the caller ("register add staff pakila"; "-" for no unit), the rest is the JSON request. Each request
// runs inside a transaction that is rolled back, so every input meets the same register. A user's mistake
// is a typed error; an internal fault or any other exception is a finding.
#include <memory>
#include <string>
#include <vector>

#include "fuzz_target.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "router.hpp"
#include "terminal_progress.hpp"

namespace {

namespace json = boost::json;
using namespace jobcenter;

// A fixed instant, so that an input does the same on every run ("contacted within 30 days").
class FixedClock final : public Clock {
public:
    std::chrono::system_clock::time_point now() const override { return now_; }

private:
    std::chrono::system_clock::time_point now_ = parse_utc_instant("2026-01-15T10:00:00Z", "fuzz clock");
};

// Commands left out: they read or write files named in the request.
bool reads_or_writes_files(std::string_view group, std::string_view command) {
    return (group == "register" && (command == "import" || command == "demo")) || group == "script";
}

// The register every request meets, built once.
class FuzzedRegister {
public:
    FuzzedRegister()
        : router_(HostPaths{fuzz::scratch_folder() / "register.db", JOBCENTER_FUZZ_PLUGIN_DIR,
                            JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"},
                  load_plugins(JOBCENTER_FUZZ_PLUGIN_DIR), clock_, log_) {
        add_host_commands(router_);
        const Caller admin{"", Role::admin};
        router_.execute(admin, "unit", "add", {{"name", "pakila"}, {"title", "Pakila"}, {"organisation", "KUTY"}},
                        progress_);
        router_.execute(admin, "unit", "add", {{"name", "toolo"}, {"title", "Töölö"}, {"organisation", "VATTI"}},
                        progress_);
        const json::object orderers[] = {
            {{"name", "Kukkakauppa Ruusu Oy"}, {"business_id", "0737546-2"}, {"phone", "09 123 4567"}},
            {{"name", "Kukkakauppa Ruusu"}, {"phone", "+358 9 1234567"}, {"street", "Mannerheimintie 1"}},
            {{"name", "Helsingin kaupunki, Kasko"}, {"email", "kirjaamo@hel.fi"}, {"postcode", "00100"}},
            {{"name", "Siivous Kiilto Ky"}, {"email", "info@kiilto.fi"}, {"city", "Helsinki"}},
            {{"name", "Kahvila Kulma"}, {"street", "Kalliontie 5"}, {"postcode", "00530"}},
            {{"name", "Kahvila Kulma"}, {"street", "T\u00f6\u00f6l\u00f6ntori 2"}, {"postcode", "00260"}},
        };
        for (std::size_t i = 0; i < std::size(orderers); ++i)
            router_.execute({i % 2 ? "toolo" : "pakila", Role::staff}, "register", "add", orderers[i], progress_);
        router_.execute({"pakila", Role::coordinator}, "register", "dedupe", {}, progress_);
    }

    // Runs one request and rolls back whatever it wrote.
    void run(const Caller& caller, std::string_view group, std::string_view command, const json::object& request) {
        router_.database().exec("BEGIN IMMEDIATE");
        try {
            router_.execute(caller, group, command, request, progress_);
        } catch (const InternalError& e) {
            fuzz::finding("router_request", e.describe());
        } catch (const Error&) {
        }
        router_.database().exec("ROLLBACK");
    }
    const CommandRouter& router() const { return router_; }

private:
    FixedClock clock_;
    StderrLogger log_{Logger::Level::error};  // as --quiet
    TerminalProgress progress_{false};
    CommandRouter router_;
};

std::vector<std::string_view> words_of(std::string_view line) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0; start < line.size();) {
        std::size_t end = std::min(line.find(' ', start), line.size());
        if (end > start) words.push_back(line.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

}  // namespace

JOBCENTER_FUZZ_TARGET(router_request) {
    static FuzzedRegister fuzzed;
    std::size_t line_end = std::min(input.find('\n'), input.size());
    std::vector<std::string_view> words = words_of(input.substr(0, line_end));
    if (words.size() != 4 || reads_or_writes_files(words[0], words[1])) return;
    if (!fuzzed.router().find(words[0], words[1])) return;
    Caller caller;
    try {
        caller = Caller{words[3] == "-" ? "" : std::string(words[3]), parse_role(words[2])};
    } catch (const UsageError&) {
        return;
    }
    boost::system::error_code error;
    json::value request = json::parse(input.substr(std::min(line_end + 1, input.size())), error);
    if (error || !request.is_object()) return;  // what a front end refuses before any command runs
    fuzzed.run(caller, words[0], words[1], request.get_object());
}
