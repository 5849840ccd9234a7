// End-to-end tests of entering and reading orderers one at a time: `register add` and `register get`.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "register/support/register_cli_fixture.hpp"

namespace {
namespace json = boost::json;

using RegisterOrderer = jobcenter::testing::RegisterCliTest;

TEST_F(RegisterOrderer, AddStoresAndGetReadsBack) {
    add_unit("pakila");
    auto added = jc_json({"register", "add", "--unit", "pakila", "--name", "Esimerkki Oy", "--category", "company",
                          "--business-id", "FI12345671", "--city", "Helsinki"});
    EXPECT_EQ(added.at("business_id").as_string(), "1234567-1");
    auto id = std::to_string(added.at("id").as_int64());
    auto got = jc_json({"register", "get", id});
    EXPECT_EQ(got.at("name").as_string(), "Esimerkki Oy");
    EXPECT_EQ(got.at("business_id").as_string(), "1234567-1");
    EXPECT_EQ(got.at("created_by_unit").as_string(), "pakila");
    EXPECT_EQ(got.at("created_at").as_string(), "2026-01-15T10:00:00Z");
}

TEST_F(RegisterOrderer, AddNeedsTheUnitWhoseRegisterItGoesIn) {
    auto r = jc({"register", "add", "--name", "Esimerkki Oy"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("--unit"), std::string::npos) << r.err;
    EXPECT_EQ(jc_json({"register", "list"}).at("count").as_int64(), 0) << "nothing was written";
}

TEST_F(RegisterOrderer, InvalidBusinessIdIsKeptShownAndNotUsed) {
    add_unit("pakila");
    auto added = jc_json({"register", "add", "--unit", "pakila", "--name", "Typo Oy", "--business-id", "1234567-2"});
    EXPECT_TRUE(added.at("business_id").is_null());
    EXPECT_NE(json::serialize(added.at("warnings")).find("should be 1, not 2"), std::string::npos);
    auto got = jc_json({"register", "get", std::to_string(added.at("id").as_int64())});
    EXPECT_EQ(got.at("business_id_invalid").as_string(), "1234567-2");
}

}  // namespace
