// End-to-end tests of the shared contact log and `register show`: contacts recorded per unit, listed,
// and warned about when another unit contacted the same orderer within recent_contact_days.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::run_jobcenter;
using jobcenter::testing::TempDir;

class ContactLog : public jobcenter::testing::RegisterCliTest {
protected:
    ContactLog() { quiet = true; }
    std::string orderer;

    void SetUp() override {
        for (const char* unit : {"pakila", "uusix", "vallila"}) add_unit(unit);
        orderer = std::to_string(
            jc_json({"register", "add", "--unit", "pakila", "--name", "Esimerkki Oy", "--business-id", "1234567-1"})
                .at("id").as_int64());
    }
};

TEST_F(ContactLog, AnotherUnitsRecentContactIsWarnedAbout) {
    auto first = jc_json({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "Maija", "--outcome",
                          "follow-up", "--next-action", "2026-02-01", "--on", "2026-01-10"});
    EXPECT_EQ(first.at("outcome").as_string(), "JATKOTAPAAMINEN SOVITTU");
    EXPECT_FALSE(first.as_object().contains("warnings"));

    auto shown = jc_json({"register", "show", orderer, "--unit", "uusix"});
    ASSERT_TRUE(shown.as_object().contains("warnings"));
    auto message = std::string(shown.at("warnings").as_array()[0].at("message").as_string());
    EXPECT_NE(message.find("unit pakila (Maija) contacted this orderer on 2026-01-10"), std::string::npos) << message;
    EXPECT_NE(message.find("next action 2026-02-01"), std::string::npos) << message;

    auto own = jc_json({"register", "show", orderer, "--unit", "pakila"});
    EXPECT_FALSE(own.as_object().contains("warnings")) << "a unit is not warned about its own contacts";

    auto second = jc_json({"register", "contact", "add", orderer, "--unit", "uusix", "--staff", "Pekka", "--outcome",
                           "no-answer", "--channel", "email"});
    EXPECT_EQ(second.at("warnings").as_array().size(), 1u);
}

TEST_F(ContactLog, OldContactsAreNotWarnedAbout) {
    jc_json({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "Maija", "--outcome", "failed", "--on",
             "2025-10-01"});
    auto shown = jc_json({"register", "show", orderer, "--unit", "uusix"});
    EXPECT_FALSE(shown.as_object().contains("warnings"));
    EXPECT_EQ(shown.at("contacts").as_array().size(), 1u);
}

TEST_F(ContactLog, ListFiltersByOrdererUnitAndDays) {
    jc_json({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "A", "--outcome", "waiting", "--on", "2026-01-14"});
    jc_json({"register", "contact", "add", orderer, "--unit", "uusix", "--staff", "B", "--outcome", "waiting", "--on", "2025-06-01"});
    EXPECT_EQ(jc_json({"register", "contact", "list"}).at("count").as_int64(), 2);
    EXPECT_EQ(jc_json({"register", "contact", "list", orderer}).at("count").as_int64(), 2);
    EXPECT_EQ(jc_json({"register", "contact", "list", "--of-unit", "uusix"}).at("count").as_int64(), 1);
    EXPECT_EQ(jc_json({"register", "contact", "list", "--days", "30"}).at("count").as_int64(), 1);
    auto rows = jc_json({"register", "contact", "list"}).at("rows").as_array();
    EXPECT_EQ(rows[0].at("date").as_string(), "2026-01-14") << "newest first";
}

TEST_F(ContactLog, BadContactsAreRefusedWithReasons) {
    EXPECT_EQ(jc({"register", "contact", "add", orderer, "--staff", "A", "--outcome", "waiting"}).exit_code, 2);  // no unit
    EXPECT_EQ(jc({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "A", "--outcome", "maybe"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "A", "--outcome", "waiting",
                  "--channel", "pigeon"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "contact", "add", "999", "--unit", "pakila", "--staff", "A", "--outcome", "waiting"}).exit_code, 4);
    EXPECT_EQ(jc({"register", "contact", "add", orderer, "--unit", "pakila", "--staff", "A", "--outcome", "waiting",
                  "--role", "viewer"}).exit_code, 5);
    EXPECT_EQ(jc_json({"register", "contact", "list"}).at("count").as_int64(), 0);
}

TEST_F(ContactLog, ShowGivesTheGoldenRecordAndSiblings) {
    jc_json({"register", "add", "--unit", "pakila", "--name", "Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala",
             "--business-id", "0201256-6"});
    auto second = jc_json({"register", "add", "--unit", "pakila", "--name", "Helsingin kaupunki, Kulttuurin ja vapaa-ajan toimiala",
                           "--business-id", "0201256-6"});
    auto shown = jc_json({"register", "show", std::to_string(second.at("id").as_int64())});
    EXPECT_EQ(shown.at("orderer").at("business_id").as_string(), "0201256-6");
    ASSERT_EQ(shown.at("siblings").as_array().size(), 1u);
    EXPECT_EQ(jc({"register", "show", "999"}).exit_code, 4);
}

}  // namespace
