// Crash trials: jobcenter killed with SIGKILL at random moments of `register import --link`, `register
// dedupe`, `register merge` and `register unmerge` on a register of about 100,000 source records, and of
// `pricing payroll run` over a few thousand approved gig occurrences. After every kill the database passes
// SQLite's checks and the register's history rules and holds exactly the state before the command or the
// state after it (compared with a run that was not killed), and running the command again gives the state
// after it. Label `crash`: minutes, not part of the everyday suite.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <random>

#include "crash/database_state.hpp"
#include "crash/killed_run.hpp"
#include "generator/register_generator.hpp"
#include "jobcenter/database.hpp"
#include "pricing/support/approved_work_rows.hpp"
#include "support/test_support.hpp"

namespace jobcenter::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::microseconds;
using std::chrono::milliseconds;

const std::vector<std::string> fixed_clock{"JOBCENTER_NOW=2026-01-15T10:00:00Z"};
const std::vector<std::string> units{"uusix", "avotyo", "pakila", "vallila", "capsa", "toolo", "tuettu"};

std::size_t number_from_env(const char* name, std::size_t fallback) {
    const char* text = std::getenv(name);
    return text && *text ? std::strtoull(text, nullptr, 10) : fallback;
}

// A command of a trial, for the database at `db`.
using CommandFor = std::vector<std::string> (*)(const fs::path& db);

std::vector<std::string> as_coordinator(const fs::path& db, std::vector<std::string> command) {
    std::vector<std::string> args{"--db", db.string(), "--quiet", "--role", "coordinator"};
    args.insert(args.end(), command.begin(), command.end());
    return args;
}

void run_or_fail(const std::vector<std::string>& args) {
    auto run = run_to_the_end(args, fixed_clock);
    if (run.exit_code != 0) throw std::runtime_error("setting up the crash trials: jobcenter exited " +
                                                     std::to_string(run.exit_code) + " on " + args.back());
}

void copy_database(const fs::path& from, const fs::path& to) {
    for (const char* suffix : {"", "-wal", "-shm", "-writer"}) fs::remove(to.string() + suffix);
    fs::copy_file(from, to);
}

std::int64_t single_number(const fs::path& path, const std::string& sql) {
    auto db = Database::open(path, {.create = false});
    auto q = db.prepare(sql);
    if (!q.step() || q.is_null(0)) throw std::runtime_error("setting up the crash trials: nothing for " + sql);
    return q.get_int(0);
}

// The registers the trials start from, each made once per process and checkpointed into one file.
class Registers {
public:
    static Registers& get() {
        static Registers registers;
        return registers;
    }
    fs::path csv() const { return dir_ / "registers.csv"; }

    // Units only.
    const fs::path& empty() {
        if (empty_.empty()) {
            empty_ = dir_ / "empty.db";
            for (const auto& unit : units)
                run_or_fail({"--db", empty_.string(), "--quiet", "--role", "admin", "unit", "add", unit, "--title",
                             unit, "--organisation", "KUTY"});
            checkpoint(empty_);
        }
        return empty_;
    }
    // Every record imported, not linked.
    const fs::path& imported() { return made(imported_, "imported.db", empty(), {"register", "import", csv().string(), "--unit-column", "unit"}); }
    // Every record imported and linked.
    const fs::path& linked() { return made(linked_, "linked.db", empty(), {"register", "import", csv().string(), "--unit-column", "unit", "--link"}); }
    // Linked, then merge_command() applied.
    const fs::path& merged() { return made(merged_, "merged.db", linked(), merge_command()); }
    // The second largest orderer without a business ID merged by hand into the largest one.
    std::vector<std::string> merge_command() {
        const std::string largest =
            "SELECT o.id FROM orderer o JOIN source_record r ON r.orderer_id = o.id "
            "WHERE o.merged_into IS NULL AND o.business_id IS NULL GROUP BY o.id ORDER BY count(*) DESC, o.id ";
        const auto into = single_number(linked(), largest + "LIMIT 1");
        const auto merged_away = single_number(linked(), largest + "LIMIT 1 OFFSET 1");
        return {"register", "merge", std::to_string(merged_away), "--into", std::to_string(into),
                "--by",     "Crash Trial", "--reason", "trial"};
    }
    std::int64_t last_merge_event() {
        return single_number(merged(), "SELECT max(id) FROM register_event WHERE kind = 'merge'");
    }

private:
    Registers() {
        GeneratorOptions options;
        options.records = number_from_env("JOBCENTER_CRASH_RECORDS", 100000);
        options.as_environment_says();
        options.seed = 7;
        write_registers_csv(generate_registers(options), csv(), false);
    }

    const fs::path& made(fs::path& slot, const char* name, const fs::path& base, std::vector<std::string> command) {
        if (slot.empty()) {
            fs::path db = dir_ / name;
            copy_database(base, db);
            run_or_fail(as_coordinator(db, std::move(command)));
            checkpoint(db);
            slot = db;
        }
        return slot;
    }

    TempDir dir_;
    fs::path empty_, imported_, linked_, merged_;
};

// The database the payroll trial starts from, made once per process: two units, eight orderers entered in the
// register and 5,000 approved gig occurrences of 500 workers (JOBCENTER_CRASH_OCCURRENCES) written into the
// matching tables, checkpointed into one file.
class PayrollWork {
public:
    static PayrollWork& get() {
        static PayrollWork work;
        return work;
    }
    const fs::path& base() const { return base_; }

private:
    PayrollWork() {
        for (const char* unit : {"pakila", "toolo"})
            run_or_fail({"--db", base_.string(), "--quiet", "--role", "admin", "unit", "add", unit, "--title", unit,
                         "--organisation", "KUTY"});
        for (int o = 1; o <= 8; ++o)
            run_or_fail({"--db", base_.string(), "--quiet", "--unit", "pakila", "register", "add", "--name",
                         "Orderer " + std::to_string(o)});
        std::vector<std::int64_t> orderers;
        {
            auto db = Database::open(base_, {.create = false});
            auto q = db.prepare("SELECT id FROM orderer ORDER BY id");
            while (q.step()) orderers.push_back(q.get_int(0));
        }
        write_approved_work(base_, static_cast<int>(number_from_env("JOBCENTER_CRASH_OCCURRENCES", 5000)), 500, orderers);
        checkpoint(base_);
    }

    TempDir dir_;
    fs::path base_ = dir_ / "payroll.db";
};

enum class Landed { before, after, neither };

const char* landed_name(Landed landed) {
    switch (landed) {
        case Landed::before: return "before";
        case Landed::after: return "after";
        case Landed::neither: return "NEITHER";
    }
    return "?";
}

// Runs `trials` kills of `command` on copies of `base` (in its folder), at moments drawn from a fixed seed over
// the reference run's wall time (and a tenth beyond it), and prints one line per trial.
void run_trials(const std::string& name, const fs::path& base, const std::vector<std::string>& command,
                std::size_t trials, std::uint64_t seed) {
    const fs::path db = base.parent_path() / ("trial-" + name + ".db");
    const auto before = content_hash(base);

    copy_database(base, db);
    auto reference = run_to_the_end(as_coordinator(db, command), fixed_clock);
    ASSERT_EQ(reference.exit_code, 0) << name << ": the reference run failed";
    ASSERT_EQ(consistency_findings(db), std::vector<std::string>{}) << name << ": the reference run";
    const auto after = content_hash(db);
    ASSERT_FALSE(after == before) << name << ": the reference run changed nothing";
    std::cout << name << ": reference run " << reference.wall.count() << " ms, " << after.rows << " rows after\n";

    std::mt19937_64 random(number_from_env("JOBCENTER_CRASH_SEED", seed));
    const auto span_us = static_cast<std::uint64_t>(reference.wall.count()) * 1100 + 1;
    std::map<std::string, int> tally;
    for (std::size_t trial = 1; trial <= trials; ++trial) {
        copy_database(base, db);
        const microseconds moment(random() % span_us);
        auto run = run_and_kill(as_coordinator(db, command), fixed_clock, moment);
        const bool killed = run.outcome == KillOutcome::killed;
        if (!killed) {
            EXPECT_EQ(run.exit_code, 0) << name << " trial " << trial << ": finished, but failed";
        }

        EXPECT_EQ(consistency_findings(db), std::vector<std::string>{}) << name << " trial " << trial;
        const auto now = content_hash(db);
        const Landed landed = now == before ? Landed::before : now == after ? Landed::after : Landed::neither;
        EXPECT_NE(landed, Landed::neither) << name << " trial " << trial << ": killed at " << moment.count() / 1000
                                           << " ms, the database holds neither the state before nor after";
        std::string line = name + " trial " + std::to_string(trial) + ": " +
                           (killed ? "killed" : "finished before the kill") + " at " +
                           std::to_string(moment.count() / 1000) + " of " + std::to_string(reference.wall.count()) +
                           " ms: " + landed_name(landed);
        if (landed == Landed::before) {
            auto again = run_to_the_end(as_coordinator(db, command), fixed_clock);
            EXPECT_EQ(again.exit_code, 0) << name << " trial " << trial << ": the run after the kill failed";
            EXPECT_TRUE(content_hash(db) == after) << name << " trial " << trial << ": the run after the kill "
                                                   << "does not give the reference run's state";
            line += ", run again: same as the reference";
        }
        std::cout << line << '\n';
        ++tally[std::string(killed ? "killed, " : "finished, ") + landed_name(landed)];
    }
    std::cout << name << ": " << trials << " trials:";
    for (const auto& [what, count] : tally) std::cout << " " << count << " " << what << ";";
    std::cout << std::endl;
}

TEST(CrashTrials, ImportWithLink) {
    auto& registers = Registers::get();
    run_trials("import --link", registers.empty(),
               {"register", "import", registers.csv().string(), "--unit-column", "unit", "--link"},
               number_from_env("JOBCENTER_CRASH_IMPORTS", 20), 101);
}

TEST(CrashTrials, Dedupe) {
    auto& registers = Registers::get();
    run_trials("dedupe", registers.imported(), {"register", "dedupe"}, number_from_env("JOBCENTER_CRASH_DEDUPES", 16),
               202);
}

TEST(CrashTrials, Merge) {
    auto& registers = Registers::get();
    run_trials("merge", registers.linked(), registers.merge_command(), number_from_env("JOBCENTER_CRASH_MERGES", 7),
               303);
}

TEST(CrashTrials, Unmerge) {
    auto& registers = Registers::get();
    run_trials("unmerge", registers.merged(),
               {"register", "unmerge", std::to_string(registers.last_merge_event()), "--by", "Crash Trial",
                "--reason", "trial"},
               number_from_env("JOBCENTER_CRASH_UNMERGES", 7), 404);
}

TEST(CrashTrials, PayrollRun) {
    run_trials("payroll run", PayrollWork::get().base(),
               {"pricing", "payroll", "run", "--from", "2026-01-01", "--to", "2026-02-28", "--pay-date", "2026-03-02"},
               number_from_env("JOBCENTER_CRASH_PAYROLLS", 20), 505);
}

}  // namespace
}  // namespace jobcenter::testing
