// End-to-end tests of `register import --link`: an import that links its new records into orderers as it
// adds them gives the clusters, golden records and review queue of an import followed by `register dedupe`,
// joins later records to existing orderers, and every link it makes can be undone.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "generator/register_generator.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

class RegisterImportLink : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterImportLink() { quiet = true; }

    void add_units(const std::vector<std::string>& units) {
        for (const auto& unit : units) add_unit(unit);
    }
    std::map<std::string, std::set<std::string>> partition() { return register_partition(); }
    // Every live orderer's golden record, keyed by its records: name, business ID, city, category and
    // creating unit of all (register list), and every field of the first `shown` clusters of several records.
    std::map<std::set<std::string>, std::string> golden_records(std::size_t shown = 40) {
        std::map<std::int64_t, std::set<std::string>> members;
        for (const auto& [record, orderer] : register_clusters()) members[orderer].insert(record);
        std::map<std::set<std::string>, std::string> out;
        auto list = jc_json({"register", "list", "--limit", "100000"});
        for (const auto& row : list.at("rows").as_array()) {
            auto it = members.find(row.at("id").as_int64());
            if (it == members.end()) continue;  // merged away
            json::object golden = row.as_object();
            golden.erase("id");
            out[it->second] = json::serialize(golden);
        }
        for (const auto& [orderer, records] : members) {
            if (records.size() < 2 || shown == 0) continue;
            --shown;
            json::object golden = jc_json({"register", "show", std::to_string(orderer)}).at("orderer").as_object();
            for (const char* changing : {"id", "created_at", "updated_at"}) golden.erase(changing);
            out[records] += json::serialize(golden);
        }
        return out;
    }
    // The open review items as pairs of clusters (each the set of its records).
    std::set<std::pair<std::set<std::string>, std::set<std::string>>> review_pairs() {
        std::map<std::int64_t, std::set<std::string>> members;
        for (const auto& [record, orderer] : register_clusters()) members[orderer].insert(record);
        std::set<std::pair<std::set<std::string>, std::set<std::string>>> out;
        auto list = jc_json({"register", "review-list", "--limit", "10000"});
        for (const auto& item : list.at("rows").as_array()) {
            if (item.at("kind").as_string() != "pair") continue;
            auto a = members[item.at("orderer_a").as_int64()], b = members[item.at("orderer_b").as_int64()];
            out.emplace(std::min(a, b), std::max(a, b));
        }
        return out;
    }
};

TEST_F(RegisterImportLink, GivesTheClustersGoldenRecordsAndQueueOfAnImportThenDedupe) {
    jobcenter::testing::GeneratorOptions options;
    options.records = 2000;
    options.seed = 11;
    jobcenter::testing::write_registers_csv(jobcenter::testing::generate_registers(options), dir / "registers.csv", false);
    add_units(options.units);
    auto linked = jc_json({"register", "import", (dir / "registers.csv").string(), "--unit-column", "unit", "--link",
                           "--role", "coordinator"});
    const auto& linking = linked.at("linked").as_object();
    EXPECT_EQ(linking.at("mode").as_string(), "full");
    EXPECT_EQ(linking.at("records_moved").as_int64(), 0) << "new records are written once, with their orderer";
    EXPECT_GT(linking.at("clusters_with_duplicates").as_int64(), 100);
    EXPECT_EQ(linking.at("orderers_created").as_int64(), linking.at("orderers").as_int64());
    const auto by_link = partition();
    const auto golden_by_link = golden_records();
    const auto queue_by_link = review_pairs();
    EXPECT_FALSE(queue_by_link.empty());

    // Nothing is left for dedupe to do, and a full run agrees.
    auto after = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(after.at("mode").as_string(), "incremental");
    EXPECT_EQ(after.at("reclustered").as_int64(), 0);
    EXPECT_EQ(after.at("why").as_string(), "nothing imported or decided since the last run");
    EXPECT_EQ(after.at("orderers").as_int64(), linking.at("orderers").as_int64());
    EXPECT_EQ(after.at("clusters_with_duplicates").as_int64(), linking.at("clusters_with_duplicates").as_int64());
    EXPECT_EQ(after.at("records_in_those_clusters").as_int64(), linking.at("records_in_those_clusters").as_int64());
    EXPECT_EQ(after.at("review_queue").at("open").as_int64(), linking.at("review_queue").at("open").as_int64());
    auto full = jc_json({"register", "dedupe", "--full", "--role", "coordinator"});
    EXPECT_EQ(full.at("records_moved").as_int64(), 0);
    EXPECT_EQ(partition(), by_link);

    // The same file again: nothing new to link, and the register is not loaded for it.
    auto again = jc_json({"register", "import", (dir / "registers.csv").string(), "--unit-column", "unit", "--link",
                          "--role", "coordinator"});
    EXPECT_EQ(again.at("unchanged").as_int64(), linking.at("records").as_int64());
    EXPECT_EQ(again.at("linked").at("why").as_string(), "nothing imported or decided since the last run");
    EXPECT_EQ(partition(), by_link);

    // The same file imported without --link, then deduplicated, in a register of its own.
    expect_database_consistent();
    db = (dir / "two-steps.db").string();
    add_units(options.units);
    ASSERT_EQ(jc({"register", "import", (dir / "registers.csv").string(), "--unit-column", "unit", "--role", "coordinator"})
                  .exit_code, 0);
    auto deduped = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(deduped.at("orderers").as_int64(), linking.at("orderers").as_int64());
    EXPECT_EQ(deduped.at("review_pairs").as_int64(), linking.at("review_pairs").as_int64());
    EXPECT_EQ(partition(), by_link);
    EXPECT_EQ(golden_records(), golden_by_link);
    EXPECT_EQ(review_pairs(), queue_by_link);
}

// A second import larger than the register (its indexes built again after the load, the clustering
// incremental: 1,140 records stay within one step of the register's size): the same as importing both
// files and running dedupe after each.
TEST_F(RegisterImportLink, ALargeLaterImportLinksAsImportThenIncrementalDedupe) {
    jobcenter::testing::GeneratorOptions options;
    options.records = 1140;
    options.seed = 12;
    const auto records = jobcenter::testing::generate_registers(options);
    // Every third record in the first file, the rest in the second: both files hold every unit.
    std::vector<jobcenter::testing::GeneratedRecord> first, second;
    for (std::size_t i = 0; i < records.size(); ++i) (i % 3 == 0 ? first : second).push_back(records[i]);
    jobcenter::testing::write_registers_csv(first, dir / "first.csv", false);
    jobcenter::testing::write_registers_csv(second, dir / "second.csv", false);
    auto import = [&](const char* name, bool link) {
        std::vector<std::string> args{"register", "import", (dir / name).string(), "--unit-column", "unit", "--role", "coordinator"};
        if (link) args.push_back("--link");
        return jc_json(args);
    };

    add_units(options.units);
    import("first.csv", true);
    auto later = import("second.csv", true);
    EXPECT_EQ(later.at("added").as_int64(), 760);
    EXPECT_EQ(later.at("linked").at("mode").as_string(), "incremental");
    EXPECT_GT(later.at("linked").at("new_records_joined").as_int64(), 0);
    const auto by_link = partition();
    const auto golden_by_link = golden_records();
    const auto queue_by_link = review_pairs();

    expect_database_consistent();
    db = (dir / "two-steps.db").string();
    add_units(options.units);
    import("first.csv", false);
    jc_json({"register", "dedupe", "--role", "coordinator"});
    import("second.csv", false);
    auto deduped = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(deduped.at("mode").as_string(), "incremental");
    EXPECT_EQ(partition(), by_link);
    EXPECT_EQ(golden_records(), golden_by_link);
    EXPECT_EQ(review_pairs(), queue_by_link);
}

// With JOBCENTER_TIMING=1 a bulk command also says how long its end took: the plugin's phases stop before
// the foreign-key check, the commit and the checkpoint. Without it, nothing of the kind is printed.
TEST_F(RegisterImportLink, TimingAlsoShowsTheCommitAndTheCheckpoint) {
    add_units({"pakila"});
    write_file(dir / "pakila.csv", "id;Yritys;Puhelin\np1;Esimerkki Siivous Oy;09 123 4567\n");
    const std::vector<std::string> import{"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila",
                                          "--link", "--role", "coordinator"};
    env.push_back("JOBCENTER_TIMING=1");
    const auto timed = jc(import);
    ASSERT_EQ(timed.exit_code, 0) << timed.err;
    for (const char* step : {"commit: foreign keys", "commit: commit", "commit: checkpoint"})
        EXPECT_NE(timed.err.find(step), std::string::npos) << step << " in\n" << timed.err;
    env.pop_back();
    const auto quiet_run = jc({"register", "dedupe", "--role", "coordinator"});
    ASSERT_EQ(quiet_run.exit_code, 0) << quiet_run.err;
    EXPECT_EQ(quiet_run.err.find("commit:"), std::string::npos) << quiet_run.err;
}

TEST_F(RegisterImportLink, LaterRecordsJoinExistingOrderersAndEachLinkCanBeUndone) {
    add_units({"pakila", "uusix", "vallila"});
    write_file(dir / "pakila.csv",
               "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Puhelin\n"
               "p1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;09 123 4567\n"
               "p2;Kallion Kukka Ky;;Fleminginkatu 5;00530;040 111 2222\n");
    write_file(dir / "uusix.csv",
               "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
               "u1;ESIMERKKI SIIVOUS;12345671;Mannerheimintie 1 A3;00100;+358 9 1234567\n");
    write_file(dir / "vallila.csv",
               "id;Yritys;Puhelin\n"
               "v1;Esimerkki Siivous;09 123 4567\n"
               "v2;Täysin Uusi Tilaaja Oy;040 999 8888\n");
    EXPECT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila", "--link"}).exit_code, 5)
        << "linking goes across every unit's records: a coordinator's";
    for (const char* unit : {"pakila", "uusix"}) {
        auto r = jc_json({"register", "import", (dir / (std::string(unit) + ".csv")).string(), "--unit", unit, "--link",
                          "--role", "coordinator"});
        ASSERT_TRUE(r.as_object().contains("linked"));
    }
    auto ids = register_clusters();
    EXPECT_EQ(ids["uusix/u1"], ids["pakila/p1"]) << "a record linked as it was imported";
    EXPECT_NE(ids["pakila/p2"], ids["pakila/p1"]);

    auto later = jc_json({"register", "import", (dir / "vallila.csv").string(), "--unit", "vallila", "--link",
                          "--role", "coordinator"});
    const auto& linking = later.at("linked").as_object();
    EXPECT_EQ(linking.at("mode").as_string(), "incremental");
    EXPECT_EQ(linking.at("new_records_joined").as_int64(), 1);
    EXPECT_EQ(linking.at("orderers_created").as_int64(), 1);
    ids = register_clusters();
    const auto joined = ids["vallila/v1"];
    EXPECT_EQ(joined, ids["pakila/p1"]) << "the new record joined the existing orderer";
    auto shown = jc_json({"register", "show", std::to_string(joined)});
    EXPECT_EQ(shown.at("sources").as_array().size(), 3u);

    // The link of v1 is a decision in the history; undoing it gives v1 an orderer of its own, kept apart.
    auto history = jc_json({"register", "history", std::to_string(joined)});
    std::int64_t link_event = 0;
    for (const auto& e : history.at("rows").as_array())
        if (e.at("kind").as_string() == "dedupe" && e.at("other").is_null() && e.at("records").as_int64() == 1 &&
            std::string(e.at("reason").as_string()).find("as they were imported") != std::string::npos && !link_event)
            link_event = e.at("event").as_int64();
    ASSERT_NE(link_event, 0) << json::serialize(history);
    std::set<std::int64_t> before_undo;
    for (const auto& [record, orderer] : ids) before_undo.insert(orderer);
    auto undone = jc_json({"register", "unmerge", std::to_string(link_event), "--by", "Maija", "--reason", "different firm",
                           "--role", "coordinator"});
    EXPECT_EQ(undone.at("records_moved_back").as_int64(), 1);
    auto after_undo = register_clusters();
    EXPECT_EQ(after_undo["pakila/p1"], joined);
    EXPECT_EQ(after_undo["uusix/u1"], joined);
    EXPECT_EQ(before_undo.count(after_undo["vallila/v1"]), 0u) << "an orderer of its own, new";
    jc_json({"register", "dedupe", "--full", "--role", "coordinator"});
    EXPECT_NE(register_clusters()["vallila/v1"], register_clusters()["pakila/p1"]) << "dedupe keeps them apart";
}

TEST_F(RegisterImportLink, AChangedRecordIsRelinkedAsItIsReimported) {
    add_units({"pakila", "uusix"});
    write_file(dir / "pakila.csv",
               "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Puhelin\n"
               "p1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;09 123 4567\n");
    write_file(dir / "uusix.csv",
               "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
               "u1;ESIMERKKI SIIVOUS;12345671;Mannerheimintie 1 A3;00100;+358 9 1234567\n");
    for (const char* unit : {"pakila", "uusix"})
        jc_json({"register", "import", (dir / (std::string(unit) + ".csv")).string(), "--unit", unit, "--link",
                 "--role", "coordinator"});
    EXPECT_EQ(register_clusters()["uusix/u1"], register_clusters()["pakila/p1"]);

    // Uusix's row u1 turns out to be another firm altogether: re-imported, it leaves p1's orderer.
    write_file(dir / "uusix.csv",
               "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
               "u1;Lauttasaaren Leipomo Oy;2345678-0;Heikkiläntie 8;00210;040 765 4321\n");
    auto again = jc_json({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix", "--link", "--role",
                          "coordinator"});
    EXPECT_EQ(again.at("updated").as_int64(), 1);
    EXPECT_EQ(again.at("linked").at("mode").as_string(), "incremental");
    const auto ids = register_clusters();
    EXPECT_NE(ids.at("uusix/u1"), ids.at("pakila/p1")) << "the changed record was linked again, as it is now";
    auto shown = jc_json({"register", "show", std::to_string(ids.at("uusix/u1"))});
    EXPECT_EQ(shown.at("orderer").at("name").as_string(), "Lauttasaaren Leipomo Oy");

    // The entry-time check sees the record as it is now: by its new phone, not by its old one.
    auto by_old_phone = jc_json({"register", "check", "--name", "Siivousliike", "--phone", "09 123 4567"});
    for (const auto& m : by_old_phone.at("matches").as_array())
        EXPECT_NE(m.at("orderer").as_int64(), ids.at("uusix/u1")) << json::serialize(by_old_phone);
    auto by_new_phone = jc_json({"register", "check", "--name", "Leipomo L", "--phone", "040 765 4321"});
    ASSERT_GE(by_new_phone.at("count").as_int64(), 1) << json::serialize(by_new_phone);
    EXPECT_EQ(by_new_phone.at("matches").as_array()[0].at("orderer").as_int64(), ids.at("uusix/u1"));
}

// An import large enough to write the records' keys itself, with names of no letters or digits among them:
// such a name has no name key, however the keys are written (checked with every test's database at its end).
TEST_F(RegisterImportLink, NamesWithoutLettersHaveNoNameKey) {
    add_units({"uusix"});
    std::string csv = "unit;id;Yritys;Puhelin\n";
    for (int i = 0; i < 1200; ++i)
        csv += "uusix;" + std::to_string(i) + ";Yritys " + std::to_string(i) + " Oy;09 " + std::to_string(1000000 + i) + "\n";
    csv += "uusix;x1;-;09 1000001\nuusix;x2;***;\nuusix;x3;Oy;\n";
    write_file(dir / "odd.csv", csv);
    auto linked = jc_json({"register", "import", (dir / "odd.csv").string(), "--unit-column", "unit", "--link", "--role",
                           "coordinator"});
    EXPECT_EQ(linked.at("added").as_int64(), 1203);
    auto opened = jobcenter::Database::open(db);
    auto empty = opened.prepare("SELECT count(*) FROM record_key WHERE kind = 5 AND value = ''");
    ASSERT_TRUE(empty.step());
    EXPECT_EQ(empty.get_int(0), 0);
}

}  // namespace
