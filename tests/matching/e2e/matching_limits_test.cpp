// End-to-end tests of the dated benefit limits as figures: `matching limits [--on]` lists them (the row in force
// as the rules pick it), `matching limit-set` adds one (rows already there never change; the later row wins from
// its valid_from), and `pricing figures list|set` show and set them as benefit-limit.<benefit>.<kind>.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <tuple>

#include "jobcenter/errors.hpp"
#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingLimits : public jobcenter::testing::CliTest {
protected:
    MatchingLimits() { quiet = true; }

    json::array limits(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"matching", "limits"};
        args.insert(args.end(), extra.begin(), extra.end());
        return jc_json(args).at("limits").as_array();
    }
    // The row of `benefit` and `kind` among `rows` (the first; null when none).
    static const json::object* row_of(const json::array& rows, const std::string& benefit, const std::string& kind) {
        for (const auto& r : rows)
            if (r.at("benefit").as_string() == benefit && r.at("kind").as_string() == kind) return &r.as_object();
        return nullptr;
    }
    RunResult set(std::vector<std::string> args, const std::string& role = "admin") {
        args.insert(args.begin(), {"--role", role, "matching", "limit-set"});
        return jc(args);
    }
    void expect_refused(const std::vector<std::string>& args, int exit_code, const std::string& message,
                        const std::string& role = "admin") {
        const std::string before = database_contents();
        const RunResult r = set(args, role);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(database_contents(), before);
    }
};

TEST_F(MatchingLimits, ListsEveryRowOrThoseInForceOnADay) {
    const auto all = limits();
    EXPECT_EQ(all.size(), 20u);
    const auto on = limits({"--on", "2026-02-01"});
    const auto* pension = row_of(on, "disability-pension", "suspension");
    ASSERT_TRUE(pension);
    EXPECT_EQ(pension->at("amount").as_string(), "976.59");
    EXPECT_EQ(pension->at("period").as_string(), "month");
    EXPECT_FALSE(pension->at("verified").as_bool());
    EXPECT_TRUE(pension->at("valid_to").is_null());
    EXPECT_EQ(pension->at("valid_from").as_string(), "2025-01-01");
    EXPECT_TRUE(pension->at("in_force").as_bool());
    const auto* subsidy = row_of(on, "labour-market-subsidy", "adjustment");
    ASSERT_TRUE(subsidy);
    EXPECT_EQ(subsidy->at("amount").as_string(), "0.00");
    EXPECT_EQ(subsidy->at("rate_percent").as_string(), "50");
    EXPECT_EQ(row_of(on, "commission-income", "yel")->at("amount").as_string(), "9423.09");
    EXPECT_EQ(on.size(), 7u) << "one row per benefit and kind";
    EXPECT_EQ(row_of(limits({"--on", "2023-05-01"}), "labour-market-subsidy", "adjustment")->at("amount").as_string(), "300.00");
}

TEST_F(MatchingLimits, ALaterRowWinsFromItsFirstDayAndRowsAreNeverChanged) {
    const std::string before_rows = json::serialize(limits());
    ASSERT_EQ(set({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1000.50",
                   "--from", "2027-01-01", "--source", "Kela 2027"})
                  .exit_code,
              0);
    EXPECT_EQ(row_of(limits({"--on", "2026-12-31"}), "disability-pension", "suspension")->at("amount").as_string(), "976.59");
    const auto rows_2027 = limits({"--on", "2027-01-01"});
    const auto* in_2027 = row_of(rows_2027, "disability-pension", "suspension");
    EXPECT_EQ(in_2027->at("amount").as_string(), "1000.50");
    EXPECT_TRUE(in_2027->at("verified").as_bool());
    EXPECT_EQ(in_2027->at("source").as_string(), "Kela 2027");
    EXPECT_EQ(in_2027->at("set_by").as_string(), "admin");

    // A second row from the same day corrects the first: the higher id wins.
    ASSERT_EQ(set({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1001.00",
                   "--from", "2027-01-01", "--source", "Kela 2027, corrected", "--unverified"})
                  .exit_code,
              0);
    const auto rows_corrected = limits({"--on", "2027-06-01"});
    const auto* corrected = row_of(rows_corrected, "disability-pension", "suspension");
    EXPECT_EQ(corrected->at("amount").as_string(), "1001.00");
    EXPECT_FALSE(corrected->at("verified").as_bool());

    // An adjustment takes the rate of the row in force on its first day when --rate is not given.
    ASSERT_EQ(set({"--benefit", "labour-market-subsidy", "--kind", "adjustment", "--period", "month", "--amount", "100",
                   "--from", "2027-01-01", "--source", "a protected amount again"})
                  .exit_code,
              0);
    EXPECT_EQ(row_of(limits({"--on", "2027-01-01"}), "labour-market-subsidy", "adjustment")->at("rate_percent").as_string(), "50");

    const auto now = limits();  // the rows there before are listed as they were
    std::size_t unchanged = 0;
    const json::value before = json::parse(before_rows);
    for (const auto& r : before.as_array())
        for (const auto& n : now)
            if (n.at("id") == r.at("id")) unchanged += json::serialize(n) == json::serialize(r) ? 1 : 0;
    EXPECT_EQ(unchanged, 20u);

    auto opened = jobcenter::Database::open(db);
    EXPECT_THROW(opened.exec("UPDATE benefit_limit SET cents = 1 WHERE id = 1"), jobcenter::Error);
    EXPECT_THROW(opened.exec("DELETE FROM benefit_limit WHERE id = 1"), jobcenter::Error);
}

TEST_F(MatchingLimits, EveryValueIsCheckedAgainstWhatTheRulesCount) {
    limits();  // the database, migrated
    const std::vector<std::string> base{"--from", "2027-01-01", "--source", "x"};
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.end(), base.begin(), base.end());
        return args;
    };
    expect_refused(with({"--benefit", "child-benefit", "--kind", "suspension", "--period", "month", "--amount", "1"}), 3,
                   "--benefit: unknown benefit 'child-benefit': use one of labour-market-subsidy");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "yel", "--period", "year", "--amount", "1"}), 3,
                   "--kind: the YEL minimum is --benefit commission-income --kind yel");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "pause", "--period", "month", "--amount", "1"}), 3,
                   "--kind: unknown kind 'pause': use suspension, adjustment, review or yel");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "suspension", "--period", "year", "--amount", "1"}), 3,
                   "--period: the rules count a suspension limit per month, not per year");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "-1"}), 3,
                   "--amount: must be from 0.00 to 1000000.00 euros, not -1");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1.005"}), 3,
                   "--amount: ");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1",
                         "--rate", "50"}),
                   3, "--rate: a suspension limit takes no rate");
    expect_refused(with({"--benefit", "basic-social-assistance", "--kind", "adjustment", "--period", "month", "--amount", "1",
                         "--rate", "150"}),
                   3, "--rate: must be a percent from 0 to 100, not 150");
    expect_refused({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1", "--from",
                    "2027-01-01", "--source", " "},
                   3, "--source: say where the limit comes from");
    expect_refused(with({"--benefit", "disability-pension", "--kind", "suspension", "--period", "month", "--amount", "1"}), 5,
                   "needs the role admin", "coordinator");
}

TEST_F(MatchingLimits, PricingFiguresListAndSetTheBenefitLimits) {
    const auto figures = jc_json({"pricing", "figures", "list", "--on", "2026-02-01"}).at("figures").as_array();
    const json::object* yel = nullptr;
    for (const auto& f : figures)
        if (f.at("name").as_string() == "benefit-limit.commission-income.yel") yel = &f.as_object();
    ASSERT_TRUE(yel);
    EXPECT_EQ(yel->at("value").as_string(), "9423.09");
    EXPECT_EQ(yel->at("kind").as_string(), "euros per year");
    EXPECT_EQ(yel->at("valid_from").as_string(), "2026-01-01");
    EXPECT_TRUE(yel->at("in_force").as_bool());

    const RunResult set_limit = jc({"--role", "admin", "pricing", "figures", "set", "benefit-limit.disability-pension.suspension",
                                    "1000.00", "--from", "2027-01-01", "--source", "Kela 2027"});
    ASSERT_EQ(set_limit.exit_code, 0) << set_limit.err;
    const auto rows_2027 = limits({"--on", "2027-01-01"});
    const auto* pension = row_of(rows_2027, "disability-pension", "suspension");
    EXPECT_EQ(pension->at("amount").as_string(), "1000.00");
    EXPECT_EQ(pension->at("period").as_string(), "month");

    const std::string before = database_contents();
    for (const auto& [name, value, message] :
         {std::tuple{"benefit-limit.disability-pension.review", "1000.00",
                     "NAME: unknown benefit limit 'benefit-limit.disability-pension.review': the benefit limits are "
                     "benefit-limit.basic-social-assistance.adjustment"},
          std::tuple{"benefit-limit.commission-income.yel", "-5", "VALUE: must be from 0.00"}}) {
        const RunResult r = jc({"--role", "admin", "pricing", "figures", "set", name, value, "--from", "2027-01-01", "--source", "x"});
        EXPECT_EQ(r.exit_code, 3) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    }
    EXPECT_EQ(database_contents(), before);
}

}  // namespace
