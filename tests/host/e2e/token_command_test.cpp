// End-to-end tests of `jobcenter token add|list|revoke`: the secret printed once and never stored, the token's
// unit checked against the database, the file chosen by --tokens, --config or $JOBCENTER_TOKENS, and the CLI's
// own writes audited under "cli:" and the system user.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "service/sha256.hpp"
#include "support/cli_fixture.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::read_file;
using jobcenter::testing::write_file;

class TokenCommand : public jobcenter::testing::CliTest {
protected:
    std::string tokens = (dir / "tokens").string();
    void SetUp() override { add_unit("pakila"); }
};

TEST_F(TokenCommand, AddPrintsTheSecretOnceAndTheFileKeepsItsHash) {
    auto added = jc_json({"token", "add", "crm-pakila", "--unit", "pakila", "--role", "staff", "--tokens", tokens});
    const std::string secret(added.at("secret").as_string());
    EXPECT_EQ(added.at("unit").as_string(), "pakila");
    EXPECT_EQ(added.at("role").as_string(), "staff");
    const std::string file = read_file(tokens);
    EXPECT_EQ(file.find(secret), std::string::npos);
    EXPECT_NE(file.find(jobcenter::sha256_hex(secret)), std::string::npos);
    auto listed = jc_json({"token", "list", "--tokens", tokens});
    ASSERT_EQ(listed.at("count").as_int64(), 1);
    EXPECT_EQ(json::serialize(listed).find(secret), std::string::npos);
    EXPECT_EQ(json::serialize(listed).find(jobcenter::sha256_hex(secret)), std::string::npos);
}

TEST_F(TokenCommand, RefusesAnUnknownUnitAndAReusedName) {
    auto unknown = jc({"token", "add", "crm", "--unit", "nowhere", "--role", "staff", "--tokens", tokens});
    EXPECT_EQ(unknown.exit_code, 4) << unknown.err;
    EXPECT_NE(unknown.err.find("unknown unit 'nowhere'"), std::string::npos) << unknown.err;
    EXPECT_FALSE(std::filesystem::exists(tokens));
    ASSERT_EQ(jc({"token", "add", "crm", "--unit", "pakila", "--tokens", tokens}).exit_code, 0);
    const std::string before = read_file(tokens);
    auto twice = jc({"token", "add", "crm", "--role", "admin", "--tokens", tokens});
    auto no_unit = jc({"token", "add", "crm2", "--role", "staff", "--tokens", tokens});
    EXPECT_EQ(no_unit.exit_code, 2) << no_unit.err;
    EXPECT_NE(no_unit.err.find("give --unit NAME"), std::string::npos) << no_unit.err;
    EXPECT_EQ(twice.exit_code, 5) << twice.err;
    EXPECT_EQ(read_file(tokens), before);
}

TEST_F(TokenCommand, RevokeKeepsTheTokenListedWithItsTime) {
    ASSERT_EQ(jc({"token", "add", "crm", "--unit", "pakila", "--tokens", tokens}).exit_code, 0);
    auto revoked = jc_json({"token", "revoke", "crm", "--tokens", tokens});
    EXPECT_EQ(revoked.at("revoked_at").as_string(), "2026-01-15T10:00:00Z");
    auto again = jc({"token", "revoke", "crm", "--tokens", tokens});
    EXPECT_EQ(again.exit_code, 5);
    auto missing = jc({"token", "revoke", "nobody", "--tokens", tokens});
    EXPECT_EQ(missing.exit_code, 4);
    auto listed = jc_json({"token", "list", "--tokens", tokens});
    EXPECT_EQ(listed.at("rows").as_array().at(0).at("revoked_at").as_string(), "2026-01-15T10:00:00Z");
}

TEST_F(TokenCommand, FindsTheFileThroughTheConfigOrTheEnvironment) {
    write_file(dir / "jobcenter.conf", "database = test.db\ntokens = from-config\n");
    ASSERT_EQ(jc({"token", "add", "a", "--unit", "pakila", "--config", (dir / "jobcenter.conf").string()}).exit_code, 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "from-config"));
    env.push_back("JOBCENTER_TOKENS=" + (dir / "from-env").string());
    ASSERT_EQ(jc({"token", "add", "b", "--unit", "pakila"}).exit_code, 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "from-env"));
    env.pop_back();
    auto none = jc({"token", "list"});
    EXPECT_EQ(none.exit_code, 2);
    EXPECT_NE(none.err.find("give --tokens FILE or --config FILE"), std::string::npos) << none.err;
}

TEST_F(TokenCommand, TheCommandLinesWritesAreAuditedAsCli) {
    ASSERT_EQ(jc({"--unit", "pakila", "register", "add", "--name", "Esimerkki Oy"}).exit_code, 0);
    auto all = jc_json({"--role", "admin", "audit", "list"}).at("rows").as_array();
    ASSERT_FALSE(all.empty());
    const std::string actor(all.at(0).at("actor").as_string());
    EXPECT_EQ(actor.rfind("cli:", 0), 0u) << actor;
    for (const auto& row : all) EXPECT_EQ(row.at("actor").as_string(), actor) << json::serialize(row);
    auto by_actor = jc_json({"--role", "admin", "audit", "list", "--actor", actor}).at("rows").as_array();
    EXPECT_EQ(by_actor.size(), all.size() + 1);  // the first list's own row too
    EXPECT_TRUE(jc_json({"--role", "admin", "audit", "list", "--actor", "crm-nobody"}).at("rows").as_array().empty());
}

}  // namespace
