// End-to-end tests of `matching gig worked`, what payroll pays: the recorded occurrences of approved gigs in the
// period, those before it whose hours were corrected, their orders and clients, each client read audited once;
// and the same at payroll's scale (100,000 occurrences of 10,000 clients and 2,000 orderers).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <iostream>

#include "host_services.hpp"
#include "matching/support/gig_cli_fixture.hpp"
#include "router.hpp"
#include "terminal_progress.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingGigWorked : public jobcenter::testing::GigCliTest {
protected:
    // C-1001's gig on T-100 (weekly from 2026-01-05, 2 h), done with 2 h on 2026-01-05 and 2026-01-12, approved.
    std::int64_t approved_gig(const std::string& client = "C-1001") {
        const auto gig = propose("T-100", client);
        walk(gig, {"confirm", "accept", "done", "approve"});
        return gig;
    }
    json::value worked(const std::string& from, const std::string& to, std::vector<std::string> who = {"--role", "coordinator"}) {
        return as_json(who, {"matching", "gig", "worked", "--from", from, "--to", to});
    }
    static std::vector<std::string> dates_of(const json::value& w) {
        std::vector<std::string> out;
        for (const auto& o : w.at("occurrences").as_array()) out.emplace_back(o.at("date").as_string());
        return out;
    }
};

TEST_F(MatchingGigWorked, GivesTheApprovedOccurrencesOfThePeriodWithTheirOrdersAndClients) {
    const auto gig = approved_gig();
    const auto done = propose("T-100", "C-1002");
    walk(done, {"confirm", "accept", "done"});  // done, not approved: payroll does not pay it yet

    const auto w = worked("2026-01-01", "2026-01-31");
    const auto& occurrences = w.at("occurrences").as_array();
    ASSERT_EQ(occurrences.size(), 2u) << json::serialize(w);
    const json::object expected{{"gig", gig},       {"date", "2026-01-05"},       {"minutes", 120},
                                {"order", "T-100"}, {"client", "C-1001"},         {"unit", "pakila"},
                                {"orderer_id", 42}, {"task_type", "office-cleaning"}, {"contract", "employment"},
                                {"corrected", false}};
    EXPECT_EQ(occurrences[0].as_object(), expected);
    EXPECT_EQ(occurrences[1].at("date").as_string(), "2026-01-12");

    // Weekly from 2026-01-05 to 2026-06-30: 26 occurrences of 2 h for 2 seats.
    const auto& order = w.at("orders").at("T-100").as_object();
    EXPECT_EQ(order.at("id").as_string(), "T-100");
    EXPECT_EQ(order.at("orderer").as_int64(), 42);
    EXPECT_EQ(order.at("contract").as_string(), "employment");
    EXPECT_EQ(order.at("occurrences").as_int64(), 26);
    EXPECT_EQ(order.at("hours_total").as_string(), "104");
    EXPECT_EQ(w.at("orders").as_object().size(), 1u);

    const json::object client{{"name", "Aino K."}, {"unit", "pakila"}, {"benefits", json::array{}}};
    EXPECT_EQ(w.at("clients").as_object(), (json::object{{"C-1001", client}}));

    const auto audit = audit_rows("matching.payroll-read");
    ASSERT_EQ(audit.size(), 1u) << "each client read once";
    EXPECT_EQ(audit[0].subject, "C-1001");
    EXPECT_EQ(audit[0].subject_kind, "client");
    EXPECT_EQ(audit[0].detail, "approved hours 2026-01-01..2026-01-31");
}

TEST_F(MatchingGigWorked, AnOccurrenceBeforeThePeriodComesBackOnceItsHoursAreCorrected) {
    const auto gig = approved_gig();
    EXPECT_EQ(dates_of(worked("2026-01-06", "2026-01-31")), std::vector<std::string>{"2026-01-12"});
    ASSERT_EQ(as(coordinator, {"matching", "gig", "hours", std::to_string(gig), "--hours", "2026-01-05=1.5", "--reason",
                               "the orderer's report"})
                  .exit_code,
              0);
    const auto w = worked("2026-01-06", "2026-01-31");
    EXPECT_EQ(dates_of(w), (std::vector<std::string>{"2026-01-05", "2026-01-12"}));
    EXPECT_EQ(w.at("occurrences").as_array()[0].at("minutes").as_int64(), 90);
    EXPECT_TRUE(w.at("occurrences").as_array()[0].at("corrected").as_bool());
    EXPECT_FALSE(w.at("occurrences").as_array()[1].at("corrected").as_bool());
    EXPECT_TRUE(dates_of(worked("2026-02-01", "2026-02-28")).size() == 1) << "a corrected occurrence comes with every later period";
}

TEST_F(MatchingGigWorked, ForCoordinatorsOfTheUnitGivenAndAPeriodInOrder) {
    approved_gig();
    EXPECT_TRUE(worked("2026-01-01", "2026-01-31", {"--role", "coordinator", "--unit", "toolo"}).at("occurrences").as_array().empty())
        << "a coordinator with --unit reads that unit's clients";
    EXPECT_EQ(worked("2026-01-01", "2026-01-31", {"--role", "coordinator", "--unit", "pakila"}).at("occurrences").as_array().size(), 2u);

    const std::string before = database_contents();
    const RunResult staff = as(pakila_staff, {"matching", "gig", "worked", "--from", "2026-01-01", "--to", "2026-01-31"});
    EXPECT_EQ(staff.exit_code, 5) << staff.err;
    const RunResult backwards = as(coordinator, {"matching", "gig", "worked", "--from", "2026-02-01", "--to", "2026-01-31"});
    EXPECT_EQ(backwards.exit_code, 3) << backwards.err;
    EXPECT_NE(backwards.err.find("--to: 2026-01-31 is before --from 2026-02-01"), std::string::npos) << backwards.err;
    const RunResult no_to = as(coordinator, {"matching", "gig", "worked", "--from", "2026-02-01"});
    EXPECT_EQ(no_to.exit_code, 2) << no_to.err;
    EXPECT_EQ(database_contents(), before);
}

// 10,000 clients, each with one approved gig of ten weekly occurrences, on 2,000 orders of 2,000 orderers.
TEST_F(MatchingGigWorked, ReadsOneHundredThousandOccurrencesInOneQueryPerTable) {
    constexpr int clients = 10'000, orders = 2'000, weeks = 10;
    {
        auto opened = jobcenter::Database::open(db);
        jobcenter::Transaction tx(opened);
        auto order = opened.prepare(
            "INSERT INTO work_order(id, orderer_id, orderer_name, task_type, description, start_at, minutes, repeat_every_days, "
            "repeat_until, seats, contract, status, created_at, updated_at) VALUES(?, ?, ?, 'office-cleaning', 'work', "
            "'2026-03-02T09:00', 150, 7, '2026-05-04', 5, 'commission', 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        for (int o = 0; o < orders; ++o)
            order.bind_all("W-" + std::to_string(o), o + 1, "Orderer " + std::to_string(o + 1)).run();
        auto client = opened.prepare(
            "INSERT INTO client(id, unit, name, wants_paid_work, weekly_minutes_max, profile, created_at, updated_at) "
            "VALUES(?, ?, ?, 1, 480, '{\"benefits\": [\"disability-pension\"]}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        auto gig = opened.prepare(
            "INSERT INTO gig(id, order_id, client_id, status, created_at, updated_at) VALUES(?, ?, ?, 'approved', "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        auto hours = opened.prepare("INSERT INTO gig_hours(gig_id, on_date, minutes) VALUES(?, date('2026-03-02', ?), 150)");
        for (int c = 0; c < clients; ++c) {
            const std::string id = "S-" + std::to_string(100000 + c);
            client.bind_all(id, c % 2 ? "pakila" : "toolo", "Client " + std::to_string(c)).run();
            gig.bind_all(1000 + c, "W-" + std::to_string(c % orders), id).run();
            for (int w = 0; w < weeks; ++w) hours.bind_all(1000 + c, "+" + std::to_string(7 * w) + " days").run();
        }
        tx.commit();
    }
    // In process, as payroll calls it (Context::call): the command in its transaction, committed.
    const std::filesystem::path build = JOBCENTER_BUILD_DIR;
    jobcenter::SystemClock clock;
    jobcenter::StderrLogger log{jobcenter::Logger::Level::error};
    jobcenter::TerminalProgress progress{false};
    jobcenter::CommandRouter router{jobcenter::HostPaths{db, build / "plugins", build / "schema", build / "scripts"},
                                    jobcenter::load_plugins(build / "plugins"), clock, log};
    const auto start = std::chrono::steady_clock::now();
    const json::value w = router.execute(jobcenter::Caller{"", jobcenter::Role::coordinator}, "matching", "gig-worked",
                                         {{"from", "2026-03-01"}, {"to", "2026-05-31"}}, progress);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "matching gig worked: 100,000 occurrences of 10,000 clients and 2,000 orderers in " << seconds
              << " s (in process, committed)\n";
    RecordProperty("gig_worked_seconds", std::to_string(seconds));
    const auto& occurrences = w.at("occurrences").as_array();
    ASSERT_EQ(occurrences.size(), static_cast<std::size_t>(clients * weeks));
    EXPECT_EQ(w.at("orders").as_object().size(), static_cast<std::size_t>(orders));
    EXPECT_EQ(w.at("clients").as_object().size(), static_cast<std::size_t>(clients));
    EXPECT_EQ(w.at("clients").at("S-100000").at("benefits"), (json::array{"disability-pension"}));
    EXPECT_EQ(w.at("orders").at("W-0").at("hours_total").as_string(), "125") << "2.5 h x 5 seats x 10 occurrences";
    for (std::size_t i = 1; i < occurrences.size(); ++i) {
        const auto& a = occurrences[i - 1];
        const auto& b = occurrences[i];
        ASSERT_TRUE(a.at("date").as_string() < b.at("date").as_string() ||
                    (a.at("date") == b.at("date") && a.at("gig").as_int64() < b.at("gig").as_int64()))
            << "sorted by date, then gig, at " << i;
    }
    EXPECT_EQ(audit_rows("matching.payroll-read").size(), static_cast<std::size_t>(clients));
}

}  // namespace
