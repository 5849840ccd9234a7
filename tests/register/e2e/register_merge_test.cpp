// End-to-end tests of merging by hand and undoing merges: records move and nothing is lost, a person's
// field choice survives with its provenance, an unmerge restores the exact earlier state also after later
// merges, dedupe keeps merged orderers together and unmerged ones apart, and refused merges change nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterMerge : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterMerge() { quiet = true; }

    void SetUp() override {
        add_unit("pakila");
        add_unit("uusix");
        write_file(dir / "pakila.csv",
                   "id;Yritys;Y-tunnus;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Esimerkki Siivous Oy;1234567-1;Mannerheimintie 1 A 3;00100;09 123 4567\n"
                   "p2;Kallion Kukka Ky;;Fleminginkatu 5;00530;040 111 2222\n"
                   "p3;Vallilan Leipomo Oy;;Mäkelänkatu 10;00510;09 555 1212\n"
                   "p4;Toinen Firma Oy;7654321-2;Hämeentie 3;00530;\n");
        write_file(dir / "uusix.csv",
                   "id;Nimi;Ytunnus;Osoite;Postinro;Puh\n"
                   "u1;ESIMERKKI SIIVOUS;12345671;Mannerheimintie 1 A3;00100;+358 9 1234567\n"
                   "u2;Kukkakauppa Kallio;;Helsinginkatu 3;00530;\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
        ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
    }
    std::map<std::string, std::int64_t> clusters() { return register_clusters(); }
    // `register show` without the parts that record history.
    json::value show(std::int64_t id) {
        json::value v = jc_json({"register", "show", std::to_string(id)});
        v.as_object().erase("history");
        return v;
    }
    json::value merge(std::int64_t other, std::int64_t into, std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"--role", "coordinator", "register", "merge", std::to_string(other), "--into",
                                      std::to_string(into), "--by", "Anna Virtanen", "--reason", "same employer"};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args);
    }
    json::value unmerge(std::int64_t event) {
        return jc_json({"--role", "coordinator", "register", "unmerge", std::to_string(event), "--by",
                        "Anna Virtanen", "--reason", "a mistake"});
    }
};

TEST_F(RegisterMerge, MergeMovesEveryRecordAndTheMergedIdLeadsToTheSurvivor) {
    auto before = clusters();
    auto result = merge(before["pakila/p3"], before["pakila/p2"]);
    EXPECT_EQ(result.at("records_moved").as_int64(), 1);
    auto after = clusters();
    EXPECT_EQ(after["pakila/p3"], before["pakila/p2"]);
    EXPECT_EQ(after.size(), before.size()) << "every source record is kept";
    auto shown = jc_json({"register", "show", std::to_string(before["pakila/p3"])});
    EXPECT_EQ(shown.at("orderer").at("id").as_int64(), before["pakila/p2"]);
    EXPECT_EQ(shown.at("sources").as_array().size(), 2u);
    const auto& history = shown.at("history").as_array();
    ASSERT_FALSE(history.empty());
    EXPECT_EQ(history[0].at("kind").as_string(), "merge");
    EXPECT_EQ(history[0].at("by").as_string(), "Anna Virtanen");
    EXPECT_EQ(history[0].at("reason").as_string(), "same employer");
    EXPECT_EQ(history[0].at("event").as_int64(), result.at("event").as_int64());
}

TEST_F(RegisterMerge, KeptFieldSurvivesWithItsProvenance) {
    auto ids = clusters();
    auto result = merge(ids["uusix/u2"], ids["pakila/p2"], {"--keep", "name=" + std::to_string(ids["uusix/u2"])});
    auto shown = jc_json({"register", "show", std::to_string(ids["pakila/p2"])});
    EXPECT_EQ(shown.at("orderer").at("name").as_string(), "Kukkakauppa Kallio");
    const auto& name = shown.at("provenance").at("name");
    EXPECT_EQ(name.at("from").as_string(), "uusix/u2");
    EXPECT_EQ(name.at("rule").as_string(), "chosen in decision " + std::to_string(result.at("event").as_int64()));
    EXPECT_EQ(shown.at("provenance").at("phone").at("from").as_string(), "pakila/p2") << "the only phone survives";
}

TEST_F(RegisterMerge, UnmergeRestoresTheExactStateAlsoAfterLaterMerges) {
    auto ids = clusters();
    const auto a = ids["pakila/p2"], b = ids["uusix/u2"], c = ids["pakila/p3"];
    jc({"register", "contact", "add", std::to_string(b), "--staff", "Pekka", "--outcome", "waiting", "--unit", "uusix"});
    const auto show_a = show(a), show_b = show(b), show_c = show(c);
    const auto before = clusters();

    auto first = merge(b, a, {"--keep", "name=" + std::to_string(b)});
    auto second = merge(a, c);
    EXPECT_EQ(clusters()["uusix/u2"], c) << "b's record went on to c with a's";
    EXPECT_EQ(show(c).at("contacts").as_array().size(), 1u) << "contacts follow the merge";

    unmerge(first.at("event").as_int64());
    auto now = clusters();
    EXPECT_EQ(now["uusix/u2"], b);
    EXPECT_EQ(now["pakila/p2"], c) << "the later merge stands";
    EXPECT_EQ(show(b), show_b) << "b is exactly as before its merge";
    EXPECT_EQ(show(c).at("contacts").as_array().size(), 0u);

    unmerge(second.at("event").as_int64());
    EXPECT_EQ(clusters(), before);
    EXPECT_EQ(show(a), show_a);
    EXPECT_EQ(show(c), show_c);

    auto again = jc({"--role", "coordinator", "register", "unmerge", std::to_string(first.at("event").as_int64()),
                     "--by", "x", "--reason", "y"});
    EXPECT_EQ(again.exit_code, 3);
    EXPECT_NE(again.err.find("already undone"), std::string::npos) << again.err;
}

TEST_F(RegisterMerge, DedupeKeepsMergedOrderersTogetherAndUnmergedOnesApart) {
    auto ids = clusters();
    merge(ids["pakila/p3"], ids["pakila/p2"]);  // nothing in the data links these two
    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto after = clusters();
    EXPECT_EQ(after["pakila/p3"], after["pakila/p2"]) << "a person's merge stands against the scores";
    ASSERT_EQ(after["pakila/p1"], after["uusix/u1"]) << "dedupe links the two Esimerkki records";

    // Undo dedupe's link: the history has it as a dedupe event.
    auto history = jc_json({"register", "history", std::to_string(after["pakila/p1"])});
    std::int64_t dedupe_event = 0;
    for (const auto& row : history.at("rows").as_array())
        if (row.at("kind").as_string() == "dedupe") dedupe_event = row.at("event").as_int64();
    ASSERT_NE(dedupe_event, 0);
    unmerge(dedupe_event);
    auto split = clusters();
    EXPECT_NE(split["pakila/p1"], split["uusix/u1"]);

    jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(clusters(), split) << "dedupe remembers the unmerge";
    const json::value queue = jc_json({"register", "review", "list"});
    for (const auto& item : queue.at("rows").as_array()) {
        std::set<std::int64_t> pair{item.at("orderer_a").as_int64(), item.at("orderer_b").as_int64()};
        EXPECT_NE(pair, (std::set<std::int64_t>{split["pakila/p1"], split["uusix/u1"]})) << "nor proposes them again";
    }
}

TEST_F(RegisterMerge, RefusedMergesSayWhyAndChangeNothing) {
    auto ids = clusters();
    const auto before = clusters();
    auto different_ids = jc({"--role", "coordinator", "register", "merge", std::to_string(ids["pakila/p4"]),
                             "--into", std::to_string(ids["pakila/p1"]), "--by", "Anna", "--reason", "r"});
    EXPECT_EQ(different_ids.exit_code, 3);
    EXPECT_NE(different_ids.err.find("different business IDs"), std::string::npos) << different_ids.err;

    merge(ids["pakila/p3"], ids["pakila/p2"]);
    auto merged_away = jc({"--role", "coordinator", "register", "merge", std::to_string(ids["pakila/p3"]), "--into",
                           std::to_string(ids["uusix/u2"]), "--by", "Anna", "--reason", "r"});
    EXPECT_EQ(merged_away.exit_code, 3);
    EXPECT_NE(merged_away.err.find("already merged into " + std::to_string(ids["pakila/p2"])), std::string::npos)
        << merged_away.err;

    auto no_reason = jc({"--role", "coordinator", "register", "merge", std::to_string(ids["uusix/u2"]), "--into",
                         std::to_string(ids["pakila/p2"]), "--by", "Anna", "--reason", " "});
    EXPECT_EQ(no_reason.exit_code, 3);
    auto bad_keep = jc({"--role", "coordinator", "register", "merge", std::to_string(ids["uusix/u2"]), "--into",
                        std::to_string(ids["pakila/p2"]), "--by", "Anna", "--reason", "r", "--keep", "colour=1"});
    EXPECT_EQ(bad_keep.exit_code, 3);
    EXPECT_NE(bad_keep.err.find("field=ORDERER"), std::string::npos) << bad_keep.err;
    auto now = clusters();
    now["pakila/p3"] = before.at("pakila/p3");
    EXPECT_EQ(now, before) << "only the one allowed merge changed anything";
}

}  // namespace
