// jobcenter_http_load: an open-loop load client for `jobcenter serve` (docs/http.md#load). Mode `check` POSTs
// register.check with varied names at a fixed rate; mode `mixed` interleaves checks, contact-add and
// review-decide and then verifies that every acknowledged write is in the database. Exit 0 when every request
// was answered without a 5xx (and, mixed, every acknowledged write was found); 1 otherwise; 2 on bad usage.
// `--bodies-out FILE` only writes the check requests, one per line, for wrk to send the same ones.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include "bench/http_load/latency_report.hpp"
#include "bench/http_load/load_jobs.hpp"
#include "bench/http_load/written_check.hpp"
#include "http/support/http_client.hpp"

namespace {
namespace json = boost::json;
using namespace jobcenter::load;

constexpr const char* usage =
    "usage: jobcenter_http_load --port PORT --token SECRET [--mode check|mixed] [--rate N] [--seconds N]\n"
    "                           [--connections N] [--records N --seed N] [--probes N] [--warmup N]\n"
    "                           [--coordinator-token SECRET --db FILE]   (mixed)\n"
    "       jobcenter_http_load --bodies-out FILE [--records N --seed N] [--probes N]\n";

struct Options {
    std::map<std::string, std::string> values{{"mode", "check"},  {"rate", "1000"}, {"seconds", "60"},
                                              {"connections", "8"}, {"records", "0"}, {"seed", "7"},
                                              {"probes", "500"},   {"warmup", "100"}};
    std::string get(const std::string& key) const {
        const auto found = values.find(key);
        return found == values.end() ? std::string() : found->second;
    }
    double number(const std::string& key) const { return std::stod(get(key)); }
};

Options parse(int argc, char** argv) {
    Options options;
    static const std::set<std::string> known{"port", "token", "mode", "rate", "seconds", "connections", "records",
                                             "seed", "probes", "warmup", "coordinator-token", "db", "bodies-out"};
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word.rfind("--", 0) != 0 || !known.count(word.substr(2)) || i + 1 >= argc)
            throw std::invalid_argument("unexpected '" + word + "'");
        options.values[word.substr(2)] = argv[++i];
    }
    if (!options.get("bodies-out").empty()) return options;
    for (const char* required : {"port", "token"})
        if (options.get(required).empty()) throw std::invalid_argument(std::string("--") + required + " is required");
    if (options.get("mode") == "mixed" && (options.get("coordinator-token").empty() || options.get("db").empty()))
        throw std::invalid_argument("--mode mixed needs --coordinator-token and --db");
    if (options.get("mode") != "check" && options.get("mode") != "mixed")
        throw std::invalid_argument("--mode is check or mixed");
    return options;
}

// Untimed checks first, as a service that has answered calls all day has its caches warm.
void warm_up(unsigned short port, const std::string& token, const std::vector<std::string>& probes, std::size_t count) {
    jobcenter::testing::HttpConnection connection(port);
    for (std::size_t i = 0; i < count; ++i)
        connection.request(jobcenter::testing::http::verb::post, "/api/register/check",
                           probes[(probes.size() - 1 - i % probes.size())], token);
}

std::vector<std::string> prepared_bodies(const Options& options) {
    auto probes = check_bodies(static_cast<std::size_t>(options.number("records")),
                               static_cast<std::uint64_t>(options.number("seed")),
                               static_cast<std::size_t>(options.number("probes")));
    std::cerr << probes.size() << " check requests prepared\n";
    return probes;
}

int write_bodies(const Options& options) {
    const auto probes = prepared_bodies(options);
    std::ofstream out(options.get("bodies-out"));
    for (const auto& body : probes) out << body << '\n';
    out.close();
    if (!out) throw std::runtime_error("cannot write " + options.get("bodies-out"));
    return 0;
}

int run(const Options& options) {
    if (!options.get("bodies-out").empty()) return write_bodies(options);
    LoadPlan plan;
    plan.port = static_cast<unsigned short>(options.number("port"));
    plan.rate = options.number("rate");
    plan.duration = std::chrono::milliseconds(static_cast<long>(options.number("seconds") * 1000));
    plan.connections = static_cast<unsigned>(options.number("connections"));
    const std::string token = options.get("token");

    const auto probes = prepared_bodies(options);
    warm_up(plan.port, token, probes, static_cast<std::size_t>(options.number("warmup")));

    const bool mixed = options.get("mode") == "mixed";
    const std::string run_tag = "http-load " + std::to_string(std::time(nullptr));
    std::function<Job(std::uint64_t)> make_job;
    if (mixed)
        make_job = MixedJobs(probes, mixed_targets(plan.port, options.get("coordinator-token")), run_tag, token,
                             options.get("coordinator-token"));
    else
        make_job = [&](std::uint64_t n) { return check_job(probes, n, token); };

    std::cout << "mode " << options.get("mode") << ", " << plan.rate << " requests/s for "
              << plan.duration.count() / 1000.0 << " s over " << plan.connections << " connections\n";
    const auto samples = run_open_loop(plan, make_job);
    const LatencySummary all = summarize(samples);
    print_summary(std::cout, "all", all);
    bool ok = failures(all) == 0;
    if (mixed) {
        print_summary(std::cout, "check", summarize(samples, JobKind::check));
        print_summary(std::cout, "contact-add", summarize(samples, JobKind::contact));
        print_summary(std::cout, "review-decide", summarize(samples, JobKind::decision));
        const WrittenCheck written = check_written(options.get("db"), samples, run_tag);
        std::cout << "writes acknowledged " << written.acknowledged << ", in the database " << written.present
                  << ", refused " << written.refused << ", missing " << written.missing.size() << "\n";
        for (std::size_t i = 0; i < written.missing.size() && i < 10; ++i) std::cout << "missing: " << written.missing[i] << "\n";
        ok = ok && written.missing.empty();
    }
    std::cout << (ok ? "no 5xx, every request answered" : "FAILURES: 5xx or unanswered requests, or writes missing") << "\n";
    return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "jobcenter_http_load: " << e.what() << "\n" << usage;
        return 2;
    }
    try {
        return run(options);
    } catch (const std::exception& e) {
        std::cerr << "jobcenter_http_load: " << e.what() << "\n";
        return 1;
    }
}
