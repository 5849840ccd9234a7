// End-to-end test of a gig on data as a unit enters it: an orderer added to the register, a client and a weekly
// order loaded with `matching load`, then the gig walked from proposal to approval with feedback, and the
// client's certificate naming the orderer and the work.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
using jobcenter::testing::write_file;

class MatchingGigLoadedData : public jobcenter::testing::CliTest {
protected:
    MatchingGigLoadedData() { quiet = true; }
};

TEST_F(MatchingGigLoadedData, WalksAGigOfLoadedDataToApprovalAndIntoTheCertificate) {
    add_unit("pakila");
    const auto orderer = jc_json({"--unit", "pakila", "register", "add", "--name", "Kallion Kukka Ky", "--category", "company"});
    write_file(dir / "load.json",
               R"({"clients": [{"id": "C-1001", "unit": "pakila", "name": "Aino <K.>", "wants_paid_work": true,
                    "approved": {"by": "work-coach", "on": "2026-01-02"}, "consent_y100": "2026-01-02",
                    "skills_recognised": "2026-01-02", "income_survey": null, "benefits": ["disability-pension"],
                    "skills": [{"task_type": "office-cleaning", "level": 3, "practised_in_work_activity": true}],
                    "work_activity_tasks": [], "interests": [], "work_activity": [], "unavailable": [],
                    "home_postcode": "00790", "transport": ["walk"], "weekly_hours_max": 8,
                    "criminal_record_extract": null, "earnings": []}],
                   "orders": [{"id": "T-100", "orderer": )" +
                   std::to_string(orderer.at("id").as_int64()) +
                   R"(, "task_type": "office-cleaning", "description": "Toimiston siivous", "postcode": "00100",
                    "start": "2026-01-05T16:00", "hours": 2, "repeat": {"every_days": 7, "until": "2026-03-30"},
                    "seats": 1, "contract": "employment", "support_person": "Liisa", "status": "open"}]})");
    const std::vector<std::string> staff{"--unit", "pakila"};
    auto as = [&](std::vector<std::string> args) {
        args.insert(args.begin(), staff.begin(), staff.end());
        return jc_json(args);
    };
    as({"matching", "load", (dir / "load.json").string()});

    const auto gig = std::to_string(as({"matching", "gig", "propose", "--order", "T-100", "--client", "C-1001"}).at("gig").as_int64());
    as({"matching", "gig", "confirm", gig});
    as({"matching", "gig", "accept", gig});
    as({"matching", "gig", "done", gig, "--hours", "2026-01-05=2", "--hours", "2026-01-12=1.75"});
    EXPECT_EQ(jc_json({"--role", "coordinator", "matching", "gig", "approve", gig}).at("status").as_string(), "approved");
    as({"matching", "gig", "feedback", gig, "--text", "Tarkka ja täsmällinen."});

    const auto shown = as({"matching", "gig", "show", gig});
    EXPECT_EQ(shown.at("support_person").as_string(), "Liisa");
    EXPECT_EQ(shown.at("order").at("orderer").as_string(), "Kallion Kukka Ky");
    EXPECT_EQ(shown.at("total_hours").as_string(), "3.75");

    const auto certificate = jc({"--unit", "pakila", "matching", "cv", "C-1001", "--certificate", "fi"});
    ASSERT_EQ(certificate.exit_code, 0) << certificate.err;
    EXPECT_NE(certificate.out.find("<strong>Aino &lt;K.&gt;</strong>"), std::string::npos);
    EXPECT_NE(certificate.out.find("<td>Toimistotilojen siivous</td><td>Kallion Kukka Ky</td><td>5.1.2026, 12.1.2026</td>"
                                   "<td class=\"hours\">3,75</td><td>Tarkka ja täsmällinen.</td>"),
              std::string::npos) << certificate.out;
}

}  // namespace
