// End-to-end tests of matching's rules, one per rule of issue 17: a client who breaks the rule is left out
// (or warned) under exactly that rule name with what was found, and a client just inside the limit is not.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace json = boost::json;
using Names = std::vector<std::string>;

class MatchingRules : public jobcenter::testing::MatchingCliTest {
protected:
    // The Kuty unit's client: as client(), in pakila.
    static json::object kuty_client(const std::string& id, json::object overrides = {}) {
        overrides.emplace("unit", "pakila");
        return client(id, overrides);
    }
    static json::array slots(std::initializer_list<const char*> days, const char* from = "09:00", const char* to = "13:00") {
        json::array out;
        for (const char* day : days) out.push_back(json::object{{"day", day}, {"from", from}, {"to", to}});
        return out;
    }
    static json::array earned(const char* month, const char* amount) {
        return json::array{json::object{{"month", month}, {"amount", amount}}};
    }
    static json::array benefits(std::initializer_list<const char*> codes) {
        json::array out;
        for (const char* code : codes) out.push_back(json::value(code));
        return out;
    }
    static bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
};

TEST_F(MatchingRules, EveryClientOfTheBaseCaseIsACandidate) {
    auto m = load_and_match({client("C-1"), kuty_client("C-2")}, {order("T-1")});
    EXPECT_TRUE(is_candidate(m, "C-1")) << json::serialize(m);
    EXPECT_TRUE(is_candidate(m, "C-2")) << json::serialize(m);
    EXPECT_TRUE(m.at("excluded").as_array().empty()) << json::serialize(m);
}

TEST_F(MatchingRules, WantsPaidWork) {
    auto m = load_and_match({client("C-1", {{"wants_paid_work", false}}), client("C-2")}, {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"wants-paid-work"});
    EXPECT_TRUE(contains(detail(m, "C-1", "wants-paid-work"), "does not want paid work"));
    EXPECT_TRUE(is_candidate(m, "C-2"));
}

TEST_F(MatchingRules, ApprovedMissingOrAfterTheStart) {
    auto m = load_and_match({client("C-1", {{"approved", nullptr}}),
                             client("C-2", {{"approved", json::object{{"by", "unit-director"}, {"on", "2026-02-04"}}}}),
                             client("C-3", {{"approved", json::object{{"by", "coordinator"}, {"on", "2026-02-03"}}}})},
                            {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"approved"});
    EXPECT_EQ(detail(m, "C-1", "approved"), "not approved for paid work");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"approved"});
    EXPECT_EQ(detail(m, "C-2", "approved"), "approved on 2026-02-04, after the order starts on 2026-02-03");
    EXPECT_TRUE(is_candidate(m, "C-3")) << "approved on the order's first day is in time";
}

TEST_F(MatchingRules, ConsentY100MissingOrSignedAfterTheStart) {
    auto m = load_and_match({client("C-1", {{"consent_y100", nullptr}}), client("C-2", {{"consent_y100", "2026-02-04"}}),
                             client("C-3", {{"consent_y100", "2026-02-03"}})},
                            {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"consent-y100"});
    EXPECT_EQ(detail(m, "C-1", "consent-y100"), "no Y 100 consent signed");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"consent-y100"});
    EXPECT_TRUE(contains(detail(m, "C-2", "consent-y100"), "2026-02-04, after the order starts on 2026-02-03"));
    EXPECT_TRUE(is_candidate(m, "C-3"));
}

TEST_F(MatchingRules, SkillsRecognitionIsNeededInKutyOnly) {
    auto m = load_and_match({kuty_client("C-1", {{"skills_recognised", nullptr}}),
                             kuty_client("C-2", {{"skills_recognised", "2026-02-10"}}),
                             client("C-3", {{"skills_recognised", nullptr}}), kuty_client("C-4")},
                            {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"skills-recognition"});
    EXPECT_TRUE(contains(detail(m, "C-1", "skills-recognition"), "no skills recognition recorded"));
    EXPECT_EQ(exclusions(m, "C-2"), Names{"skills-recognition"});
    EXPECT_TRUE(contains(detail(m, "C-2", "skills-recognition"), "2026-02-10"));
    EXPECT_TRUE(is_candidate(m, "C-3")) << "a VATTI client needs no skills recognition";
    EXPECT_TRUE(is_candidate(m, "C-4"));
}

TEST_F(MatchingRules, SkillMissingOrBelowTheOrdersLevel) {
    auto level = [](int n) {
        return json::object{{"skills", json::array{json::object{{"task_type", "office-cleaning"}, {"level", n}}}}};
    };
    auto m = load_and_match(
        {client("C-1", {{"skills", json::array{json::object{{"task_type", "window-washing"}, {"level", 5}}}}}),
         client("C-2", level(1)), client("C-3", level(2))},
        {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"skill"});
    EXPECT_EQ(detail(m, "C-1", "skill"), "no skill in office-cleaning");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"skill"});
    EXPECT_EQ(detail(m, "C-2", "skill"), "level 1 in office-cleaning, the order needs 2");
    EXPECT_TRUE(is_candidate(m, "C-3")) << "the order's own level is enough";
}

TEST_F(MatchingRules, UnavailableOnADayTheOrderWorks) {
    auto away = [](const char* from, const char* to) {
        return json::object{{"unavailable", json::array{json::object{{"from", from}, {"to", to}}}}};
    };
    // Every other Tuesday from 2026-02-03: the third occurrence is 2026-03-03.
    auto m = load_and_match({client("C-1", away("2026-03-02", "2026-03-06")), client("C-2", away("2026-02-04", "2026-02-16")),
                             client("C-3", away("2026-02-03", "2026-02-03"))},
                            {order("T-1", {{"repeat", json::object{{"every_days", 14}, {"until", "2026-03-31"}}}})});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"unavailable"});
    EXPECT_EQ(detail(m, "C-1", "unavailable"), "unavailable 2026-03-02–2026-03-06 (the order works on 2026-03-03)");
    EXPECT_TRUE(is_candidate(m, "C-2")) << "away only between two occurrences";
    EXPECT_EQ(exclusions(m, "C-3"), Names{"unavailable"}) << "a one-day range covers that day";
}

TEST_F(MatchingRules, TimeClashWithALiveGigButNotACancelledOne) {
    load({client("C-1"), client("C-2"), client("C-3")},
         {order("T-1"), order("T-2", {{"start", "2026-02-03T11:00"}, {"hours", 1}}),
          order("T-3", {{"start", "2026-02-03T12:00"}, {"hours", 1}})});
    const auto live = add_gig("T-2", "C-1", "confirmed");
    add_gig("T-2", "C-2", "cancelled");
    add_gig("T-3", "C-3", "accepted");
    auto m = match("T-1");
    EXPECT_EQ(exclusions(m, "C-1"), Names{"time-clash"});
    EXPECT_EQ(detail(m, "C-1", "time-clash"),
              "gig " + std::to_string(live) + " (order T-2, 2026-02-03 11:00–12:00) overlaps 2026-02-03 10:00–12:00");
    EXPECT_TRUE(is_candidate(m, "C-2")) << "a cancelled gig holds no time";
    EXPECT_TRUE(is_candidate(m, "C-3")) << "a gig that starts when the order ends does not clash";
}

TEST_F(MatchingRules, WeeklyHoursCountTheOrderAndTheWeeksOtherGigs) {
    load({client("C-1", {{"weekly_hours_max", 1}}), client("C-2", {{"weekly_hours_max", 2}}),
          client("C-3", {{"weekly_hours_max", 3}}), client("C-4", {{"weekly_hours_max", "4"}}),
          client("C-5", {{"weekly_hours_max", 3}})},
         {order("T-1"), order("T-2", {{"start", "2026-02-02T10:00"}}), order("T-3", {{"start", "2026-02-09T10:00"}})});
    add_gig("T-2", "C-3", "proposed");
    add_gig("T-2", "C-4", "proposed");
    add_gig("T-3", "C-5", "confirmed");
    auto m = match("T-1");
    EXPECT_EQ(exclusions(m, "C-1"), Names{"weekly-hours"});
    EXPECT_EQ(detail(m, "C-1", "weekly-hours"), "week of 2026-02-02: 0 h booked + 2 h = 2 h, past the weekly maximum 1 h");
    EXPECT_EQ(detail(m, "C-3", "weekly-hours"), "week of 2026-02-02: 2 h booked + 2 h = 4 h, past the weekly maximum 3 h");
    EXPECT_TRUE(is_candidate(m, "C-2")) << "exactly the weekly maximum is allowed";
    EXPECT_EQ(exclusions(m, "C-3"), Names{"weekly-hours"}) << "2 h booked on Monday + 2 h on Tuesday > 3 h";
    EXPECT_TRUE(is_candidate(m, "C-4"));
    EXPECT_TRUE(is_candidate(m, "C-5")) << "a gig of the next week counts in that week";
}

TEST_F(MatchingRules, KutyPaidWorkMayNotOverlapWorkActivityAndTheSwapNamesAFreeWeekday) {
    load({kuty_client("C-1", {{"work_activity", slots({"tue"})}}),
          kuty_client("C-2", {{"work_activity", slots({"mon", "tue"})}}),
          kuty_client("C-3", {{"work_activity", slots({"tue"}, "11:00", "15:00")}}),
          kuty_client("C-4", {{"work_activity", slots({"tue"})}}),
          kuty_client("C-5", {{"work_activity", slots({"tue"}, "07:00", "10:00")}})},
         {order("T-1"), order("T-2", {{"start", "2026-02-02T09:30"}})});
    add_gig("T-2", "C-4", "confirmed");  // Monday 09:30-11:30 is taken: the swap must go to Wednesday
    auto m = match("T-1");
    EXPECT_EQ(exclusions(m, "C-1"), Names{"kuty-outside-hours"});
    EXPECT_EQ(detail(m, "C-1", "kuty-outside-hours"),
              "2026-02-03 10:00–12:00 overlaps the client's work activity tue 09:00–13:00; swap: move the work activity of "
              "tue 09:00–13:00 to mon 2026-02-02 that week to free the slot");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"kuty-outside-hours"});
    EXPECT_TRUE(contains(detail(m, "C-2", "kuty-outside-hours"), "to wed 2026-02-04 that week"))
        << detail(m, "C-2", "kuty-outside-hours");
    EXPECT_EQ(exclusions(m, "C-3"), Names{"kuty-outside-hours"}) << "an overlap of the last hour";
    EXPECT_TRUE(contains(detail(m, "C-4", "kuty-outside-hours"), "to wed 2026-02-04 that week"))
        << "Monday holds a gig: " << detail(m, "C-4", "kuty-outside-hours");
    EXPECT_TRUE(is_candidate(m, "C-5")) << "work activity that ends when the order starts does not overlap";
}

TEST_F(MatchingRules, KutySwapSaysWhenNoWeekdayOfThatWeekIsFree) {
    auto m = load_and_match(
        {kuty_client("C-1", {{"work_activity", slots({"mon", "tue", "wed", "thu", "fri"})}}),
         kuty_client("C-2", {{"work_activity", slots({"tue"})},
                             {"unavailable", json::array{json::object{{"from", "2026-02-02"}, {"to", "2026-02-02"}},
                                                         json::object{{"from", "2026-02-04"}, {"to", "2026-02-08"}}}}})},
        {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"kuty-outside-hours"});
    EXPECT_TRUE(contains(detail(m, "C-1", "kuty-outside-hours"),
                         "no weekday of that week is free to take the work activity of tue 09:00–13:00"))
        << detail(m, "C-1", "kuty-outside-hours");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"kuty-outside-hours"});
    EXPECT_TRUE(contains(detail(m, "C-2", "kuty-outside-hours"), "no weekday of that week is free"))
        << "every other weekday is unavailable: " << detail(m, "C-2", "kuty-outside-hours");
}

TEST_F(MatchingRules, ANightOrderIsCheckedOnTheDayItEndsToo) {
    // Tuesday 22:00 to Wednesday 02:00.
    auto m = load_and_match({kuty_client("C-1", {{"work_activity", slots({"wed"}, "00:00", "04:00")}}),
                             client("C-2", {{"unavailable", json::array{json::object{{"from", "2026-02-04"}, {"to", "2026-02-06"}}}}}),
                             kuty_client("C-3", {{"work_activity", slots({"wed"}, "02:00", "06:00")}})},
                            {order("T-1", {{"start", "2026-02-03T22:00"}, {"hours", 4}})});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"kuty-outside-hours"});
    EXPECT_TRUE(contains(detail(m, "C-1", "kuty-outside-hours"), "2026-02-03 22:00–02:00 overlaps the client's work activity wed 00:00–04:00"))
        << detail(m, "C-1", "kuty-outside-hours");
    EXPECT_EQ(exclusions(m, "C-2"), Names{"unavailable"});
    EXPECT_TRUE(contains(detail(m, "C-2", "unavailable"), "(the order works on 2026-02-04)"));
    EXPECT_TRUE(is_candidate(m, "C-3")) << "work activity from when the order ends";
}

TEST_F(MatchingRules, CommissionContractExcludesUnemploymentBenefitsOnly) {
    load({client("C-1", {{"benefits", benefits({"labour-market-subsidy", "general-housing-allowance"})}}),
          client("C-2", {{"benefits", benefits({"earnings-related-unemployment-allowance"})}}),
          client("C-3", {{"benefits", benefits({"disability-pension", "pensioners-housing-allowance"})}})},
         {order("T-1", {{"contract", "commission"}}), order("T-2")});
    auto commission = match("T-1");
    EXPECT_EQ(exclusions(commission, "C-1"), Names{"commission-unemployment-benefit"});
    EXPECT_TRUE(contains(detail(commission, "C-1", "commission-unemployment-benefit"), "stops labour-market-subsidy for about 30 days"));
    EXPECT_EQ(exclusions(commission, "C-2"), Names{"commission-unemployment-benefit"});
    EXPECT_TRUE(contains(detail(commission, "C-2", "commission-unemployment-benefit"), "earnings-related-unemployment-allowance"));
    EXPECT_TRUE(is_candidate(commission, "C-3")) << "a pension is not an unemployment benefit";
    auto employment = match("T-2");
    EXPECT_TRUE(is_candidate(employment, "C-1")) << "an employment contract does not stop the benefit";
    EXPECT_TRUE(is_candidate(employment, "C-2"));
}

TEST_F(MatchingRules, EarlyEducationOverThreeMonthsNeedsTheExtract) {
    load({client("C-1"), client("C-2", {{"criminal_record_extract", "2025-11-01"}})},
         {order("T-1", {{"early_education_months", 4}}), order("T-2", {{"early_education_months", 3}})});
    auto four = match("T-1");
    EXPECT_EQ(exclusions(four, "C-1"), Names{"early-education-extract"});
    EXPECT_EQ(detail(four, "C-1", "early-education-extract"),
              "4 months at an early-education site needs a criminal-record extract; none is recorded");
    EXPECT_TRUE(is_candidate(four, "C-2"));
    auto three = match("T-2");
    EXPECT_TRUE(is_candidate(three, "C-1")) << "three months need no extract";
}

TEST_F(MatchingRules, BenefitLimitProjectsTheMonthAgainstTheDisabilityPensionLimit) {
    // The 2026 limit is 976,59 €/month (the 2024 value carried, UNVERIFIED); the order pays 2 h × 10,00 €.
    auto m = load_and_match({client("C-1", {{"benefits", benefits({"disability-pension"})}, {"earnings", earned("2026-02", "956.60")}}),
                             client("C-2", {{"benefits", benefits({"disability-pension"})}, {"earnings", earned("2026-02", "956.59")}}),
                             client("C-3", {{"benefits", benefits({"kela-disability-pension"})}, {"earnings", earned("2026-01", "956.60")}})},
                            {order("T-1")});
    EXPECT_EQ(exclusions(m, "C-1"), Names{"benefit-limit"});
    const auto text = detail(m, "C-1", "benefit-limit");
    EXPECT_TRUE(contains(text, "disability-pension: 2026-02 projected 976,60")) << text;
    EXPECT_TRUE(contains(text, "this order 20,00")) << text;
    EXPECT_TRUE(contains(text, "past the earnings limit 976,59")) << text;
    EXPECT_TRUE(contains(text, "UNVERIFIED")) << text;
    EXPECT_TRUE(is_candidate(m, "C-2")) << "exactly the limit is allowed";
    EXPECT_TRUE(is_candidate(m, "C-3")) << "earnings of another month do not count";
}

TEST_F(MatchingRules, BenefitLimitIsAWarningWhereTheUnitsScriptSaysSo) {
    load({client("C-1", {{"benefits", benefits({"disability-pension"})}, {"earnings", earned("2026-02", "990.00")}})}, {order("T-1")});
    const auto scripts = unit_scripts("vallila", "local M = defaults()\nM.rules[\"benefit-limit\"] = \"warn\"\nreturn M\n");
    auto warned = match("T-1", {"--role", "staff", "--unit", "vallila", "--scripts", scripts});
    EXPECT_TRUE(is_candidate(warned, "C-1"));
    EXPECT_TRUE(has(warnings(warned, "C-1"), "benefit-limit"));
    EXPECT_TRUE(contains(detail(warned, "C-1", "benefit-limit"), "UNVERIFIED"));
    auto defaults = match("T-1", {"--role", "staff", "--unit", "vallila"});
    EXPECT_EQ(exclusions(defaults, "C-1"), Names{"benefit-limit"}) << "the defaults exclude";
}

TEST_F(MatchingRules, VattiWorkActivityDayIsAWarning) {
    auto m = load_and_match({client("C-1", {{"work_activity", slots({"tue"}, "13:00", "15:00")}}),
                             client("C-2", {{"work_activity", slots({"mon", "wed"})}}),
                             kuty_client("C-3", {{"work_activity", slots({"tue"}, "13:00", "15:00")}})},
                            {order("T-1")});
    EXPECT_TRUE(has(warnings(m, "C-1"), "vatti-work-activity-day"));
    EXPECT_TRUE(contains(detail(m, "C-1", "vatti-work-activity-day"), "2026-02-03 (tue) is a work-activity day"));
    EXPECT_FALSE(has(warnings(m, "C-2"), "vatti-work-activity-day"));
    EXPECT_TRUE(is_candidate(m, "C-3"));
    EXPECT_FALSE(has(warnings(m, "C-3"), "vatti-work-activity-day")) << "a Kuty client's day is not a VATTI day";
}

TEST_F(MatchingRules, FirstGigSupportNamesTheOrdersSupportPersonUntilThreeGigsAreDone) {
    json::array orders{order("T-1"), order("T-9", {{"support_person", nullptr}})};
    for (int i = 0; i < 3; ++i)
        orders.push_back(order("T-0" + std::to_string(i), {{"start", "2026-01-0" + std::to_string(5 + i) + "T10:00"}}));
    load({client("C-1"), client("C-2"), client("C-3")}, orders);
    for (int i = 0; i < 3; ++i) add_gig("T-0" + std::to_string(i), "C-2", "done");
    for (int i = 0; i < 2; ++i) add_gig("T-0" + std::to_string(i), "C-3", i == 0 ? "approved" : "done");
    auto m = match("T-1");
    EXPECT_TRUE(has(warnings(m, "C-1"), "first-gig-support"));
    EXPECT_EQ(detail(m, "C-1", "first-gig-support"),
              "0 gigs done so far: a support person goes along (the order names Tuula Tukihenkilö)");
    EXPECT_FALSE(has(warnings(m, "C-2"), "first-gig-support")) << "three gigs done";
    EXPECT_TRUE(contains(detail(m, "C-3", "first-gig-support"), "2 gigs done so far"));
    auto unnamed = match("T-9");
    EXPECT_TRUE(contains(detail(unnamed, "C-1", "first-gig-support"), "none named on the order yet"));
}

TEST_F(MatchingRules, SameAsWorkActivityTaskIsAWarning) {
    auto m = load_and_match({client("C-1", {{"work_activity_tasks", json::array{"office-cleaning"}}}),
                             client("C-2", {{"work_activity_tasks", json::array{"packing-bagging"}}})},
                            {order("T-1")});
    EXPECT_TRUE(is_candidate(m, "C-1"));
    EXPECT_TRUE(has(warnings(m, "C-1"), "same-as-work-activity-task"));
    EXPECT_TRUE(contains(detail(m, "C-1", "same-as-work-activity-task"), "office-cleaning is also the client's work-activity task"));
    EXPECT_FALSE(has(warnings(m, "C-2"), "same-as-work-activity-task"));
}

TEST_F(MatchingRules, BenefitAdjustmentOfLabourMarketSubsidyHasNoProtectedAmount) {
    auto m = load_and_match({client("C-1", {{"benefits", benefits({"labour-market-subsidy"})}})}, {order("T-1")});
    EXPECT_TRUE(is_candidate(m, "C-1"));
    EXPECT_TRUE(has(warnings(m, "C-1"), "benefit-adjustment"));
    const auto text = detail(m, "C-1", "benefit-adjustment");
    EXPECT_TRUE(contains(text, "labour-market-subsidy: about −10,00")) << text;
    EXPECT_TRUE(contains(text, "in 2026-02 (50 % of earnings past the protected amount; no protected amount)")) << text;
}

TEST_F(MatchingRules, BenefitAdjustmentOfBasicSocialAssistancePastItsProtectedPortion) {
    auto m = load_and_match({client("C-1", {{"benefits", benefits({"basic-social-assistance"})}, {"earnings", earned("2026-02", "140.00")}}),
                             client("C-2", {{"benefits", benefits({"basic-social-assistance"})}, {"earnings", earned("2026-02", "130.00")}})},
                            {order("T-1")});
    EXPECT_TRUE(has(warnings(m, "C-1"), "benefit-adjustment"));
    const auto text = detail(m, "C-1", "benefit-adjustment");
    EXPECT_TRUE(contains(text, "basic-social-assistance: about −10,00")) << text;
    EXPECT_TRUE(contains(text, "150,00")) << text;
    EXPECT_FALSE(has(warnings(m, "C-2"), "benefit-adjustment")) << "130 + 20 is the protected 150 exactly";
}

TEST_F(MatchingRules, BenefitAdjustmentOfPensionersHousingAllowanceAtTheYearlyReview) {
    auto m = load_and_match({client("C-1", {{"benefits", benefits({"pensioners-housing-allowance"})}, {"earnings", earned("2026-01", "905.00")}}),
                             client("C-2", {{"benefits", benefits({"pensioners-housing-allowance"})}, {"earnings", earned("2026-01", "904.00")}})},
                            {order("T-1")});
    EXPECT_TRUE(has(warnings(m, "C-1"), "benefit-adjustment"));
    const auto text = detail(m, "C-1", "benefit-adjustment");
    EXPECT_TRUE(contains(text, "pensioners-housing-allowance: earnings in 2026 would reach 925,00")) << text;
    EXPECT_TRUE(contains(text, "924,00")) << text;
    EXPECT_TRUE(contains(text, "43.5 %")) << text;
    EXPECT_FALSE(has(warnings(m, "C-2"), "benefit-adjustment")) << "904 + 20 is 924 exactly";
}

TEST_F(MatchingRules, YelThresholdWarnsAtEightyPercentOfTheYearsMinimum) {
    // 80 % of the 2026 YEL minimum 9 423,09 € is 7 538,47 €; the order pays 20,00 €.
    auto m = load_and_match({client("C-1", {{"earnings", earned("2026-01", "7518.47")}}),
                             client("C-2", {{"earnings", earned("2026-01", "7518.46")}})},
                            {order("T-1", {{"contract", "commission"}}), order("T-2")});
    EXPECT_TRUE(has(warnings(m, "C-1"), "yel-threshold"));
    const auto text = detail(m, "C-1", "yel-threshold");
    EXPECT_TRUE(contains(text, "income in 2026 would reach 7")) << text;
    EXPECT_TRUE(contains(text, "538,47")) << text;
    EXPECT_TRUE(contains(text, "against the YEL minimum 9")) << text;
    EXPECT_TRUE(contains(text, "423,09")) << text;
    EXPECT_FALSE(has(warnings(m, "C-2"), "yel-threshold"));
    auto employment = match("T-2");
    EXPECT_FALSE(has(warnings(employment, "C-1"), "yel-threshold")) << "only commission income counts toward YEL";
}

TEST_F(MatchingRules, AClientsOwnGigOnTheOrderIsNoClashAndIsShown) {
    load({client("C-1"), client("C-2")}, {order("T-1", {{"repeat", json::object{{"every_days", 7}, {"until", "2026-02-24"}}}})});
    const auto gig = add_gig("T-1", "C-1", "proposed");
    auto m = match("T-1");
    ASSERT_TRUE(is_candidate(m, "C-1")) << json::serialize(m);
    EXPECT_EQ(entry_in(m, "candidates", "C-1")->at("gig"), (json::object{{"id", gig}, {"status", "proposed"}}));
    EXPECT_FALSE(entry_in(m, "candidates", "C-2")->contains("gig"));
}

TEST_F(MatchingRules, ACancelledOrAMissingOrderIsNotMatched) {
    load({client("C-1")}, {order("T-1", {{"status", "cancelled"}})});
    auto cancelled = jc({"matching", "match", "T-1", "--role", "coordinator"});
    EXPECT_EQ(cancelled.exit_code, 5);
    EXPECT_TRUE(contains(cancelled.err, "order T-1 is cancelled")) << cancelled.err;
    auto missing = jc({"matching", "match", "T-404", "--role", "coordinator"});
    EXPECT_EQ(missing.exit_code, 4);
    EXPECT_TRUE(contains(missing.err, "no order 'T-404'")) << missing.err;
}

TEST_F(MatchingRules, AClientLeftOutListsEveryRuleThatFailed) {
    auto m = load_and_match({client("C-1", {{"wants_paid_work", false},
                                            {"consent_y100", nullptr},
                                            {"skills", json::array{}},
                                            {"benefits", benefits({"labour-market-subsidy"})}})},
                            {order("T-1", {{"contract", "commission"}})});
    EXPECT_EQ(exclusions(m, "C-1"), (Names{"wants-paid-work", "consent-y100", "skill", "commission-unemployment-benefit"}));
}

}  // namespace
