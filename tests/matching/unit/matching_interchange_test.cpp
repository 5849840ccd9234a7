// Unit tests of the interchange JSON: a client and an order written back read the same, hours cross as whole
// numbers or decimal text, and a wrong value throws InputError naming its path.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>

#include "jobcenter/errors.hpp"
#include "matching/interchange/client_json.hpp"
#include "matching/interchange/order_json.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::matching;
namespace json = boost::json;

const std::set<std::string> task_types{"office-cleaning", "packing-bagging", "window-washing"};

json::value full_client() {
    return json::parse(R"({
        "id": "C-1001", "unit": "pakila", "name": "Aino K.", "wants_paid_work": true,
        "approved": {"by": "work-coach", "on": "2026-01-10"}, "consent_y100": "2026-01-12",
        "skills_recognised": "2026-01-05", "income_survey": null,
        "benefits": ["labour-market-subsidy", "general-housing-allowance"],
        "skills": [{"task_type": "office-cleaning", "level": 3, "practised_in_work_activity": true}],
        "work_activity_tasks": ["packing-bagging"], "interests": ["window-washing"],
        "work_activity": [{"day": "mon", "from": "09:00", "to": "14:00"}],
        "unavailable": [{"from": "2026-02-02", "to": "2026-02-06"}],
        "home_postcode": "00790", "transport": ["walk", "public-transport"], "weekly_hours_max": "7.5",
        "criminal_record_extract": null, "earnings": [{"month": "2026-01", "amount": "120.00"}]})");
}

std::string error_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const InputError& e) {
        return e.describe();
    }
    return "";
}

TEST(MatchingInterchange, AClientWrittenBackReadsTheSame) {
    const Client c = client_from_json(full_client(), "clients[0]", task_types);
    EXPECT_EQ(c.weekly_minutes_max, 450);
    EXPECT_EQ(c.earnings.at(0).amount, Money::parse("120.00"));
    const json::object written = client_to_json(c);
    EXPECT_EQ(written.at("weekly_hours_max"), json::value("7.5"));
    const Client again = client_from_json(written, "client C-1001", task_types);
    EXPECT_EQ(client_to_json(again), written);
}

TEST(MatchingInterchange, AbsentListsAndOptionalsReadAsEmpty) {
    const Client c = client_from_json(json::parse(R"({"id": "C-2", "unit": "pakila", "name": "B", "wants_paid_work": false,
                                                     "weekly_hours_max": 0, "skills": null})"),
                                      "", task_types);
    EXPECT_FALSE(c.approved);
    EXPECT_TRUE(c.skills.empty());
    EXPECT_TRUE(c.benefits.empty());
    EXPECT_FALSE(c.home_postcode);
}

TEST(MatchingInterchange, HoursCrossAsWholeNumbersOrDecimalText) {
    EXPECT_EQ(hours_json(120), json::value(2));
    EXPECT_EQ(hours_json(150), json::value("2.5"));
    EXPECT_EQ(hours_json(45), json::value("0.75"));
    EXPECT_EQ(hours_json(0), json::value(0));
}

TEST(MatchingInterchange, AnOrderWrittenBackReadsTheSame) {
    const json::value file_order = json::parse(R"({"id": "T-100", "orderer": 42, "task_type": "office-cleaning", "min_level": 2,
        "description": "Toimiston siivous", "postcode": "00100", "start": "2026-02-02T16:00", "hours": 2.5,
        "repeat": {"every_days": 14, "until": "2026-06-30"}, "seats": 2, "contract": "commission",
        "early_education_months": 4, "support_person": "Tuula", "status": "open"})");
    const OrderInput in = order_from_json(file_order, "orders[0]", task_types);
    EXPECT_EQ(std::get<std::int64_t>(in.orderer), 42);
    EXPECT_EQ(in.order.minutes, 150);
    EXPECT_EQ(in.order.occurrences().size(), 11u);
    Order resolved = in.order;
    resolved.orderer_id = 42;
    json::object written = order_to_json(resolved);
    written.erase("orderer_name");
    const OrderInput again = order_from_json(written, "order T-100", task_types);
    json::object rewritten = order_to_json([&] {
        Order o = again.order;
        o.orderer_id = 42;
        return o;
    }());
    rewritten.erase("orderer_name");
    EXPECT_EQ(rewritten, written);
}

TEST(MatchingInterchange, AnOrdererByDetailsKeepsTheBusinessIdOptional) {
    const auto by_name = order_from_json(json::parse(R"({"id": "T-1", "orderer": {"name": "Väylä ry"}, "task_type": "office-cleaning",
        "description": "x", "start": "2026-02-02T16:00", "hours": 1, "seats": 1, "contract": "employment"})"),
                                         "orders[0]", task_types);
    const auto& details = std::get<OrdererByDetails>(by_name.orderer);
    EXPECT_EQ(details.name, "Väylä ry");
    EXPECT_FALSE(details.business_id);
    EXPECT_EQ(by_name.order.status, OrderStatus::open) << "the status defaults to open";
}

TEST(MatchingInterchange, AWrongValueNamesItsPath) {
    json::value c = full_client();
    c.as_object()["skills"].as_array()[0].as_object()["level"] = 7;
    EXPECT_EQ(error_of([&] { client_from_json(c, "clients[12]", task_types); }),
              "clients[12].skills[0].level: must be a whole number 1–5, not 7");
    c = full_client();
    c.as_object()["unavailable"].as_array()[0].as_object()["to"] = "2026-02-01";
    EXPECT_EQ(error_of([&] { client_from_json(c, "clients[0]", task_types); }),
              "clients[0].unavailable[0].to: must not be before from (2026-02-02)");
    EXPECT_EQ(error_of([&] { client_from_json(json::parse("[]"), "", task_types); }), "must be an object, not an array");
}

TEST(MatchingInterchange, AMonthsEarningsHaveASaneCeiling) {
    json::value c = full_client();
    c.as_object()["earnings"] = json::parse(R"([{"month": "2026-01", "amount": "92233720368547758.07"}])");
    EXPECT_NE(error_of([&] { client_from_json(c, "clients[0]", task_types); }).find("clients[0].earnings[0].amount: must be at most"),
              std::string::npos);
    c.as_object()["earnings"] = json::parse(R"([{"month": "2026-01", "amount": "1000000.00"}])");
    EXPECT_EQ(error_of([&] { client_from_json(c, "clients[0]", task_types); }), "");
}

}  // namespace
