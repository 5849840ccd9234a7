// End-to-end tests of which unit's staff may change which orderers: staff merge, unmerge and decide review
// items only when every source record involved is their own unit's; a coordinator may do it for any unit;
// logging a contact stays open to every unit's staff.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <vector>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::write_file;

class RegisterUnitRights : public jobcenter::testing::RegisterCliTest {
protected:
    RegisterUnitRights() { quiet = true; }

    // Each unit's register holds one pair dedupe leaves for review (pakila p1/p2, uusix u1/u2) and one more.
    void SetUp() override {
        add_unit("pakila");
        add_unit("uusix");
        write_file(dir / "pakila.csv",
                   "id;Yritys;Katuosoite;Postinumero;Puhelin\n"
                   "p1;Kallion Kukka Ky;Fleminginkatu 5;00530;040 111 2222\n"
                   "p2;Kallion Kukkakauppa;;00530;\n"
                   "p3;Pasilan Leipomo;Ratapihantie 11;00520;09 555 1234\n");
        write_file(dir / "uusix.csv",
                   "id;Nimi;Osoite;Postinro;Puh\n"
                   "u1;Puutarha Virtanen;;00700;050 123 1234\n"
                   "u2;Virtasen Puutarhapalvelu;;00700;\n"
                   "u3;Töölön Sauna Oy;Runeberginkatu 3;00100;\n");
        ASSERT_EQ(jc({"register", "import", (dir / "pakila.csv").string(), "--unit", "pakila"}).exit_code, 0);
        ASSERT_EQ(jc({"register", "import", (dir / "uusix.csv").string(), "--unit", "uusix"}).exit_code, 0);
        ASSERT_EQ(jc_json({"register", "dedupe", "--role", "coordinator"}).at("review_queue").at("open").as_int64(), 2);
        ids = register_clusters();
        const json::value queue = jc_json({"register", "review", "list"});
        for (const auto& row : queue.at("rows").as_array()) {
            const auto a = row.at("orderer_a").as_int64();
            (a == ids["pakila/p1"] || a == ids["pakila/p2"] ? pakila_item : uusix_item) = row.at("item").as_int64();
        }
        ASSERT_NE(pakila_item, 0);
        ASSERT_NE(uusix_item, 0);
    }
    // `register merge` of the orderers of two records, by `who` (global options).
    jobcenter::testing::RunResult merge(const std::string& other, const std::string& into, std::vector<std::string> who) {
        who.insert(who.end(), {"register", "merge", std::to_string(ids[other]), "--into", std::to_string(ids[into]), "--by",
                               "Anna", "--reason", "same employer"});
        return jc(who);
    }
    jobcenter::testing::RunResult unmerge(std::int64_t event, std::vector<std::string> who) {
        who.insert(who.end(), {"register", "unmerge", std::to_string(event), "--by", "Anna", "--reason", "a mistake"});
        return jc(who);
    }
    jobcenter::testing::RunResult decide(std::int64_t item, const std::string& verdict, std::vector<std::string> who) {
        who.insert(who.end(), {"register", "review", "decide", std::to_string(item), "--verdict", verdict, "--by", "Liisa",
                               "--reason", "called them"});
        return jc(who);
    }
    static std::int64_t event_of(const jobcenter::testing::RunResult& r) {
        return json::parse(r.out).at("event").as_int64();
    }
    static void expect_refused(const jobcenter::testing::RunResult& r, const std::string& orderers, const std::string& units) {
        EXPECT_EQ(r.exit_code, 5) << r.err;
        EXPECT_NE(r.err.find(orderers + " hold source records of " + units), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("a coordinator can do this"), std::string::npos) << r.err;
    }
    std::string pair(const std::string& a, const std::string& b) {
        auto x = ids[a], y = ids[b];
        return "orderers " + std::to_string(std::min(x, y)) + " and " + std::to_string(std::max(x, y));
    }

    std::map<std::string, std::int64_t> ids;
    std::int64_t pakila_item = 0, uusix_item = 0;
    const std::vector<std::string> pakila_staff{"--format=json", "--unit", "pakila"};
    const std::vector<std::string> uusix_staff{"--format=json", "--unit", "uusix"};
    const std::vector<std::string> coordinator{"--format=json", "--role", "coordinator"};
};

TEST_F(RegisterUnitRights, StaffMergeAndUnmergeTheirOwnUnitsOrderers) {
    auto merged = merge("pakila/p2", "pakila/p1", pakila_staff);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    EXPECT_EQ(register_clusters()["pakila/p2"], ids["pakila/p1"]);
    auto undone = unmerge(event_of(merged), pakila_staff);
    ASSERT_EQ(undone.exit_code, 0) << undone.err;
    EXPECT_EQ(register_clusters(), ids);
}

TEST_F(RegisterUnitRights, StaffAreRefusedAMergeTouchingAnotherUnitsRecordsAndNothingChanges) {
    const std::string before = database_contents();
    expect_refused(merge("uusix/u2", "uusix/u1", pakila_staff), pair("uusix/u1", "uusix/u2"), "the unit uusix");
    expect_refused(merge("uusix/u1", "pakila/p1", pakila_staff), pair("pakila/p1", "uusix/u1"), "the unit uusix");
    auto no_unit = merge("pakila/p2", "pakila/p1", {});
    expect_refused(no_unit, pair("pakila/p1", "pakila/p2"), "the unit pakila");
    EXPECT_NE(no_unit.err.find("staff who act for no unit"), std::string::npos) << no_unit.err;
    auto named = merge("uusix/u2", "uusix/u1", pakila_staff);
    EXPECT_NE(named.err.find("register merge: "), std::string::npos) << "names the command: " << named.err;
    EXPECT_NE(named.err.find("staff of pakila"), std::string::npos) << named.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterUnitRights, AnOrdererCountsWithEverythingMergedIntoIt) {
    ASSERT_EQ(merge("uusix/u3", "pakila/p1", coordinator).exit_code, 0);
    const std::string before = database_contents();
    expect_refused(merge("pakila/p2", "pakila/p1", pakila_staff), pair("pakila/p1", "pakila/p2"), "the unit uusix");
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterUnitRights, ACoordinatorMergesAndUnmergesAnyUnitsOrderers) {
    auto merged = merge("uusix/u1", "pakila/p3", coordinator);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    const std::string before = database_contents();
    expect_refused(unmerge(event_of(merged), pakila_staff), pair("pakila/p3", "uusix/u1"), "the unit uusix");
    expect_refused(unmerge(event_of(merged), uusix_staff), pair("pakila/p3", "uusix/u1"), "the unit pakila");
    EXPECT_EQ(database_contents(), before);
    auto undone = unmerge(event_of(merged), coordinator);
    ASSERT_EQ(undone.exit_code, 0) << undone.err;
    EXPECT_EQ(register_clusters(), ids);
}

TEST_F(RegisterUnitRights, StaffOfAnotherUnitCannotUndoAUnitsOwnMerge) {
    auto merged = merge("pakila/p2", "pakila/p1", pakila_staff);
    ASSERT_EQ(merged.exit_code, 0) << merged.err;
    const std::string before = database_contents();
    expect_refused(unmerge(event_of(merged), uusix_staff), pair("pakila/p1", "pakila/p2"), "the unit pakila");
    EXPECT_EQ(database_contents(), before);
}

TEST_F(RegisterUnitRights, StaffDecideOnlyTheirOwnUnitsReviewItems) {
    const std::string before = database_contents();
    for (const char* verdict : {"same", "not-same", "skip"})
        expect_refused(decide(uusix_item, verdict, pakila_staff), pair("uusix/u1", "uusix/u2"), "the unit uusix");
    EXPECT_EQ(database_contents(), before);

    auto own = decide(pakila_item, "skip", pakila_staff);
    EXPECT_EQ(own.exit_code, 0) << own.err;
    auto same = decide(uusix_item, "same", uusix_staff);
    EXPECT_EQ(same.exit_code, 0) << same.err;
    EXPECT_EQ(register_clusters()["uusix/u1"], register_clusters()["uusix/u2"]);
}

TEST_F(RegisterUnitRights, ACoordinatorDecidesAnyReviewItem) {
    auto decided = decide(uusix_item, "not-same", coordinator);
    EXPECT_EQ(decided.exit_code, 0) << decided.err;
}

TEST_F(RegisterUnitRights, AnyUnitsStaffLogAContactOnAnyOrderer) {
    jc_json({"register", "contact", "add", std::to_string(ids["pakila/p1"]), "--unit", "uusix", "--staff", "Pekka",
             "--outcome", "waiting"});
    auto listed = jc_json({"register", "contact", "list", std::to_string(ids["pakila/p1"])});
    ASSERT_EQ(listed.at("count").as_int64(), 1);
    EXPECT_EQ(listed.at("rows").at(0).at("unit").as_string(), "uusix") << "the entry names the unit";
}

}  // namespace

namespace {

// A unit's source records are its own to read: staff of another unit see that the orderer has a record of
// that unit, never the record; a coordinator, and the command line without --unit, read every record.
TEST_F(RegisterUnitRights, StaffReadOnlyTheirOwnUnitsSourceRecords) {
    const auto coordinator_merge = merge("uusix/u3", "pakila/p3", coordinator);
    ASSERT_EQ(coordinator_merge.exit_code, 0) << coordinator_merge.err;
    auto sources_seen_by = [&](std::vector<std::string> who) {
        who.insert(who.end(), {"register", "show", std::to_string(ids["pakila/p3"])});
        auto r = jc(who);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out).at("sources").as_array();
    };
    const auto pakila_view = sources_seen_by(pakila_staff);
    ASSERT_EQ(pakila_view.size(), 2u);
    EXPECT_EQ(pakila_view[0].at("name").as_string(), "Pasilan Leipomo");
    EXPECT_EQ(pakila_view[1].at("unit").as_string(), "uusix");
    EXPECT_FALSE(pakila_view[1].as_object().contains("name"));
    EXPECT_FALSE(pakila_view[1].as_object().contains("source_id"));
    EXPECT_TRUE(pakila_view[1].as_object().contains("withheld"));
    for (const auto& who : {coordinator, std::vector<std::string>{"--format=json"}}) {
        const auto all = sources_seen_by(who);
        ASSERT_EQ(all.size(), 2u);
        EXPECT_EQ(all[1].at("name").as_string(), "Töölön Sauna Oy");
    }
    auto exported = jc(std::vector<std::string>{"--format=json", "--unit", "pakila", "register", "export-clusters"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const json::value rows = json::parse(exported.out);
    EXPECT_FALSE(rows.at("rows").as_array().empty());
    for (const auto& row : rows.at("rows").as_array()) EXPECT_EQ(row.at("unit").as_string(), "pakila");
}

TEST_F(RegisterUnitRights, AReviewPairShowsOnlyTheCallersUnitsRecords) {
    auto r = jc(std::vector<std::string>{"--format=json", "--unit", "uusix", "register", "review", "show",
                                         std::to_string(pakila_item)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto shown = json::parse(r.out);
    for (const char* side : {"a", "b"})
        for (const auto& record : shown.at(side).at("sources").as_array()) {
            EXPECT_EQ(record.at("unit").as_string(), "pakila");
            EXPECT_TRUE(record.as_object().contains("withheld")) << json::serialize(record);
        }
    EXPECT_FALSE(shown.at("fields").as_array().empty());  // the golden fields stay comparable
}

}  // namespace
