// The fixture of the rules' unit tests: a client ready for paid work, an order, the built-in rule settings,
// a flat wage, and judging one client against one order without a database (the benefit limits are empty
// unless a test loads them).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "matching/rules/evaluate.hpp"

namespace jobcenter::testing {

inline matching::Day day(const char* iso_date) { return *matching::parse_day(iso_date); }
inline Money euros(const char* text) { return Money::parse(text); }

// An order of office cleaning from `start` (local time), for `minutes`.
inline matching::Order order_at(const char* start, int minutes, std::optional<matching::Repeat> repeat = std::nullopt,
                                matching::Contract contract = matching::Contract::employment) {
    matching::Order o;
    o.id = "T-1";
    o.task_type = "office-cleaning";
    o.start = *matching::parse_local_time(start);
    o.minutes = minutes;
    o.repeat = repeat;
    o.contract = contract;
    return o;
}

// A client who passes every readiness rule on an order from 2026-02-03 on: approved and consent signed on
// that day, skills recognised, office cleaning at level 1, 40 hours a week.
inline matching::Client ready_client() {
    matching::Client c;
    c.id = "C-1";
    c.unit = "pakila";
    c.wants_paid_work = true;
    c.approved = matching::Approval{matching::Approver::work_coach, day("2026-02-03")};
    c.consent_y100 = day("2026-02-03");
    c.skills_recognised = day("2026-02-03");
    c.skills = {{"office-cleaning", 1, false}};
    c.weekly_minutes_max = 40 * 60;
    return c;
}

class RulesTest : public ::testing::Test {
protected:
    matching::RuleSettings settings = built_in_settings();
    matching::BenefitLimits limits;
    matching::WageLookup wage = [](matching::Contract, matching::Day) { return Money::parse("10.00"); };

    static matching::RuleSettings built_in_settings() {
        matching::RuleSettings s;
        for (int i = 0; i < matching::rule_count; ++i)
            s.action[static_cast<std::size_t>(i)] = matching::allowed_actions(static_cast<matching::Rule>(i)).front();
        return s;
    }
    void set(matching::Rule rule, matching::RuleAction action) { settings.action[static_cast<std::size_t>(rule)] = action; }

    matching::Verdict judge(const matching::Client& c, const matching::Order& o, matching::Organisation organisation,
                            const matching::ClientGigs* gigs = nullptr) {
        const matching::OrderPlan plan = matching::plan_order(o, wage);
        return matching::evaluate(matching::situate_client(c, organisation, gigs, o.id, wage), plan,
                                  matching::RuleInputs{settings, limits});
    }
    static std::vector<matching::Rule> rules_of(const std::vector<matching::Finding>& findings) {
        std::vector<matching::Rule> out;
        for (const auto& f : findings) out.push_back(f.rule);
        return out;
    }
    static std::string detail_of(const std::vector<matching::Finding>& findings, matching::Rule rule) {
        for (const auto& f : findings)
            if (f.rule == rule) return f.detail;
        return "";
    }
};

}  // namespace jobcenter::testing
