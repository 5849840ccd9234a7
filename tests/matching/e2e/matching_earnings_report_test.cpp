// End-to-end tests of `matching earnings CLIENT`: the client's earnings per month and year (loaded, paid,
// planned), each limit in force with its headroom, the planned gig and day that first crosses it, each live
// gig's findings; scoped to the caller's unit and audited as `client show` is.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingEarningsReport : public jobcenter::testing::MatchingCliTest {
protected:
    const std::vector<std::string> vallila_staff{"--unit", "vallila"};

    // C-1 (vallila, disability pension, 900.00 loaded for 2026-02) with a gig on T-1 (2 h on 2026-02-03) and one
    // on T-2 (2 h every Tuesday from 2026-02-10 to 2026-03-03).
    void SetUp() override {
        MatchingCliTest::SetUp();
        load({client("C-1", {{"benefits", json::array{"disability-pension"}},
                             {"earnings", json::array{json::object{{"month", "2026-02"}, {"amount", "900.00"}}}}})},
             {order("T-1"), order("T-2", {{"start", "2026-02-10T10:00"},
                                          {"repeat", json::object{{"every_days", 7}, {"until", "2026-03-03"}}}})});
        for (const char* o : {"T-1", "T-2"}) {
            const RunResult r = jc({"--unit", "vallila", "matching", "gig", "propose", "--order", o, "--client", "C-1"});
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
    }
    json::value report(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"--unit", "vallila", "matching", "earnings", "C-1"};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args);
    }
    static json::object row_with(const json::array& rows, const std::string& key, const std::string& value) {
        for (const auto& r : rows)
            if (r.at(key).as_string() == value) return r.as_object();
        return {};
    }
};

TEST_F(MatchingEarningsReport, EarningsPerMonthAndYear) {
    const auto r = report();
    EXPECT_EQ(r.at("year").as_int64(), 2026);
    EXPECT_EQ(r.at("on").as_string(), "2026-01-15");
    const auto& months = r.at("months").as_array();
    ASSERT_EQ(months.size(), 12u);
    const json::object february{{"month", "2026-02"}, {"loaded", "900.00"}, {"paid", "0.00"}, {"planned", "80.00"},
                                {"total", "980.00"}};
    EXPECT_EQ(months[1].as_object(), february);
    EXPECT_EQ(months[2].at("planned").as_string(), "20.00");
    EXPECT_EQ(months[0].at("total").as_string(), "0.00");
    const json::object year{{"year", 2026},        {"loaded", "900.00"}, {"paid", "0.00"},
                            {"planned", "100.00"}, {"total", "1000.00"}, {"yel_income", "900.00"}};
    EXPECT_EQ(r.at("year_total").as_object(), year);
    EXPECT_EQ(report({"--on", "2025-06-01"}).at("year_total").at("total").as_string(), "0.00");
}

TEST_F(MatchingEarningsReport, EveryLimitInForceWithItsHeadroomAndWherePlannedWorkCrossesIt) {
    const auto r = report();
    std::vector<json::object> pension;
    for (const auto& l : r.at("limits").as_array())
        if (l.at("benefit").as_string() == "disability-pension") pension.push_back(l.as_object());
    ASSERT_EQ(pension.size(), 12u) << "one row a month";
    EXPECT_EQ(pension[1].at("period").as_string(), "2026-02");
    EXPECT_EQ(pension[1].at("kind").as_string(), "suspension");
    EXPECT_EQ(pension[1].at("rule").as_string(), "benefit-limit");
    EXPECT_EQ(pension[1].at("amount").as_string(), "976.59");
    EXPECT_EQ(pension[1].at("earnings").as_string(), "980.00");
    EXPECT_EQ(pension[1].at("headroom").as_string(), "-3.41");
    EXPECT_FALSE(pension[1].at("verified").as_bool());
    EXPECT_EQ(pension[2].at("headroom").as_string(), "956.59");

    const auto yel = row_with(r.at("limits").as_array(), "benefit", "commission-income");
    EXPECT_EQ(yel.at("period").as_string(), "2026");
    EXPECT_EQ(yel.at("amount").as_string(), "9423.09");
    EXPECT_EQ(yel.at("threshold").as_string(), "7538.47") << "80 % of the minimum warns";
    EXPECT_EQ(yel.at("earnings").as_string(), "900.00");
    EXPECT_EQ(yel.at("headroom").as_string(), "8523.09");

    // 900.00 + 20.00 on 02-03, 02-10 and 02-17 stays within 976.59; 02-24 takes February to 980.00.
    const auto& crossings = r.at("crossings").as_array();
    ASSERT_EQ(crossings.size(), 1u) << json::serialize(crossings);
    const auto& c = crossings[0].as_object();
    EXPECT_EQ(c.at("benefit").as_string(), "disability-pension");
    EXPECT_EQ(c.at("period").as_string(), "2026-02");
    EXPECT_EQ(c.at("date").as_string(), "2026-02-24");
    EXPECT_EQ(c.at("order").as_string(), "T-2");
    EXPECT_EQ(c.at("earnings").as_string(), "980.00");
    EXPECT_EQ(c.at("threshold").as_string(), "976.59");
}

TEST_F(MatchingEarningsReport, EachGigWithTheLimitsTheRulesFindItPast) {
    const auto gigs = report().at("gigs").as_array();
    ASSERT_EQ(gigs.size(), 2u);
    const auto t1 = row_with(gigs, "order", "T-1");
    EXPECT_EQ(t1.at("status").as_string(), "proposed");
    EXPECT_EQ(t1.at("contract").as_string(), "employment");
    EXPECT_EQ(t1.at("planned").as_string(), "20.00");
    EXPECT_EQ(t1.at("unpaid_occurrences").as_int64(), 1);
    const auto& found = t1.at("would_cross").as_array();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].at("rule").as_string(), "benefit-limit");
    EXPECT_EQ(found[0].at("period").as_string(), "2026-02");
    EXPECT_EQ(found[0].at("date").as_string(), "2026-02-03");
    EXPECT_EQ(found[0].at("earnings").as_string(), "980.00");
    const auto t2 = row_with(gigs, "order", "T-2");
    EXPECT_EQ(t2.at("planned").as_string(), "80.00");
    EXPECT_EQ(t2.at("would_cross").as_array()[0].at("date").as_string(), "2026-02-10");

    // `matching match` finds the same for the client's gig on each order.
    for (const char* o : {"T-1", "T-2"})
        EXPECT_EQ(exclusions(match(o), "C-1"), std::vector<std::string>{"benefit-limit"}) << o;
}

TEST_F(MatchingEarningsReport, OnlyTheClientsUnitSeesItAndEveryReadIsAudited) {
    const std::string before = database_contents();
    const RunResult other = jc({"--unit", "pakila", "--role", "viewer", "matching", "earnings", "C-1"});
    EXPECT_EQ(other.exit_code, 4) << other.err;
    EXPECT_NE(other.err.find("CLIENT: no client 'C-1'"), std::string::npos) << other.err;
    const RunResult missing = jc({"--unit", "vallila", "matching", "earnings", "C-9"});
    EXPECT_EQ(missing.exit_code, 4) << missing.err;
    EXPECT_EQ(database_contents(), before);

    jc_json({"--unit", "vallila", "--role", "viewer", "matching", "earnings", "C-1", "--on", "2026-03-01"});
    auto opened = jobcenter::Database::open(db);
    auto q = opened.prepare("SELECT unit, role, subject_kind, subject_id, detail FROM audit_log WHERE action = 'matching.earnings'");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.get_text(0), "vallila");
    EXPECT_EQ(q.get_text(1), "viewer");
    EXPECT_EQ(q.get_text(2), "client");
    EXPECT_EQ(q.get_text(3), "C-1");
    EXPECT_EQ(q.get_text(4), "earnings on 2026-03-01");
    EXPECT_FALSE(q.step());
}

}  // namespace
