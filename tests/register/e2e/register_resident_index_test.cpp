// The register's index kept in memory between the commands of one process, as a server runs them through
// routers of its own (a database connection each): loaded by the first run only, kept current by the
// process's own writes (imports, merges, unmerges, splits, entries by hand, dedupe runs) on any of its
// connections, read again after another process wrote, left as it was by a command that fails; and every
// run's report and clusters exactly those of the same commands run each by a fresh process (the command line).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "generator/register_generator.hpp"
#include "register/support/in_process_register.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::Role;
using jobcenter::testing::GeneratedRecord;
using jobcenter::testing::InProcessRegister;

class RegisterResidentIndex : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterResidentIndex() {
        quiet = true;
        kept_db = (dir / "kept.db").string();
        fresh_db = (dir / "fresh.db").string();
        write_files();
    }

    // A generated register in three files: most of it first; then new records; then more new records with
    // every 29th record of the first file changed in place. 3,400 to 3,700 records stay within one step of
    // the register's size (3,328 to 4,095), so that runs after the first may be incremental.
    void write_files() {
        jobcenter::testing::GeneratorOptions options;
        options.records = 3700;
        options.seed = 21;
        units = options.units;
        const auto records = jobcenter::testing::generate_registers(options);
        std::vector<GeneratedRecord> first, second, third;
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (i % 37 == 5) second.push_back(records[i]);
            else if (i % 37 == 6 || i % 37 == 7) third.push_back(records[i]);
            else first.push_back(records[i]);
        }
        for (std::size_t i = 0; i < first.size(); i += 29) {
            GeneratedRecord changed = first[i];
            const GeneratedRecord& other = first[(i * 7919 + 13) % first.size()];
            switch ((i / 29) % 3) {
                case 0: changed.name = other.name; break;
                case 1: changed.phone = other.phone; break;
                default: changed.street = other.street; break;
            }
            third.push_back(changed);
        }
        jobcenter::testing::write_registers_csv(first, dir / "first.csv", false);
        jobcenter::testing::write_registers_csv(second, dir / "second.csv", false);
        jobcenter::testing::write_registers_csv(third, dir / "third.csv", false);
    }

    // Runs a command in the kept process and, as a fresh process, on the other database; expects the same
    // reply but for how the index was come by, which it returns ("" when the reply names none).
    std::string both(Role role, const char* group, const char* command, const json::object& args,
                     const std::vector<std::string>& cli_args, const std::string& unit = {}) {
        json::value kept_reply = kept->run(role, group, command, args, unit);
        db = fresh_db;
        std::vector<std::string> line = cli_args;
        line.insert(line.end(), {"--role", std::string(jobcenter::role_name(role))});
        if (!unit.empty()) line.insert(line.end(), {"--unit", unit});
        json::value fresh_reply = jc_json(line);
        const std::string origin = take_origin(kept_reply);
        const std::string fresh_origin = take_origin(fresh_reply);
        if (!fresh_origin.empty()) {
            EXPECT_EQ(fresh_origin, "loaded") << "a fresh process always reads the register";
        }
        EXPECT_EQ(kept_reply, fresh_reply) << group << " " << command;
        expect_same_clusters(std::string(group) + " " + command);
        return origin;
    }

    // Every record with the same orderer id in both databases; the first few that differ named.
    void expect_same_clusters(const std::string& after) {
        const json::array kept_rows = clusters(kept_db).at("rows").as_array();
        const json::array fresh_rows = clusters(fresh_db).at("rows").as_array();
        ASSERT_EQ(kept_rows.size(), fresh_rows.size()) << "after " << after;
        std::string differing;
        std::size_t count = 0;
        for (std::size_t i = 0; i < kept_rows.size(); ++i)
            if (kept_rows[i] != fresh_rows[i] && ++count <= 3)
                differing += " " + json::serialize(kept_rows[i]) + " / " + json::serialize(fresh_rows[i]);
        EXPECT_EQ(count, 0u) << "records whose orderer differs after " << after << ":" << differing;
    }

    // The "index" of a dedupe run's reply or of an import's "linked" report, taken out of it.
    static std::string take_origin(json::value& reply) {
        json::object* report = &reply.as_object();
        if (auto* linked = report->if_contains("linked"); linked && linked->is_object()) report = &linked->as_object();
        auto* origin = report->if_contains("index");
        if (!origin) return {};
        std::string text(origin->as_string());
        report->erase("index");
        return text;
    }

    // `register export-clusters` of a database: every record with its orderer's id.
    json::value clusters(const std::string& file) {
        db = file;
        return jc_json({"register", "export-clusters"});
    }

    std::int64_t generation(const std::string& file) {
        auto opened = jobcenter::Database::open(file);
        auto q = opened.prepare("SELECT generation FROM register_generation");
        return q.step() ? q.get_int(0) : -1;
    }

    void add_units() {
        for (const auto& unit : units) {
            kept->run(Role::admin, "unit", "add", {{"name", unit}, {"title", unit}, {"organisation", "KUTY"}});
            db = fresh_db;
            add_unit(unit);
        }
    }

    std::string import(const char* file, bool link) {
        json::object args{{"file", (dir / file).string()}, {"unit_column", "unit"}};
        std::vector<std::string> line{"register", "import", (dir / file).string(), "--unit-column", "unit"};
        if (link) {
            args["link"] = true;
            line.push_back("--link");
        }
        return both(Role::coordinator, "register", "import", args, line);
    }

    std::string dedupe() { return both(Role::coordinator, "register", "dedupe", {}, {"register", "dedupe"}); }

    // The first item of the review queue of `kind` ("pair" or "bridge"), or 0.
    std::int64_t first_review_item(const char* kind) {
        const json::value queue = kept->run(Role::viewer, "register", "review-list", {{"limit", 10000}});
        for (const auto& row : queue.at("rows").as_array())
            if (row.at("kind").as_string() == kind) return row.at("item").as_int64();
        return 0;
    }

    std::vector<std::string> units;
    std::string kept_db, fresh_db;
    std::unique_ptr<InProcessRegister> kept;
};

TEST_F(RegisterResidentIndex, OneProcessLoadsTheRegisterOnceAndEveryRunIsThatOfAFreshProcess) {
    kept = std::make_unique<InProcessRegister>(kept_db);
    add_units();
    EXPECT_EQ(import("first.csv", true), "loaded");
    std::int64_t before = generation(kept_db);
    import("second.csv", false);
    EXPECT_GT(generation(kept_db), before) << "an import moves the register's generation on";
    EXPECT_EQ(dedupe(), "kept");

    // A person's decisions: a merge through the review queue and its undoing, a weak bridge split apart.
    const std::int64_t pair = first_review_item("pair");
    ASSERT_NE(pair, 0);
    before = generation(kept_db);
    const json::value merged = kept->run(Role::coordinator, "register", "review-decide",
                                         {{"item", pair}, {"verdict", "same"}, {"by", "Liisa"}, {"reason", "same firm"}});
    db = fresh_db;
    jc_json({"register", "review", "decide", std::to_string(pair), "--verdict", "same", "--by", "Liisa", "--reason",
             "same firm", "--role", "coordinator"});
    expect_same_clusters("a merge");
    EXPECT_GT(generation(kept_db), before) << "a merge moves the register's generation on";
    const std::string event = std::to_string(merged.at("event").as_int64());
    both(Role::coordinator, "register", "unmerge", {{"event", merged.at("event")}, {"by", "Liisa"}, {"reason", "mistake"}},
         {"register", "unmerge", event, "--by", "Liisa", "--reason", "mistake"});
    if (const std::int64_t bridge = first_review_item("bridge")) {
        both(Role::coordinator, "register", "review-decide",
             {{"item", bridge}, {"verdict", "not-same"}, {"by", "Liisa"}, {"reason", "two firms"}},
             {"register", "review", "decide", std::to_string(bridge), "--verdict", "not-same", "--by", "Liisa", "--reason",
              "two firms"});
    }
    both(Role::staff, "register", "add", {{"name", "Kukkakauppa Esimerkki Oy"}, {"category", "company"}},
         {"register", "add", "--name", "Kukkakauppa Esimerkki Oy", "--category", "company"}, units.front());

    const std::string linked = import("third.csv", true);
    EXPECT_EQ(linked, "kept") << "every change since the first load was this process's own";
    EXPECT_EQ(both(Role::coordinator, "register", "dedupe", {{"full", true}}, {"register", "dedupe", "--full"}), "kept");
}

TEST_F(RegisterResidentIndex, AnImportByAnotherProcessIsReadBeforeTheNextRun) {
    kept = std::make_unique<InProcessRegister>(kept_db);
    add_units();
    EXPECT_EQ(import("first.csv", true), "loaded");
    // Another process (the command line, beside the server) imports into the kept database, and the same into
    // the other.
    for (const std::string& file : {kept_db, fresh_db}) {
        db = file;
        jc_json({"register", "import", (dir / "second.csv").string(), "--unit-column", "unit", "--link", "--role",
                 "coordinator"});
    }
    EXPECT_EQ(import("third.csv", true), "reloaded");
    EXPECT_EQ(import("third.csv", true), "") << "nothing new: no run, no index";
    EXPECT_EQ(dedupe(), "");
}

TEST_F(RegisterResidentIndex, ThreadsWithConnectionsOfTheirOwnShareOneIndex) {
    kept = std::make_unique<InProcessRegister>(kept_db);
    add_units();
    EXPECT_EQ(import("first.csv", true), "loaded");
    // Another thread, on a connection of its own, links an import while a third checks names on a third one.
    InProcessRegister importer(kept_db), checker(kept_db);
    json::value imported;
    std::thread importing([&] {
        imported = importer.run(Role::coordinator, "register", "import",
                                {{"file", (dir / "second.csv").string()}, {"unit_column", "unit"}, {"link", true}});
    });
    std::thread checking([&] {
        for (int i = 0; i < 20; ++i)
            checker.run(Role::viewer, "register", "check", {{"name", "Kukkakauppa Aurinko " + std::to_string(i)}}, units.front());
    });
    importing.join();
    checking.join();
    EXPECT_EQ(imported.at("linked").at("index").as_string(), "kept") << "the index the first connection loaded";
    db = fresh_db;
    jc_json({"register", "import", (dir / "second.csv").string(), "--unit-column", "unit", "--link", "--role", "coordinator"});
    expect_same_clusters("an import on another thread");
    EXPECT_EQ(import("third.csv", true), "kept") << "brought along by the other connection's import";
}

TEST_F(RegisterResidentIndex, ACommandThatFailsLeavesTheKeptIndexAsItWas) {
    kept = std::make_unique<InProcessRegister>(kept_db);
    add_units();
    EXPECT_EQ(import("first.csv", true), "loaded");
    const json::value clusters_before = clusters(kept_db);
    const std::int64_t generation_before = generation(kept_db);
    // An import that links, refused at its very end (its audit row), after its run and the index it made.
    kept->database().exec(
        "CREATE TRIGGER refuse_import BEFORE INSERT ON audit_log WHEN NEW.action = 'register.import' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    EXPECT_THROW(kept->run(Role::coordinator, "register", "import",
                           {{"file", (dir / "third.csv").string()}, {"unit_column", "unit"}, {"link", true}}),
                 jobcenter::Error);
    kept->database().exec("DROP TRIGGER refuse_import");
    EXPECT_EQ(clusters(kept_db), clusters_before) << "nothing changed";
    EXPECT_EQ(generation(kept_db), generation_before);

    import("second.csv", false);
    EXPECT_EQ(import("third.csv", true), "kept") << "the index kept is the one from before the failed import";
}

}  // namespace
