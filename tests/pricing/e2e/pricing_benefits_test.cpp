// End-to-end tests of `pricing benefits CLIENT`, the benefit watch: for clients built to sit just under, at and
// over each limit kind, `matching match` reports the limit's rule for an order exactly when `pricing benefits`
// says that order's gig would cross it; commission work of a client on an unemployment benefit is refused with
// the reason; yearly commission income at the YEL warning share is flagged; and a paid occurrence counts once,
// also when payroll's own runs (and their adjustments) are marked paid.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class PricingBenefits : public jobcenter::testing::MatchingCliTest {
protected:
    static json::array earned(const char* month, const char* amount) {
        return json::array{json::object{{"month", month}, {"amount", amount}}};
    }
    void propose(const std::string& order, const std::string& client) {
        const RunResult r = jc({"--unit", "vallila", "matching", "gig", "propose", "--order", order, "--client", client});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    json::value benefits(const std::string& client) { return jc_json({"--unit", "vallila", "pricing", "benefits", client}); }
    static const json::object* gig_on(const json::value& watch, const std::string& order) {
        for (const auto& g : watch.at("gigs").as_array())
            if (g.at("order").as_string() == order) return &g.as_object();
        return nullptr;
    }
    static bool would_cross(const json::object& gig, const std::string& rule) {
        for (const auto& f : gig.at("would_cross").as_array())
            if (f.at("rule").as_string() == rule) return true;
        return false;
    }
    static bool has_flag(const json::value& watch, const std::string& part) {
        for (const auto& f : watch.at("flags").as_array())
            if (std::string(f.as_string()).find(part) != std::string::npos) return true;
        return false;
    }
};

struct Case {
    const char* client;
    const char* benefit;  // "" for none
    const char* month;
    const char* earned;
    const char* contract;
    const char* rule;
    bool crosses;
};

// Each order: 2 h on Tuesday 2026-02-03 at 10,00 €/h, 20.00. Limits of 2026: the disability pension's 976.59 a
// month; basic social assistance's 150.00 a month protected; the pensioner's housing allowance's rise of 924.00 a
// year; 80 % of the YEL minimum 9423.09, 7538.47 (reached, not passed, warns).
const Case cases[] = {
    {"S-UNDER", "disability-pension", "2026-02", "956.58", "employment", "benefit-limit", false},
    {"S-AT", "disability-pension", "2026-02", "956.59", "employment", "benefit-limit", false},
    {"S-OVER", "disability-pension", "2026-02", "956.60", "employment", "benefit-limit", true},
    {"A-UNDER", "basic-social-assistance", "2026-02", "129.99", "employment", "benefit-adjustment", false},
    {"A-AT", "basic-social-assistance", "2026-02", "130.00", "employment", "benefit-adjustment", false},
    {"A-OVER", "basic-social-assistance", "2026-02", "130.01", "employment", "benefit-adjustment", true},
    {"R-UNDER", "pensioners-housing-allowance", "2026-01", "903.99", "employment", "benefit-adjustment", false},
    {"R-AT", "pensioners-housing-allowance", "2026-01", "904.00", "employment", "benefit-adjustment", false},
    {"R-OVER", "pensioners-housing-allowance", "2026-01", "904.01", "employment", "benefit-adjustment", true},
    {"Y-UNDER", "", "2026-01", "7518.46", "commission", "yel-threshold", false},
    {"Y-AT", "", "2026-01", "7518.47", "commission", "yel-threshold", true},
    {"Y-OVER", "", "2026-01", "7518.48", "commission", "yel-threshold", true},
};

TEST_F(PricingBenefits, TheMatchAndTheBenefitWatchGiveTheSameAnswerAtEveryLimit) {
    json::array clients, orders;
    for (const auto& c : cases) {
        json::array benefit_codes;
        if (*c.benefit) benefit_codes.emplace_back(c.benefit);
        clients.push_back(client(c.client, {{"benefits", benefit_codes}, {"earnings", earned(c.month, c.earned)}}));
        orders.push_back(order(std::string("T-") + c.client, {{"seats", 1}, {"contract", c.contract}}));
    }
    load(clients, orders);
    for (const auto& c : cases) propose(std::string("T-") + c.client, c.client);

    for (const auto& c : cases) {
        const std::string order_id = std::string("T-") + c.client;
        const auto m = match(order_id);
        const bool match_says = !detail(m, c.client, c.rule).empty();
        const auto watch = benefits(c.client);
        const auto* gig = gig_on(watch, order_id);
        ASSERT_TRUE(gig) << c.client;
        const bool watch_says = would_cross(*gig, c.rule);
        EXPECT_EQ(match_says, watch_says) << c.client << ": match " << detail(m, c.client, c.rule) << "; watch "
                                          << json::serialize(gig->at("would_cross"));
        EXPECT_EQ(watch_says, c.crosses) << c.client << " " << json::serialize(watch.at("gigs"));
    }
}

TEST_F(PricingBenefits, CommissionWorkOfAClientOnAnUnemploymentBenefitIsRefusedWithTheReason) {
    load({client("U-1", {{"benefits", json::array{"labour-market-subsidy"}}})},
         {order("T-C", {{"contract", "commission"}}), order("T-E", {{"start", "2026-02-10T10:00"}})});
    propose("T-C", "U-1");
    propose("T-E", "U-1");
    const auto watch = benefits("U-1");
    const auto* commission = gig_on(watch, "T-C");
    ASSERT_TRUE(commission);
    const std::string reason(commission->at("refused").as_string());
    EXPECT_NE(reason.find("refused: the client is on labour-market-subsidy; commission work counts as entrepreneurship for "
                          "unemployment benefit, which stops while the entrepreneurship report is processed (about 30 days)"),
              std::string::npos)
        << reason;
    EXPECT_TRUE(has_flag(watch, "(order T-C, commission) is refused"));
    EXPECT_EQ(exclusions(match("T-C"), "U-1"), std::vector<std::string>{"commission-unemployment-benefit"});

    // Employment work is not refused; with no protected amount since 2024-04-01 every euro reduces the subsidy.
    const auto* employment = gig_on(watch, "T-E");
    ASSERT_TRUE(employment);
    EXPECT_TRUE(employment->at("refused").is_null());
    EXPECT_TRUE(would_cross(*employment, "benefit-adjustment"));
    EXPECT_TRUE(has(warnings(match("T-E"), "U-1"), "benefit-adjustment"));
}

TEST_F(PricingBenefits, YearlyCommissionIncomeAtTheYelWarningShareIsFlagged) {
    load({client("Y-1", {{"earnings", earned("2026-01", "7600.00")}}), client("Y-2", {{"earnings", earned("2026-01", "7000.00")}})});
    EXPECT_TRUE(has_flag(benefits("Y-1"), "commission income 2026: 7600.00 is at or above 80 % of the YEL minimum 9423.09 "
                                          "(7538.47)"));
    EXPECT_FALSE(has_flag(benefits("Y-2"), "commission income"));
    const auto text = jc({"--unit", "vallila", "pricing", "benefits", "Y-1"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("flags:\n  - commission income 2026: 7600.00"), std::string::npos) << text.out;
}

TEST_F(PricingBenefits, APaidOccurrenceCountsOnce) {
    env = {"JOBCENTER_NOW=2026-02-05T10:00:00Z"};
    load({client("P-1", {{"benefits", json::array{"disability-pension"}}, {"earnings", earned("2026-02", "930.00")}})},
         {order("T-A", {{"seats", 1}}), order("T-B", {{"seats", 1}, {"start", "2026-02-10T10:00"}})});
    propose("T-A", "P-1");
    for (const char* step : {"confirm", "accept", "done"})
        ASSERT_EQ(jc({"--unit", "vallila", "matching", "gig", step, "1"}).exit_code, 0) << step;
    ASSERT_EQ(jc({"--role", "coordinator", "matching", "gig", "approve", "1"}).exit_code, 0);
    // Payroll pays the occurrence (21.00, say, for corrected hours) and records the run.
    const auto run = dir / "run.json";
    jobcenter::testing::write_file(run, json::serialize(json::object{
        {"run", 1}, {"lines", json::array{json::object{{"gig", 1}, {"date", "2026-02-03"}, {"client", "P-1"},
                                                       {"contract", "employment"}, {"gross", "21.00"}}}}}));
    const RunResult recorded = jc({"--role", "coordinator", "matching", "earnings-record", "--input", run.string()});
    ASSERT_EQ(recorded.exit_code, 0) << recorded.err;

    const auto watch = benefits("P-1");
    const auto& february = watch.at("months").as_array()[1].as_object();
    EXPECT_EQ(february.at("paid").as_string(), "21.00");
    EXPECT_EQ(february.at("planned").as_string(), "0.00");
    EXPECT_EQ(february.at("total").as_string(), "951.00") << "not 971.00: the paid occurrence is not planned too";
    EXPECT_EQ(gig_on(watch, "T-A")->at("planned").as_string(), "0.00");

    // T-B adds 20.00: 971.00 stays within 976.59 (counted twice it would be 991.00, past it).
    EXPECT_TRUE(is_candidate(match("T-B"), "P-1")) << json::serialize(match("T-B"));
    EXPECT_EQ(detail(match("T-B"), "P-1", "benefit-limit"), "");
}

TEST_F(PricingBenefits, PayrollsPaidRunsCountOnceWithTheirAdjustments) {
    env = {"JOBCENTER_NOW=2026-02-05T10:00:00Z"};
    load({client("P-2", {{"benefits", json::array{"disability-pension"}}})}, {order("T-A", {{"seats", 1}})});
    propose("T-A", "P-2");
    for (const char* step : {"confirm", "accept", "done"})
        ASSERT_EQ(jc({"--unit", "vallila", "matching", "gig", step, "1"}).exit_code, 0) << step;
    const std::vector<std::string> coordinator{"--role", "coordinator"};
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), coordinator.begin(), coordinator.end());
        const RunResult r = jc(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
    };
    run({"matching", "gig", "approve", "1"});
    run({"pricing", "payroll", "run", "--from", "2026-02-01", "--to", "2026-02-28"});
    run({"pricing", "payroll", "mark-paid", "1"});
    auto february = [&] { return benefits("P-2").at("months").as_array()[1].as_object(); };
    EXPECT_EQ(february().at("paid").as_string(), "20.00");
    EXPECT_EQ(february().at("planned").as_string(), "0.00");

    // One more hour found afterwards: the next run pays it as an adjustment, recorded when that run is paid.
    run({"matching", "gig", "hours", "1", "--hours", "2026-02-03=3", "--reason", "the orderer's report"});
    run({"pricing", "payroll", "run", "--from", "2026-02-01", "--to", "2026-02-28"});
    run({"pricing", "payroll", "mark-paid", "2"});
    EXPECT_EQ(february().at("paid").as_string(), "30.00");
    EXPECT_EQ(february().at("planned").as_string(), "0.00");
    EXPECT_EQ(february().at("total").as_string(), "30.00");
}

}  // namespace
