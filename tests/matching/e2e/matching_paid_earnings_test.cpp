// End-to-end tests of `matching earnings-record`, payroll handing back a paid run: the lines are checked against
// the gigs and their recorded occurrences, stored with the run, each run once, every client audited; and from
// then on a paid occurrence counts once, as paid, in `matching earnings`.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

json::object line(std::int64_t gig, const char* date, const char* client, const char* gross, const char* contract = "employment") {
    return {{"gig", gig}, {"date", date}, {"client", client}, {"contract", contract}, {"gross", gross}};
}

class MatchingPaidEarnings : public jobcenter::testing::GigCliTest {
protected:
    std::int64_t gig = 0;  // C-1001's approved gig on T-100: 2 h on 2026-01-05 and 2026-01-12 (employment)

    void SetUp() override {
        GigCliTest::SetUp();
        // The fixture's clients have no interchange profile; `matching earnings` reads C-1001's.
        const auto profile = dir / "C-1001.json";
        jobcenter::testing::write_file(profile, json::serialize(json::object{
            {"id", "C-1001"}, {"unit", "pakila"}, {"name", "Aino K."}, {"wants_paid_work", true},
            {"weekly_hours_max", 8}, {"benefits", json::array{"disability-pension"}}}));
        const RunResult updated = as(coordinator, {"matching", "client", "update", "--input", profile.string()});
        ASSERT_EQ(updated.exit_code, 0) << updated.err;
        gig = propose("T-100", "C-1001");
        walk(gig, {"confirm", "accept", "done", "approve"});
    }
    RunResult record(const json::object& request, const std::vector<std::string>& who = {"--role", "coordinator"}) {
        const auto file = dir / ("run-" + std::to_string(++files) + ".json");
        jobcenter::testing::write_file(file, json::serialize(request));
        std::vector<std::string> args(who);
        args.insert(args.end(), {"matching", "earnings-record", "--input", file.string()});
        return jc(args);
    }
    void expect_refused(const json::object& request, int exit_code, const std::string& message) {
        const std::string before = database_contents();
        const RunResult r = record(request);
        EXPECT_EQ(r.exit_code, exit_code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(database_contents(), before);
    }
    json::object month(const json::value& earnings, const std::string& which) {
        for (const auto& m : earnings.at("months").as_array())
            if (m.at("month").as_string() == which) return m.as_object();
        return {};
    }
    int files = 0;
};

TEST_F(MatchingPaidEarnings, RecordsARunsLinesOnceAndAuditsEachClient) {
    const RunResult r = record({{"run", 7}, {"lines", json::array{line(gig, "2026-01-05", "C-1001", "20.00"),
                                                                   line(gig, "2026-01-12", "C-1001", "-2.50")}}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto opened = jobcenter::Database::open(db);
    auto q = opened.prepare("SELECT run, gig_id, on_date, client_id, contract, month, cents FROM client_paid ORDER BY on_date");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.get_int(0), 7);
    EXPECT_EQ(q.get_int(1), gig);
    EXPECT_EQ(q.get_text(2), "2026-01-05");
    EXPECT_EQ(q.get_text(3), "C-1001");
    EXPECT_EQ(q.get_text(4), "employment");
    EXPECT_EQ(q.get_text(5), "2026-01");
    EXPECT_EQ(q.get_int(6), 2000);
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.get_int(6), -250) << "an adjustment may be negative";
    EXPECT_FALSE(q.step());

    const auto audit = audit_rows("matching.earnings-record");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].subject, "C-1001");
    EXPECT_EQ(audit[0].detail, "run 7: 2 lines, 17.50");

    expect_refused({{"run", 7}, {"lines", json::array{line(gig, "2026-01-05", "C-1001", "1.00")}}}, 5,
                   "run: run 7 was recorded on 2026-01-15T10:00:00Z: a run's earnings are recorded once");
}

TEST_F(MatchingPaidEarnings, EveryLineMustNameARecordedOccurrenceOfTheClientsGig) {
    expect_refused({{"run", 8}, {"lines", json::array{line(999, "2026-01-05", "C-1001", "1.00")}}}, 4, "lines[0].gig: no gig 999");
    expect_refused({{"run", 8}, {"lines", json::array{line(gig, "2026-01-05", "C-1001", "1.00"),
                                                      line(gig, "2026-01-06", "C-1001", "1.00")}}},
                   3, "lines[1].date: 2026-01-06 has no recorded hours on gig " + std::to_string(gig));
    expect_refused({{"run", 8}, {"lines", json::array{line(gig, "2026-01-05", "C-1002", "1.00")}}}, 3,
                   "lines[0].client: gig " + std::to_string(gig) + " is client C-1001's, not C-1002");
    expect_refused({{"run", 8}, {"lines", json::array{line(gig, "2026-01-05", "C-1001", "1.00", "gig")}}}, 3,
                   "lines[0].contract: unknown contract 'gig'");
    json::object number_gross = line(gig, "2026-01-05", "C-1001", "1.00");
    number_gross["gross"] = 1.5;
    expect_refused({{"run", 8}, {"lines", json::array{number_gross}}}, 3, "lines[0].gross: must be money as decimal text");
    expect_refused({{"run", 0}, {"lines", json::array{}}}, 3, "run: must be a payroll run's id, 1 or more, not 0");
    expect_refused({{"run", 8}, {"paid", true}}, 3, "paid: unknown field (the fields are: run, lines)");

    const std::string before = database_contents();
    const RunResult staff = record({{"run", 8}, {"lines", json::array{}}}, {"--unit", "pakila"});
    EXPECT_EQ(staff.exit_code, 5) << staff.err;
    EXPECT_EQ(database_contents(), before);
}

TEST_F(MatchingPaidEarnings, APaidOccurrenceCountsOnceAsPaid) {
    const auto before = as_json(coordinator, {"matching", "earnings", "C-1001"});
    EXPECT_EQ(month(before, "2026-01").at("paid").as_string(), "0.00");
    const std::string planned_before(month(before, "2026-01").at("planned").as_string());

    ASSERT_EQ(record({{"run", 7}, {"lines", json::array{line(gig, "2026-01-05", "C-1001", "21.00")}}}).exit_code, 0);
    const auto after = as_json(coordinator, {"matching", "earnings", "C-1001"});
    const auto january = month(after, "2026-01");
    EXPECT_EQ(january.at("paid").as_string(), "21.00");
    // T-100 plans 2 h (20.00) every Monday of January: four before, three once 2026-01-05 is paid.
    EXPECT_EQ(planned_before, "80.00");
    EXPECT_EQ(january.at("planned").as_string(), "60.00");
    EXPECT_EQ(january.at("total").as_string(), "81.00");
    EXPECT_EQ(after.at("gigs").as_array()[0].at("unpaid_occurrences").as_int64(), 25);
}

}  // namespace
