// End-to-end tests of matching.lua: a unit's override of the weights changes scores and ranking, the
// script sees the client's features, a bad score term fails with exit 6 naming the file, and no script
// may switch off what the host enforces (consent, approval, the commission rule, the extract).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/matching_fixture.hpp"

namespace {
namespace json = boost::json;

class MatchingScripts : public jobcenter::testing::MatchingCliTest {
protected:
    std::string unit_file() const { return (dir / "scripts" / "units" / "vallila" / "matching.lua").string(); }

    // `matching match T-1` as vallila's staff with the unit's matching.lua set to `lua`.
    jobcenter::testing::RunResult match_with_script(const std::string& lua) {
        const auto scripts = unit_scripts("vallila", lua);
        return jc({"matching", "match", "T-1", "--role", "staff", "--unit", "vallila", "--scripts", scripts});
    }
    // Expects the match to fail with exit 6 and a message naming the unit's file and holding `message`.
    void expect_script_refused(const std::string& lua, const std::string& message) {
        auto r = match_with_script(lua);
        EXPECT_EQ(r.exit_code, 6) << r.err;
        EXPECT_NE(r.err.find("unit vallila, " + unit_file()), std::string::npos) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << "expected: " << message << "\ngot: " << r.err;
    }
    // `script check` of the unit's matching.lua set to `lua`.
    jobcenter::testing::RunResult check_script(const std::string& lua) {
        const auto scripts = unit_scripts("vallila", lua);
        return jc({"script", "check", unit_file(), "--unit", "vallila", "--scripts", scripts});
    }

    static double term(const json::value& match, const std::string& client, const std::string& name) {
        return entry_in(match, "candidates", client)->at("terms").at(name).to_number<double>();
    }
    static double score(const json::value& match, const std::string& client) {
        return entry_in(match, "candidates", client)->at("score").to_number<double>();
    }
    static std::vector<std::string> ranking(const json::value& match) {
        std::vector<std::string> out;
        for (const auto& c : match.at("candidates").as_array()) out.emplace_back(c.at("client").as_string());
        return out;
    }
};

TEST_F(MatchingScripts, AUnitsWeightsChangeTheScoresAndTheRanking) {
    // C-1: level 5 on a level-2 order (skill 10 × 3/4 = 7.5); C-2: level 2 but interested (interest 5).
    load({client("C-1", {{"skills", json::array{json::object{{"task_type", "office-cleaning"}, {"level", 5}}}}}),
          client("C-2", {{"skills", json::array{json::object{{"task_type", "office-cleaning"}, {"level", 2}}}},
                         {"interests", json::array{"office-cleaning"}}})},
         {order("T-1")});
    auto defaults = match("T-1", {"--role", "staff", "--unit", "vallila"});
    EXPECT_EQ(ranking(defaults), (std::vector<std::string>{"C-1", "C-2"}));
    EXPECT_DOUBLE_EQ(term(defaults, "C-1", "skill"), 7.5);
    EXPECT_DOUBLE_EQ(term(defaults, "C-2", "interest"), 5);
    EXPECT_DOUBLE_EQ(score(defaults, "C-2"), 5);

    const auto scripts = unit_scripts("vallila", "local M = defaults()\nM.weights.interest = 20\nM.weights.skill = 4\nreturn M\n");
    auto unit = match("T-1", {"--role", "staff", "--unit", "vallila", "--scripts", scripts});
    EXPECT_EQ(ranking(unit), (std::vector<std::string>{"C-2", "C-1"}));
    EXPECT_DOUBLE_EQ(term(unit, "C-2", "interest"), 20);
    EXPECT_DOUBLE_EQ(term(unit, "C-1", "skill"), 3);
    EXPECT_DOUBLE_EQ(score(unit, "C-2"), 20);

    auto other_unit = match("T-1", {"--role", "coordinator", "--scripts", scripts});
    EXPECT_EQ(ranking(other_unit), (std::vector<std::string>{"C-1", "C-2"})) << "a call without --unit uses the defaults";
}

TEST_F(MatchingScripts, EqualScoresAreRankedByClientId) {
    load({client("C-2"), client("C-10"), client("C-1")}, {order("T-1")});
    auto m = match("T-1");
    EXPECT_EQ(ranking(m), (std::vector<std::string>{"C-1", "C-10", "C-2"}));
}

TEST_F(MatchingScripts, TheScriptSeesTheClientsFeaturesAndTheUnitsMeanHours) {
    json::array orders{order("T-1", {{"repeat", json::object{{"every_days", 14}, {"until", "2026-03-03"}}}})};
    for (int i = 0; i < 2; ++i)
        orders.push_back(order("T-0" + std::to_string(i), {{"start", "2026-01-1" + std::to_string(2 + i) + "T10:00"}}));
    load({client("C-1", {{"interests", json::array{"office-cleaning"}},
                         {"skills", json::array{json::object{{"task_type", "office-cleaning"}, {"level", 4}, {"practised_in_work_activity", true}}}}}),
          client("C-2", {{"home_postcode", nullptr}})},
         orders);
    add_gig("T-00", "C-1", "done");
    add_gig("T-01", "C-1", "approved");
    const std::string lua =
        "local M = defaults()\n"
        "function M.score(client, order, context)\n"
        "  return {level = client.skill_level, interested = client.interested and 1 or 0,\n"
        "          practised = client.practised_in_work_activity and 1 or 0, done = client.gigs_done,\n"
        "          with_orderer = client.gigs_with_orderer, hours = client.hours_recent,\n"
        "          vatti = client.organisation == 'VATTI' and 1 or 0, km = client.distance_km or -1,\n"
        "          occurrences = order.occurrences, repeating = order.repeating and 1 or 0, mean = context.unit_mean_hours,\n"
        "          weeks = context.fairness_weeks}\n"
        "end\nreturn M\n";
    const auto scripts = unit_scripts("vallila", lua);
    auto m = match("T-1", {"--role", "staff", "--unit", "vallila", "--scripts", scripts});
    const json::object expected_c1{{"level", 4},    {"interested", 1},   {"practised", 1}, {"done", 2},  {"with_orderer", 2},
                                   {"hours", 4},    {"vatti", 1},        {"km", 0},        {"occurrences", 3}, {"repeating", 1},
                                   {"mean", 2},     {"weeks", 8}};
    for (const auto& [name, value] : expected_c1)
        EXPECT_DOUBLE_EQ(term(m, "C-1", name), value.to_number<double>()) << name;
    EXPECT_DOUBLE_EQ(term(m, "C-2", "hours"), 0);
    EXPECT_DOUBLE_EQ(term(m, "C-2", "km"), -1) << "no home postcode: no distance";
    EXPECT_DOUBLE_EQ(term(m, "C-2", "with_orderer"), 0);
}

TEST_F(MatchingScripts, FairnessFavoursTheClientWithFewerRecentHours) {
    load({client("C-1"), client("C-2")}, {order("T-1"), order("T-0", {{"start", "2026-01-20T10:00"}})});
    add_gig("T-0", "C-1", "done");
    auto m = match("T-1");
    // The unit's mean is 1 h: C-1 has 2 h, C-2 none.
    EXPECT_DOUBLE_EQ(term(m, "C-1", "fairness"), -10);
    EXPECT_DOUBLE_EQ(term(m, "C-2", "fairness"), 10);
    EXPECT_DOUBLE_EQ(term(m, "C-1", "continuity"), 3) << "a one-off order of an orderer the client works for: half the weight";
}

TEST_F(MatchingScripts, ABadScoreTermFailsNamingTheFile) {
    load({client("C-1")}, {order("T-1")});
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) return {skill = 'high'} end\nreturn M\n",
                          "score.skill: score term must be a number between -1000 and 1000, got string");
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) return {skill = 0/0} end\nreturn M\n", "NaN");
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) return {skill = 1000.5} end\nreturn M\n",
                          "score.skill: score term must be a number between -1000 and 1000, got number 1000.5");
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) return {skill = -1/0} end\nreturn M\n", "infinity");
    expect_script_refused(
        "local M = defaults()\nfunction M.score(c, o, x)\n  local t = {}\n  for i = 1, 21 do t['t' .. i] = 1 end\n  return t\nend\nreturn M\n",
        "score returned 21 terms; at most 20");
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) return 5 end\nreturn M\n", "score must return a table of named terms");
    expect_script_refused("local M = defaults()\nfunction M.score(c, o, x) error('no score today') end\nreturn M\n", "no score today");
    EXPECT_EQ(match_with_script("local M = defaults()\nfunction M.score(c, o, x) return {skill = 1000, travel = -1000} end\nreturn M\n").exit_code, 0)
        << "±1000 is allowed";
    auto twenty = match_with_script(
        "local M = defaults()\nfunction M.score(c, o, x)\n  local t = {}\n  for i = 1, 20 do t['t' .. i] = 0.5 end\n  return t\nend\nreturn M\n");
    ASSERT_EQ(twenty.exit_code, 0) << twenty.err;
}

TEST_F(MatchingScripts, NoScriptMaySwitchOffWhatTheHostEnforces) {
    load({client("C-1")}, {order("T-1")});
    for (const std::string rule : {"consent-y100", "approved", "commission-unemployment-benefit", "early-education-extract"})
        for (const std::string action : {"off", "warn"}) {
            SCOPED_TRACE(rule + " = " + action);
            expect_script_refused("local M = defaults()\nM.rules['" + rule + "'] = '" + action + "'\nreturn M\n",
                                  "'" + action + "' is refused: " + rule +
                                      " is enforced by Jobcenter and no unit's script may switch it off");
        }
    EXPECT_EQ(match_with_script("local M = defaults()\nM.rules['consent-y100'] = 'exclude'\nreturn M\n").exit_code, 0)
        << "setting the built-in action is allowed";
}

TEST_F(MatchingScripts, EachRuleTakesOnlyItsAllowedActions) {
    load({client("C-1")}, {order("T-1")});
    expect_script_refused("local M = defaults()\nM.rules['benefit-limit'] = 'off'\nreturn M\n",
                          unit_file() + ", rules[\"benefit-limit\"]: 'off' is not allowed for benefit-limit: use 'exclude' or 'warn'");
    expect_script_refused("local M = defaults()\nM.rules['skill'] = 'warn'\nreturn M\n", "'warn' is not allowed for skill: use 'exclude'");
    expect_script_refused("local M = defaults()\nM.rules['yel-threshold'] = 'exclude'\nreturn M\n",
                          "'exclude' is not allowed for yel-threshold: use 'warn' or 'off'");
    expect_script_refused("local M = defaults()\nM.rules['weekly-hours'] = true\nreturn M\n", "must be 'exclude' or 'warn'");
    expect_script_refused("local M = defaults()\nM.rules['consent'] = 'exclude'\nreturn M\n",
                          unit_file() + ", rules: unknown rule 'consent' (the rules are: wants-paid-work, approved, consent-y100,");
    expect_script_refused("local M = defaults()\nM.rules = 'none'\nreturn M\n", "");
}

TEST_F(MatchingScripts, AUnitMayTurnCautionsOffOrIntoExclusions) {
    load({client("C-1", {{"work_activity_tasks", json::array{"office-cleaning"}}}), client("C-2")}, {order("T-1")});
    const auto scripts = unit_scripts(
        "vallila", "local M = defaults()\nM.rules['first-gig-support'] = 'off'\nM.rules['same-as-work-activity-task'] = 'exclude'\nreturn M\n");
    auto m = match("T-1", {"--role", "staff", "--unit", "vallila", "--scripts", scripts});
    EXPECT_EQ(exclusions(m, "C-1"), std::vector<std::string>{"same-as-work-activity-task"});
    EXPECT_TRUE(warnings(m, "C-2").empty()) << json::serialize(m);
}

TEST_F(MatchingScripts, ScriptCheckReportsARefusedRuleSetting) {
    auto consent = check_script("local M = defaults()\nM.rules['consent-y100'] = 'off'\nreturn M\n");
    EXPECT_EQ(consent.exit_code, 6);
    EXPECT_NE(consent.err.find("matching.lua"), std::string::npos) << consent.err;
    EXPECT_NE(consent.err.find("'off' is refused: consent-y100 is enforced by Jobcenter"), std::string::npos) << consent.err;

    auto unknown = check_script("local M = defaults()\nM.rules['consent'] = 'warn'\nreturn M\n");
    EXPECT_EQ(unknown.exit_code, 6);
    EXPECT_NE(unknown.err.find("unknown rule 'consent'"), std::string::npos) << unknown.err;

    auto good = check_script("local M = defaults()\nM.rules['benefit-limit'] = 'warn'\nM.weights.travel = 12\nreturn M\n");
    EXPECT_EQ(good.exit_code, 0) << good.err;
    auto defaults = jc({"script", "check", (std::filesystem::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/matching.lua").string()});
    EXPECT_EQ(defaults.exit_code, 0) << defaults.err;
}

// `script check` promises the validation the plugin applies when it runs.
TEST_F(MatchingScripts, ScriptCheckRefusesAScoreTermTheMatchRefuses) {
    auto r = check_script("local M = defaults()\nfunction M.score(c, o, x) return {skill = 1001} end\nreturn M\n");
    EXPECT_EQ(r.exit_code, 6) << r.out;
}

// The same for the limits beside M.rules (first_gigs_with_support, yel_warning_share, fairness_weeks).
TEST_F(MatchingScripts, ScriptCheckRefusesALimitTheMatchRefuses) {
    load({client("C-1")}, {order("T-1")});
    const std::string lua = "local M = defaults()\nM.fairness_weeks = 0\nreturn M\n";
    EXPECT_EQ(match_with_script(lua).exit_code, 6);
    EXPECT_EQ(check_script(lua).exit_code, 6);
}

}  // namespace
