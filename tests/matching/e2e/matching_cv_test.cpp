// End-to-end tests of `matching cv`: the work history of done and approved gigs (task in Finnish and English,
// orderer, dates, hours, feedback) as text and JSON, and the printable HTML certificate in Finnish and
// English with every value escaped; scoped to the client's unit and audited.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "matching/support/gig_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::RunResult;

class MatchingCv : public jobcenter::testing::GigCliTest {
protected:
    // C-1001 worked T-100 (approved, with feedback) and T-400 (done); T-200 is only proposed.
    void SetUp() override {
        GigCliTest::SetUp();
        insert_order({.id = "T-400", .orderer = "Café <Kukka> & Co", .task_type = "window-washing",
                      .start = "2026-01-02T12:00", .minutes = 90, .seats = 1});
        const auto first = propose("T-100", "C-1001");
        walk(first, {"confirm", "accept"});
        ASSERT_EQ(as(pakila_staff, {"matching", "gig", "done", std::to_string(first), "--hours", "2026-01-05=2", "--hours",
                                    "2026-01-12=1.5"}).exit_code, 0);
        walk(first, {"approve"});
        ASSERT_EQ(as(pakila_staff, {"matching", "gig", "feedback", std::to_string(first), "--text",
                                    "Careful work, \"very\" <good> & on time"}).exit_code, 0);
        const auto second = propose("T-400", "C-1001");
        walk(second, {"confirm", "accept", "done"});
        propose("T-200", "C-1001");
    }
};

TEST_F(MatchingCv, ListsTheWorkOfDoneAndApprovedGigsWithFeedback) {
    const auto cv = as_json(pakila_staff, {"matching", "cv", "C-1001"});
    EXPECT_EQ(cv.at("name").as_string(), "Aino K.");
    EXPECT_EQ(cv.at("unit_title").as_string(), "Unit pakila");
    EXPECT_EQ(cv.at("gigs").as_int64(), 2);
    EXPECT_EQ(cv.at("total_hours").as_string(), "5");
    const auto& work = cv.at("work").as_array();
    ASSERT_EQ(work.size(), 2u);
    // Oldest first: the window washing of 2 January, then the weekly office cleaning.
    EXPECT_EQ(work[0].at("task_type").as_string(), "window-washing");
    EXPECT_EQ(work[0].at("task_fi").as_string(), "Ikkunanpesu");
    EXPECT_EQ(work[0].at("task_en").as_string(), "window washing");
    EXPECT_EQ(work[0].at("orderer").as_string(), "Café <Kukka> & Co");
    EXPECT_EQ(work[0].at("hours").as_string(), "1.5");
    EXPECT_TRUE(work[0].at("feedback").is_null());
    EXPECT_EQ(work[0].at("status").as_string(), "done");
    EXPECT_EQ(work[1].at("status").as_string(), "approved");
    EXPECT_EQ(work[1].at("dates").as_array(), (json::array{"2026-01-05", "2026-01-12"}));
    EXPECT_EQ(work[1].at("hours").as_string(), "3.5");
    EXPECT_EQ(work[1].at("feedback").as_string(), "Careful work, \"very\" <good> & on time");

    const RunResult text = as(pakila_staff, {"matching", "cv", "C-1001"});
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("total_hours: 5"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("2026-01-05 2026-01-12"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Careful work"), std::string::npos) << text.out;
}

TEST_F(MatchingCv, PrintsAFinnishCertificateAsAStandaloneDocumentWithEveryValueEscaped) {
    {
        auto opened = jobcenter::Database::open(db);
        opened.exec("UPDATE client SET name = 'Aino <&> \"K\"' WHERE id = 'C-1001'");
        opened.exec("UPDATE unit SET title = 'Pakilan työkeskus & <verstas>' WHERE name = 'pakila'");
    }
    const RunResult r = as(pakila_staff, {"matching", "cv", "C-1001", "--certificate", "fi"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string& html = r.out;
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"fi\">", 0), 0u) << html.substr(0, 80);
    EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_NE(html.find("<h1>Työtodistus</h1>"), std::string::npos);
    EXPECT_NE(html.find("Pakilan työkeskus &amp; &lt;verstas&gt;"), std::string::npos);
    EXPECT_NE(html.find("<strong>Aino &lt;&amp;&gt; &quot;K&quot;</strong>"), std::string::npos);
    EXPECT_NE(html.find("<td>Ikkunanpesu</td><td>Café &lt;Kukka&gt; &amp; Co</td><td>2.1.2026</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>5.1.2026, 12.1.2026</td><td class=\"hours\">3,5</td>"), std::string::npos);
    EXPECT_NE(html.find("Careful work, &quot;very&quot; &lt;good&gt; &amp; on time"), std::string::npos);
    EXPECT_NE(html.find("Tunnit yhteensä</td><td class=\"hours\">5</td>"), std::string::npos);
    EXPECT_NE(html.find("Annettu 15.1.2026"), std::string::npos);
    EXPECT_EQ(html.find("<good>"), std::string::npos) << "a value reached the document unescaped";
    EXPECT_EQ(html.find("Aino <&>"), std::string::npos) << "a value reached the document unescaped";
    EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
}

TEST_F(MatchingCv, PrintsAnEnglishCertificateAndKeepsItAsJsonForPrograms) {
    const RunResult r = as(pakila_staff, {"matching", "cv", "C-1001", "--certificate", "en"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
    EXPECT_NE(r.out.find("<h1>Work certificate</h1>"), std::string::npos);
    EXPECT_NE(r.out.find("<td>Window washing</td>"), std::string::npos);
    EXPECT_NE(r.out.find("<td>5 January 2026, 12 January 2026</td><td class=\"hours\">3.5</td>"), std::string::npos);
    EXPECT_NE(r.out.find("Issued on 15 January 2026"), std::string::npos);

    const auto as_json_result = as_json(pakila_staff, {"matching", "cv", "C-1001", "--certificate", "en"});
    const auto& document = as_json_result.at("document").as_object();
    EXPECT_EQ(document.at("media_type").as_string(), "text/html");
    EXPECT_EQ(document.at("content").as_string(), r.out);

    const RunResult csv = as(pakila_staff, {"--format", "csv", "matching", "cv", "C-1001", "--certificate", "en"});
    EXPECT_EQ(csv.exit_code, 2) << csv.err;
    const RunResult swedish = as(pakila_staff, {"matching", "cv", "C-1001", "--certificate", "sv"});
    EXPECT_EQ(swedish.exit_code, 3) << swedish.err;
    EXPECT_NE(swedish.err.find("--certificate: unknown certificate language 'sv': use fi or en"), std::string::npos)
        << swedish.err;
}

TEST_F(MatchingCv, AClientWithoutWorkGetsACertificateSayingSo) {
    const RunResult r = as(pakila_staff, {"matching", "cv", "C-1002", "--certificate", "fi"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Tehtyjä töitä ei ole kirjattu."), std::string::npos);
    EXPECT_EQ(r.out.find("<table>"), std::string::npos);
}

TEST_F(MatchingCv, IsScopedToTheClientsUnitAndEveryReadIsAudited) {
    const RunResult other = as(toolo_staff, {"matching", "cv", "C-1001"});
    EXPECT_EQ(other.exit_code, 4) << other.err;
    EXPECT_NE(other.err.find("CLIENT: no client 'C-1001'"), std::string::npos) << other.err;
    EXPECT_EQ(as_json(coordinator, {"matching", "cv", "C-1001"}).at("gigs").as_int64(), 2);
    ASSERT_EQ(as(pakila_staff, {"matching", "cv", "C-1001", "--certificate", "en"}).exit_code, 0);
    const auto rows = audit_rows("matching.cv");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].role, "coordinator");
    EXPECT_EQ(rows[0].subject, "C-1001");
    EXPECT_EQ(rows[0].detail, "work history");
    EXPECT_EQ(rows[1].unit, "pakila");
    EXPECT_EQ(rows[1].detail, "certificate en");
}

}  // namespace
