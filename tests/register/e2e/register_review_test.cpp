// End-to-end tests of the review queue: dedupe fills it with the pairs it could not decide, an item
// shows both orderers side by side with the evidence, and each decision (same, not the same, skip) does
// what it says, is in the history, and is remembered by the next dedupe run.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterReview : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterReview() { quiet = true; }

    void SetUp() override {
        add_unit("pakila");
        add_unit("uusix");
        write_file(dir / "pakila.csv",
                   "id;Yritys;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Kallion Kukka Ky;Fleminginkatu 5;00530;040 111 2222\n"
                   "p2;Puutarha Virtanen;;00700;050 123 1234\n");
        write_file(dir / "uusix.csv",
                   "id;Nimi;Osoite;Postinro;Puh\n"
                   "u1;Kallion Kukkakauppa;;00530;\n"
                   "u2;Virtasen Puutarhapalvelu;;00700;\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
        ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
        auto run = jc_json({"register", "dedupe", "--role", "coordinator"});
        ASSERT_EQ(run.at("review_queue").at("open").as_int64(), 2);
    }
    json::array queue() {
        json::value listed = jc_json({"register", "review", "list"});
        return listed.at("rows").as_array();
    }
    json::value decide(std::int64_t item, const std::string& verdict) {
        return jc_json({"--role", "coordinator", "register", "review", "decide", std::to_string(item), "--verdict",
                        verdict, "--by", "Liisa", "--reason", "called them"});
    }
};

TEST_F(RegisterReview, AnItemShowsBothOrderersSideBySideWithTheEvidence) {
    auto items = queue();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_GE(items[0].at("score").as_double(), items[1].at("score").as_double()) << "strongest first";
    auto item = jc_json({"register", "review", "show", std::to_string(items[0].at("item").as_int64())});
    EXPECT_EQ(item.at("status").as_string(), "open");
    EXPECT_FALSE(item.at("evidence").as_array().empty());
    bool postcode_same = false, name_different = false;
    for (const auto& f : item.at("fields").as_array()) {
        if (f.at("field") == "postcode") postcode_same = f.at("comparison") == "same";
        if (f.at("field") == "name") name_different = f.at("comparison") == "different";
    }
    EXPECT_TRUE(postcode_same);
    EXPECT_TRUE(name_different);
    EXPECT_EQ(item.at("a").at("sources").as_array().size(), 1u);
    EXPECT_EQ(item.at("b").at("sources").as_array().size(), 1u);
}

TEST_F(RegisterReview, SameMergesAndNotSameIsNeverProposedAgain) {
    auto items = queue();
    const auto first = items[0].at("item").as_int64(), second = items[1].at("item").as_int64();
    auto merged = decide(first, "same");
    const auto survivor = merged.at("survivor").as_int64();
    auto shown = jc_json({"register", "show", std::to_string(merged.at("merged").as_int64())});
    EXPECT_EQ(shown.at("orderer").at("id").as_int64(), survivor);
    EXPECT_EQ(shown.at("sources").as_array().size(), 2u);

    decide(second, "not-same");
    EXPECT_TRUE(queue().empty());
    auto rerun = jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(rerun.at("review_queue").at("open").as_int64(), 0) << "not the same is remembered";
    EXPECT_EQ(rerun.at("orderers").as_int64(), 3) << "and the merge stands";

    auto item = jc_json({"register", "review", "show", std::to_string(second)});
    ASSERT_EQ(item.at("history").as_array().size(), 1u);
    EXPECT_EQ(item.at("history").at(0).at("kind").as_string(), "not_same");
    EXPECT_EQ(item.at("history").at(0).at("by").as_string(), "Liisa");
    EXPECT_EQ(item.at("history").at(0).at("reason").as_string(), "called them");

    auto twice = jc({"--role", "coordinator", "register", "review", "decide", std::to_string(second), "--verdict",
                     "same", "--by", "Liisa", "--reason", "r"});
    EXPECT_EQ(twice.exit_code, 3);
    EXPECT_NE(twice.err.find("already decided"), std::string::npos) << twice.err;
}

TEST_F(RegisterReview, AnOrdererIsInAtMostReviewPerOrdererItemsAndTheNextComesWhenOneIsDecided) {
    write_file(dir / "more.csv",
               "id;Nimi;Osoite;Postinro\n"
               "u3;Kallion Kukkapuoti;;00530\n"
               "u4;Kallion Kukkasidonta;;00530\n");
    ASSERT_EQ(jc({"register", "import", (dir / "more.csv").string(), "--unit", "uusix"}).exit_code, 0);
    jc_json({"register", "dedupe", "--role", "coordinator"});
    auto items_with = [&](std::int64_t orderer) {
        int n = 0;
        for (const auto& row : queue())
            n += row.at("orderer_a").as_int64() == orderer || row.at("orderer_b").as_int64() == orderer;
        return n;
    };
    const std::int64_t kukka = register_clusters()["pakila/p1"];
    EXPECT_EQ(items_with(kukka), 3) << "the three look-alike shops, under the default of 3";

    const auto scripts = dir / "scripts";
    std::filesystem::create_directories(scripts / "units" / "pakila");
    std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
    write_file(scripts / "units" / "pakila" / "register.lua", "local M = defaults()\nM.match.review_per_orderer = 1\nreturn M\n");
    const std::vector<std::string> as_pakila = {"--unit", "pakila", "--scripts", scripts.string()};
    auto rerun = [&] {
        std::vector<std::string> args = {"register", "dedupe", "--role", "coordinator"};
        args.insert(args.end(), as_pakila.begin(), as_pakila.end());
        return jc_json(args);
    };
    rerun();
    ASSERT_EQ(items_with(kukka), 1) << "only its strongest item waits";
    std::int64_t first = 0;
    for (const auto& row : queue())
        if (row.at("orderer_a").as_int64() == kukka || row.at("orderer_b").as_int64() == kukka) first = row.at("item").as_int64();
    decide(first, "not-same");
    rerun();
    EXPECT_EQ(items_with(kukka), 1) << "the next look-alike comes once the first is decided";
    for (const auto& row : queue()) {
        if (row.at("orderer_a").as_int64() == kukka || row.at("orderer_b").as_int64() == kukka) {
            EXPECT_NE(row.at("item").as_int64(), first);
        }
    }
}

TEST_F(RegisterReview, SkippedItemsWaitBehindTheOthers) {
    auto items = queue();
    const auto first = items[0].at("item").as_int64();
    decide(first, "skip");
    auto after = queue();
    ASSERT_EQ(after.size(), 2u);
    EXPECT_EQ(after[1].at("item").as_int64(), first);
    EXPECT_EQ(after[1].at("skipped").as_int64(), 1);
    jc_json({"register", "dedupe", "--role", "coordinator"});
    EXPECT_EQ(queue().size(), 2u) << "a skipped item stays in the queue after the next run";
}

TEST_F(RegisterReview, BadDecisionsSayWhyAndChangeNothing) {
    auto items = queue();
    const auto item = std::to_string(items[0].at("item").as_int64());
    auto bad_verdict = jc({"--role", "coordinator", "register", "review", "decide", item, "--verdict", "maybe",
                           "--by", "L", "--reason", "r"});
    EXPECT_EQ(bad_verdict.exit_code, 3);
    EXPECT_NE(bad_verdict.err.find("same, not-same or skip"), std::string::npos) << bad_verdict.err;
    auto unknown = jc({"register", "review", "show", "999"});
    EXPECT_EQ(unknown.exit_code, 4);
    auto no_by =
        jc({"--role", "coordinator", "register", "review", "decide", item, "--verdict", "same", "--reason", "r"});
    EXPECT_NE(no_by.exit_code, 0);
    EXPECT_EQ(queue().size(), 2u);
    EXPECT_EQ(jc_json({"register", "history"}).at("count").as_int64(), 0) << "no decision was recorded";
}

}  // namespace

namespace {

// A shop of two records and a third record linked to it through one shared phone and mailbox under
// another name: dedupe links it, and puts the weak bridge in the queue for a person to confirm or split.
class RegisterBridgeReview : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterBridgeReview() { quiet = true; }

    void SetUp() override {
        add_unit("pakila");
        write_file(dir / "pakila.csv",
                   "id;Nimi;Katuosoite;Postinumero;Puhelin;Sähköposti\n"
                   "k1;Kallion Kukka;Fleminginkatu 5;00530;;\n"
                   "k2;Kallion Kukka Ky;Fleminginkatu 5;00530;040 111 2222;tilaukset@kallionkukka.fi\n"
                   "k3;Kallion Kukkakauppa Lindroos;;;040 111 2222;tilaukset@kallionkukka.fi\n"
                   "x1;Pasilan Leipomo;Ratapihantie 11;00520;09 555 1234;\n"
                   "x2;Töölön Sauna Oy;Runeberginkatu 3;00100;;\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
        auto run = jc_json({"register", "dedupe", "--role", "coordinator"});
        ASSERT_EQ(run.at("weak_bridges").at("open").as_int64(), 1);
        auto listed = jc_json({"register", "review", "list"});
        ASSERT_EQ(listed.at("rows").as_array().size(), 1u);
        item = listed.at("rows").at(0).at("item").as_int64();
    }
    std::int64_t item = 0;
};

TEST_F(RegisterBridgeReview, TheBridgeIsLinkedAndShownAsTwoPartsOfOneOrderer) {
    auto clusters = register_clusters();
    EXPECT_EQ(clusters["pakila/k3"], clusters["pakila/k1"]) << "a weak bridge is still linked";
    auto listed = jc_json({"register", "review", "list"});
    const auto& row = listed.at("rows").at(0);
    EXPECT_EQ(row.at("kind").as_string(), "bridge");
    EXPECT_EQ(row.at("orderer").as_int64(), clusters["pakila/k1"]);
    EXPECT_EQ(row.at("part_records").as_int64(), 1);

    auto shown = jc_json({"register", "review", "show", std::to_string(item)});
    EXPECT_EQ(shown.at("kind").as_string(), "bridge");
    EXPECT_EQ(shown.at("status").as_string(), "open");
    EXPECT_LT(shown.at("average").as_double(), shown.at("score").as_double());
    EXPECT_EQ(shown.at("stays").at("sources").as_array().size(), 2u);
    ASSERT_EQ(shown.at("part").at("sources").as_array().size(), 1u);
    EXPECT_EQ(shown.at("part").at("sources").at(0).at("source_id").as_string(), "k3");
    bool phone_evidence = false;
    for (const auto& e : shown.at("evidence").as_array()) phone_evidence |= e.at("field").as_string() == "phone";
    EXPECT_TRUE(phone_evidence) << "the evidence of the bridge pair";
}

TEST_F(RegisterBridgeReview, NotSameSplitsThePartOffAndDedupeKeepsItApart) {
    const auto before = register_clusters();
    auto decided = jc_json({"--unit", "pakila", "register", "review", "decide", std::to_string(item), "--verdict",
                            "not-same", "--by", "Liisa", "--reason", "another shop that took over the number"});
    EXPECT_EQ(decided.at("records_moved").as_int64(), 1);
    auto after = register_clusters();
    EXPECT_NE(after["pakila/k3"], after["pakila/k1"]);
    EXPECT_EQ(after["pakila/k1"], before.at("pakila/k1")) << "the part that stays keeps the orderer";
    EXPECT_EQ(after["pakila/k3"], decided.at("split_into").as_int64());
    auto again = jc_json({"register", "dedupe", "--role", "coordinator", "--full"});
    EXPECT_EQ(register_clusters(), after) << "the decision is remembered";
    EXPECT_EQ(again.at("weak_bridges").at("open").as_int64(), 0);
    EXPECT_EQ(jc_json({"register", "review", "list"}).at("waiting").as_int64(), 0);
    auto history = jc_json({"register", "history", std::to_string(after["pakila/k1"])});
    EXPECT_EQ(history.at("rows").at(0).at("kind").as_string(), "not_same");
    EXPECT_EQ(history.at("rows").at(0).at("by").as_string(), "Liisa");
}

TEST_F(RegisterBridgeReview, SameConfirmsTheLinkForGood) {
    const auto before = register_clusters();
    jc_json({"--unit", "pakila", "register", "review", "decide", std::to_string(item), "--verdict", "same", "--by",
             "Liisa", "--reason", "the shop's new owner"});
    EXPECT_EQ(register_clusters(), before) << "nothing moves";
    // Even rules that would no longer link the pair keep what a person confirmed.
    const auto scripts = dir / "scripts";
    std::filesystem::create_directories(scripts / "units" / "pakila");
    std::filesystem::copy(std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults");
    write_file(scripts / "units" / "pakila" / "register.lua", "local M = defaults()\nM.match.link_score = 20\nreturn M\n");
    auto strict = jc_json({"register", "dedupe", "--role", "coordinator", "--unit", "pakila", "--scripts", scripts.string()});
    EXPECT_EQ(strict.at("mode").as_string(), "full");
    auto after = register_clusters();
    EXPECT_EQ(after["pakila/k3"], after["pakila/k2"]);
    EXPECT_EQ(strict.at("weak_bridges").at("open").as_int64(), 0);
}

TEST_F(RegisterBridgeReview, ABridgeTakesNoPairOptionsAndADecidedOneIsNotDecidedAgain) {
    auto with_keep = jc({"--unit", "pakila", "register", "review", "decide", std::to_string(item), "--verdict",
                         "same", "--keep", "name=1", "--by", "Liisa", "--reason", "x"});
    EXPECT_EQ(with_keep.exit_code, 3) << with_keep.err;
    EXPECT_NE(with_keep.err.find("weak bridge"), std::string::npos) << with_keep.err;
    jc_json({"--unit", "pakila", "register", "review", "decide", std::to_string(item), "--verdict", "not-same",
             "--by", "Liisa", "--reason", "x"});
    auto twice = jc({"--unit", "pakila", "register", "review", "decide", std::to_string(item), "--verdict", "same",
                     "--by", "Liisa", "--reason", "x"});
    EXPECT_NE(twice.exit_code, 0);
    EXPECT_NE(twice.err.find("already decided"), std::string::npos) << twice.err;
}

// Deciding a bridge touches the orderer's records: another unit's staff are refused (exit 5) and change
// nothing; the unit's own staff (the tests above) and a coordinator decide it.
TEST_F(RegisterBridgeReview, AnotherUnitsStaffMayNotDecideIt) {
    add_unit("uusix");
    const auto orderer = register_clusters()["pakila/k1"];
    const std::string before = database_contents();
    for (const char* verdict : {"same", "not-same", "skip"}) {
        auto refused = jc({"--unit", "uusix", "register", "review", "decide", std::to_string(item), "--verdict", verdict,
                           "--by", "Liisa", "--reason", "r"});
        EXPECT_EQ(refused.exit_code, 5) << refused.err;
        EXPECT_NE(refused.err.find("orderer " + std::to_string(orderer) + " holds source records of the unit pakila"),
                  std::string::npos)
            << refused.err;
    }
    EXPECT_EQ(database_contents(), before);
    EXPECT_EQ(jc({"--role", "coordinator", "register", "review", "decide", std::to_string(item), "--verdict", "skip",
                  "--by", "Liisa", "--reason", "r"}).exit_code,
              0);
}

}  // namespace
