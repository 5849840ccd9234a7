// A unit's everyday `register import --link` into a large register, in one process that keeps the register's
// index between commands (as `jobcenter serve` runs them, through one router), against the command line,
// where every import is a fresh process that reads the register first. Each day's import after the first
// runs both ways from the same register (the command line on a copy); both must give the same clusters.
// Prints what an index of the whole register costs alone (memory, time to read and to copy), then each
// import's wall and CPU time, how its index came (loaded, kept), its mode and the records it recomputed, this
// process's memory (RSS) after it and at its peak, and the command line's peak.
// Run: JOBCENTER_BENCH_RECORDS=1000000 JOBCENTER_BENCH_DB=/tmp/everyday-1m.db ./build/jobcenter_resident_bench
// $JOBCENTER_BENCH_RECORDS: the register's generated records (default 100000, seed 7, one import --link);
// $JOBCENTER_BENCH_NEW: each day's new records (default 5000); $JOBCENTER_BENCH_DAYS: days (default 3);
// $JOBCENTER_BENCH_DB: a register to keep between runs (built the first time, copied for each run after).
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "generator/register_generator.hpp"
#include "host_commands.hpp"
#include "host_services.hpp"
#include "register/index/record_index.hpp"
#include "router.hpp"
#include "support/test_support.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace jobcenter;

std::size_t env_size(const char* name, std::size_t fallback) {
    const char* value = std::getenv(name);
    return value && *value ? std::strtoull(value, nullptr, 10) : fallback;
}

// A line of /proc/self/status in MiB ("VmRSS", "VmHWM").
double status_mib(const std::string& field) {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind(field + ":", 0) == 0) return std::strtod(line.c_str() + field.size() + 1, nullptr) / 1024.0;
    return 0;
}

// This process's CPU time so far (user + system, all threads), in seconds.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void run_cli(const std::vector<std::string>& args) {
    const auto r = testing::run_jobcenter(args);
    if (r.exit_code != 0) throw std::runtime_error("jobcenter failed: " + r.err);
}

// A command line run measured by /usr/bin/time: wall and CPU seconds, peak memory in MiB.
struct Measured {
    double wall = 0, cpu = 0, peak_mib = 0;
};
Measured run_cli_measured(const std::vector<std::string>& args, const fs::path& times) {
    std::vector<std::string> timed{"-f", "%e %U %S %M", "-o", times.string(), JOBCENTER_BINARY};
    timed.insert(timed.end(), args.begin(), args.end());
    const auto r = testing::run_program("/usr/bin/time", timed);
    if (r.exit_code != 0) throw std::runtime_error("jobcenter failed: " + r.err);
    std::ifstream in(times);
    double user = 0, system = 0;
    Measured m;
    in >> m.wall >> user >> system >> m.peak_mib;
    m.cpu = user + system;
    m.peak_mib /= 1024.0;
    return m;
}

// What an index of the whole register costs this process: its memory (RSS, the allocator's free memory
// handed back before and after) and the time to read it.
void measure_index_alone(const fs::path& db) {
    malloc_trim(0);
    const double before = status_mib("VmRSS");
    const auto started = std::chrono::steady_clock::now();
    auto opened = Database::open(db);
    auto index = std::make_unique<register_plugin::RecordIndex>(register_plugin::RecordIndex::load(opened));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    malloc_trim(0);
    const double with = status_mib("VmRSS");
    const auto copied_at = std::chrono::steady_clock::now();
    const auto copy = index->copy_with_room(5000);
    const std::chrono::duration<double> copying = std::chrono::steady_clock::now() - copied_at;
    std::printf("an index of the register alone: %.0f MiB (RSS), read and weighed in %.2f s, copied in %.2f s\n",
                with - before, took.count(), copying.count());
}

// The register as one import --link of `records` generated records makes it.
void build_register(const fs::path& db, std::size_t records, const testing::TempDir& dir) {
    testing::GeneratorOptions options;
    options.records = records;
    options.seed = 7;
    options.as_environment_says();
    testing::write_registers_csv(testing::generate_registers(options), dir / "register.csv", false);
    for (const auto& unit : options.units)
        run_cli({"--db", db.string(), "--quiet", "--role", "admin", "unit", "add", unit, "--title", unit, "--organisation", "KUTY"});
    const auto started = std::chrono::steady_clock::now();
    run_cli({"--db", db.string(), "--quiet", "--role", "coordinator", "register", "import", (dir / "register.csv").string(),
             "--unit-column", "unit", "--link"});
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::cerr << "register of " << records << " records made by import --link in " << took.count() << " s\n";
}

// Day `day`'s new records: generated with a seed of their own, ids of their own.
fs::path write_day(std::size_t day, std::size_t count, const testing::TempDir& dir) {
    testing::GeneratorOptions options;
    options.records = count;
    options.seed = 100 + day;
    options.as_environment_says();
    auto records = testing::generate_registers(options);
    for (auto& r : records) r.source_id = "D" + std::to_string(day) + "-" + r.source_id;
    const fs::path file = dir / ("day-" + std::to_string(day) + ".csv");
    testing::write_registers_csv(records, file, false);
    return file;
}

// A copy of a database that no connection writes to now (its write-ahead log emptied into it first).
void copy_database(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(to.string() + suffix);
    fs::copy_file(from, to);
    if (fs::exists(from.string() + "-wal")) fs::copy_file(from.string() + "-wal", to.string() + "-wal");
}

json::value export_clusters(const fs::path& db) {
    const auto r = testing::run_jobcenter({"--db", db.string(), "--format", "json", "register", "export-clusters"});
    return json::parse(r.out);
}

}  // namespace

int main() {
    const std::size_t records = env_size("JOBCENTER_BENCH_RECORDS", 100000);
    const std::size_t daily = env_size("JOBCENTER_BENCH_NEW", 5000);
    const std::size_t days = env_size("JOBCENTER_BENCH_DAYS", 3);
    testing::TempDir dir;
    const char* kept_env = std::getenv("JOBCENTER_BENCH_DB");
    const fs::path kept = kept_env && *kept_env ? fs::path(kept_env) : dir / "register.db";
    if (!fs::exists(kept)) build_register(kept, records, dir);
    std::vector<fs::path> files;
    for (std::size_t day = 1; day <= days; ++day) files.push_back(write_day(day, daily, dir));

    const fs::path work = dir / "work.db", cli = dir / "cli.db";
    copy_database(kept, work);
    measure_index_alone(work);
    SystemClock clock;
    testing::SilentLogger log;
    TerminalProgress progress{false};
    HostPaths paths{work, JOBCENTER_PLUGIN_DIR, JOBCENTER_SOURCE_DIR "/schema", JOBCENTER_SOURCE_DIR "/scripts"};
    CommandRouter router(paths, load_plugins(paths.plugins), clock, log);
    add_host_commands(router);
    router.database();
    std::printf("register %zu records, %zu new records a day; RSS before the first import %.0f MiB\n", records, daily,
                status_mib("VmRSS"));
    std::printf("%-4s %-13s %9s %7s %-9s %-12s %11s %10s %10s\n", "day", "run", "wall s", "cpu s", "index", "mode", "recomputed",
                "RSS MiB", "peak MiB");
    for (std::size_t day = 1; day <= days; ++day) {
        const fs::path& file = files[day - 1];
        if (day > 1) {
            // The same import as a fresh process on a copy of the same register.
            router.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
            copy_database(work, cli);
            sync();
            const Measured m = run_cli_measured({"--db", cli.string(), "--quiet", "--role", "coordinator", "register", "import",
                                                 file.string(), "--unit-column", "unit", "--link"},
                                                dir / "times");
            std::printf("%-4zu %-13s %9.2f %7.2f %-9s %-12s %11s %10s %10.0f\n", day, "command line", m.wall, m.cpu, "loaded", "",
                        "", "", m.peak_mib);
        }
        sync();
        const double cpu_before = cpu_seconds();
        const auto started = std::chrono::steady_clock::now();
        const json::value reply = router.execute({"", Role::coordinator}, "register", "import",
                                                 {{"file", file.string()}, {"unit_column", "unit"}, {"link", true}}, progress);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        const auto& linked = reply.at("linked").as_object();
        std::printf("%-4zu %-13s %9.2f %7.2f %-9s %-12s %11lld %10.0f %10.0f\n", day, "in process", took.count(),
                    cpu_seconds() - cpu_before,
                    linked.contains("index") ? std::string(linked.at("index").as_string()).c_str() : "-",
                    std::string(linked.at("mode").as_string()).c_str(),
                    linked.contains("reclustered") ? linked.at("reclustered").to_number<long long>() : 0LL,
                    status_mib("VmRSS"), status_mib("VmHWM"));
        std::fflush(stdout);
        if (day > 1 && export_clusters(work) != export_clusters(cli)) {
            std::printf("day %zu: the clusters differ from the command line's\n", day);
            return 1;
        }
    }
    std::printf("every day's clusters the same both ways\n");
    return 0;
}
