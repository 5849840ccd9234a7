// Unit tests of the gig rules without a database: which step each status allows and how a refusal reads,
// decimal hours to minutes and back, the hours a done gig records, and HTML escaping.
#include <gtest/gtest.h>

#include <algorithm>

#include "jobcenter/errors.hpp"
#include "matching/gigs/certificate_html.hpp"
#include "matching/gigs/gig_hours.hpp"
#include "matching/gigs/gig_life_cycle.hpp"

namespace jobcenter::matching {
namespace {

constexpr GigStatus all_statuses[] = {GigStatus::proposed, GigStatus::confirmed, GigStatus::accepted, GigStatus::done,
                                      GigStatus::approved, GigStatus::cancelled, GigStatus::declined};
constexpr GigStep all_steps[] = {GigStep::confirm, GigStep::accept,  GigStep::record_done, GigStep::approve,
                                 GigStep::cancel,  GigStep::decline, GigStep::feedback};

std::string refusal(GigStatus status, GigStep step) {
    try {
        require_step_allowed(7, status, step);
    } catch (const RefusedError& e) {
        return e.what();
    }
    return "";
}

TEST(GigLifeCycle, EachStepIsAllowedExactlyFromItsStatusesAndRefusedWithAReasonOtherwise) {
    for (GigStep step : all_steps) {
        const auto from = statuses_before(step);
        for (GigStatus status : all_statuses) {
            const bool allowed = std::find(from.begin(), from.end(), status) != from.end();
            const std::string why = refusal(status, step);
            EXPECT_EQ(why.empty(), allowed) << code_of(status) << " " << static_cast<int>(step);
            if (!allowed) {
                EXPECT_EQ(why.rfind("gig 7 is " + std::string(code_of(status)), 0), 0u) << why;
            }
        }
    }
}

TEST(GigLifeCycle, StepsLeadAlongTheMainLineOrOffIt) {
    EXPECT_EQ(status_after(GigStep::confirm), GigStatus::confirmed);
    EXPECT_EQ(status_after(GigStep::accept), GigStatus::accepted);
    EXPECT_EQ(status_after(GigStep::record_done), GigStatus::done);
    EXPECT_EQ(status_after(GigStep::approve), GigStatus::approved);
    EXPECT_EQ(status_after(GigStep::cancel), GigStatus::cancelled);
    EXPECT_EQ(status_after(GigStep::decline), GigStatus::declined);
    EXPECT_EQ(status_after(GigStep::feedback), std::nullopt);
}

TEST(GigLifeCycle, ARefusalSaysWhatMustHappenFirst) {
    EXPECT_EQ(refusal(GigStatus::proposed, GigStep::accept),
              "gig 7 is proposed: it must be confirmed before the client can accept it");
    EXPECT_EQ(refusal(GigStatus::confirmed, GigStep::approve),
              "gig 7 is confirmed: it must be done before a coordinator can approve it");
    EXPECT_EQ(refusal(GigStatus::done, GigStep::record_done), "gig 7 is done already");
    EXPECT_EQ(refusal(GigStatus::declined, GigStep::feedback), "gig 7 is declined: a declined gig takes no more steps");
}

TEST(GigHours, DecimalHoursBecomeWholeMinutes) {
    EXPECT_EQ(parse_hours("2"), 120);
    EXPECT_EQ(parse_hours("1.5"), 90);
    EXPECT_EQ(parse_hours("1,25"), 75);
    EXPECT_EQ(parse_hours("0"), 0);
    EXPECT_EQ(parse_hours("24"), 1440);
    EXPECT_EQ(parse_hours("0.333333"), 20);
    EXPECT_EQ(parse_hours("0.0083"), 0);   // half a minute rounds up from 0.5: this is 0.498
    EXPECT_EQ(parse_hours("0.00834"), 1);  // 0.5004 minutes
    for (const char* bad : {"", "-1", "+1", "24.01", "25", "two", "1.2.3", "1.1234567"})
        EXPECT_EQ(parse_hours(bad), std::nullopt) << bad;
    EXPECT_EQ(hours_text(90), "1.5");
    EXPECT_EQ(hours_text(120), "2");
    EXPECT_EQ(hours_text(20), "0.33");
    EXPECT_EQ(hours_text(0), "0");
}

Order weekly_order() {
    Order order;
    order.id = "T-1";
    order.start = *parse_local_time("2026-01-05T16:00");
    order.minutes = 150;
    order.repeat = Repeat{7, *parse_day("2026-03-30")};
    return order;
}

TEST(GigHours, WithoutHoursEveryOccurrenceUpToTodayTakesThePlannedHours) {
    const auto hours = hours_to_record(weekly_order(), *parse_day("2026-01-19"), {});
    ASSERT_EQ(hours.size(), 3u);  // 5, 12 and 19 January: an occurrence today counts
    EXPECT_EQ(day_text(hours[2].day), "2026-01-19");
    for (const auto& h : hours) EXPECT_EQ(h.minutes, 150);
    EXPECT_EQ(total_minutes(hours), 450);
}

TEST(GigHours, GivenHoursAreSortedByDay) {
    const auto hours = hours_to_record(weekly_order(), *parse_day("2026-01-13"), {"2026-01-12=1", "2026-01-05=3"});
    ASSERT_EQ(hours.size(), 2u);
    EXPECT_EQ(day_text(hours[0].day), "2026-01-05");
    EXPECT_EQ(hours[0].minutes, 180);
    EXPECT_EQ(hours[1].minutes, 60);
    EXPECT_THROW(hours_to_record(weekly_order(), *parse_day("2026-01-04"), {}), RefusedError);
    EXPECT_THROW(hours_to_record(weekly_order(), *parse_day("2026-01-13"), {"2026-01-12=1"}), InputError);
}

TEST(CertificateHtml, EscapesEveryCharacterThatMeansSomethingInHtml) {
    EXPECT_EQ(html_escape("Aino <&> \"K\" O'Neil"), "Aino &lt;&amp;&gt; &quot;K&quot; O&#39;Neil");
    EXPECT_EQ(html_escape("Työtodistus"), "Työtodistus");
    EXPECT_EQ(parse_certificate_language("fi"), CertificateLanguage::fi);
    EXPECT_EQ(parse_certificate_language("en"), CertificateLanguage::en);
    EXPECT_EQ(parse_certificate_language("FI"), std::nullopt);
}

}  // namespace
}  // namespace jobcenter::matching
