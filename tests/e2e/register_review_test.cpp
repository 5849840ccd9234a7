// End-to-end tests of the review queue: dedupe fills it with the pairs it could not decide, an item
// shows both orderers side by side with the evidence, and each decision (same, not the same, skip) does
// what it says, is in the history, and is remembered by the next dedupe run.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterReview : public jobcenter::testing::CliTest {
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
        return jc_json({"register", "review", "decide", std::to_string(item), "--verdict", verdict, "--by", "Liisa",
                        "--reason", "called them"});
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

    auto twice = jc({"register", "review", "decide", std::to_string(second), "--verdict", "same", "--by", "Liisa",
                     "--reason", "r"});
    EXPECT_EQ(twice.exit_code, 3);
    EXPECT_NE(twice.err.find("already decided"), std::string::npos) << twice.err;
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
    auto bad_verdict = jc({"register", "review", "decide", item, "--verdict", "maybe", "--by", "L", "--reason", "r"});
    EXPECT_EQ(bad_verdict.exit_code, 3);
    EXPECT_NE(bad_verdict.err.find("same, not-same or skip"), std::string::npos) << bad_verdict.err;
    auto unknown = jc({"register", "review", "show", "999"});
    EXPECT_EQ(unknown.exit_code, 4);
    auto no_by = jc({"register", "review", "decide", item, "--verdict", "same", "--reason", "r"});
    EXPECT_NE(no_by.exit_code, 0);
    EXPECT_EQ(queue().size(), 2u);
    EXPECT_EQ(jc_json({"register", "history"}).at("count").as_int64(), 0) << "no decision was recorded";
}

}  // namespace
