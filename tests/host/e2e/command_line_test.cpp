// End-to-end tests of the jobcenter program as users run it: plugins, help at every level, commands
// through the whole path, output formats, exit codes, script checks, and that a failed command changes
// nothing.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"
#include "support/identity_codes.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::run_jobcenter;
using jobcenter::testing::TempDir;
using jobcenter::testing::write_file;

using CommandLine = jobcenter::testing::CliTest;

TEST_F(CommandLine, PluginsListsThreeWithVersionsAndCommands) {
    auto r = jc({"plugins"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("register"), std::string::npos);
    EXPECT_NE(r.out.find("matching"), std::string::npos);
    EXPECT_NE(r.out.find("pricing"), std::string::npos);
    EXPECT_EQ(r.err, "");
    auto v = jc_json({"plugins"});
    ASSERT_EQ(v.at("plugins").as_array().size(), 3u);
    for (const auto& p : v.at("plugins").as_array()) {
        EXPECT_NE(std::string(p.at("version").as_string()).find("0."), std::string::npos);
        EXPECT_FALSE(p.at("commands").as_array().empty());
    }
    EXPECT_FALSE(v.as_object().contains("refused"));
}

TEST_F(CommandLine, HelpAtEveryLevel) {
    auto top = jc({"--help"});
    EXPECT_EQ(top.exit_code, 0);
    EXPECT_NE(top.out.find("register"), std::string::npos);
    EXPECT_NE(top.out.find("--db PATH"), std::string::npos);
    EXPECT_NE(top.out.find("Exit codes"), std::string::npos);
    auto group = jc({"register", "--help"});
    EXPECT_EQ(group.exit_code, 0);
    EXPECT_NE(group.out.find("add"), std::string::npos);
    auto command = jc({"register", "add", "--help"});
    EXPECT_EQ(command.exit_code, 0);
    EXPECT_NE(command.out.find("--business-id"), std::string::npos);
    EXPECT_NE(command.out.find("(required)"), std::string::npos);
    EXPECT_FALSE(fs::exists(db)) << "help must not create the database";
}

TEST_F(CommandLine, ATwoWordCommandWinsOverAOneWordCommandAndAnArgument) {
    // `matching earnings CLIENT` exists, and so does `matching earnings record`: the second is meant.
    auto joined = jc({"matching", "earnings", "record", "--help"});
    EXPECT_EQ(joined.exit_code, 0) << joined.err;
    EXPECT_NE(joined.out.find("usage: jobcenter matching earnings-record"), std::string::npos) << joined.out;
    auto single = jc({"matching", "earnings", "--help"});
    EXPECT_EQ(single.exit_code, 0) << single.err;
    EXPECT_NE(single.out.find("usage: jobcenter matching earnings "), std::string::npos) << single.out;
}

TEST_F(CommandLine, CsvAndTextFormats) {
    add_unit("pakila");
    jc_json({"register", "add", "--unit", "pakila", "--name", "Alpha, \"the first\" Oy"});
    jc_json({"register", "add", "--unit", "pakila", "--name", "Beta Oy"});
    auto csv = jc({"register", "list", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("id,name,category,business_id,city,created_by_unit\r\n", 0), 0u) << csv.out;
    EXPECT_NE(csv.out.find("\"Alpha, \"\"the first\"\" Oy\""), std::string::npos) << csv.out;
    auto text = jc({"register", "list"});
    EXPECT_NE(text.out.find("count: 2"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Beta Oy"), std::string::npos);
}

TEST_F(CommandLine, ExitCodesDistinguishKindsOfError) {
    EXPECT_EQ(jc({"nosuch"}).exit_code, 2);
    EXPECT_EQ(jc({"register", "nosuch"}).exit_code, 2);
    EXPECT_EQ(jc({"register", "add"}).exit_code, 2);                                  // missing --name
    EXPECT_EQ(jc({"register", "add", "--name", "X", "--bogus", "1"}).exit_code, 2);   // unknown flag
    EXPECT_EQ(jc({"register", "get", "abc"}).exit_code, 2);                           // not a number
    EXPECT_EQ(jc({"register", "add", "--name", "X", "--category", "alien"}).exit_code, 3);
    EXPECT_EQ(jc({"register", "get", "999"}).exit_code, 4);
    EXPECT_EQ(jc({"register", "add", "--name", "X", "--unit", "nowhere"}).exit_code, 4);
    EXPECT_EQ(jc({"register", "add", "--name", "X", "--role", "viewer"}).exit_code, 5);
    EXPECT_EQ(jc({"unit", "add", "x", "--title", "X", "--organisation", "KUTY"}).exit_code, 5);  // staff, not admin
    EXPECT_EQ(jc({"--role", "emperor", "plugins"}).exit_code, 2);
}

TEST_F(CommandLine, ErrorsAreOneLineNamingWhatAndWhere) {
    auto r = jc({"register", "get", "999"});
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "jobcenter: error: no orderer has the id 999\n");
    auto j = jc({"register", "get", "999", "--format", "json"});
    auto v = json::parse(j.out);
    EXPECT_EQ(v.at("error").at("kind").as_string(), "not_found");
}

TEST_F(CommandLine, UnknownUnitIsRefusedBeforeAnythingIsWritten) {
    auto r = jc({"register", "add", "--name", "X", "--unit", "nowhere"});
    EXPECT_NE(r.err.find("unknown unit 'nowhere'"), std::string::npos) << r.err;
    auto list = jc_json({"register", "list"});
    EXPECT_EQ(list.at("count").as_int64(), 0);
}

TEST_F(CommandLine, DatabaseFromEnvironment) {
    auto other = (dir / "from-env.db").string();
    auto r = run_jobcenter({"unit", "list"}, "", {"JOBCENTER_DB=" + other});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(other));
}

TEST_F(CommandLine, RequestFromJsonInputWithFlagsOverriding) {
    add_unit("pakila");
    auto r = jc({"register", "add", "--unit", "pakila", "--input", "-", "--city", "Espoo", "--format", "json"},
                R"({"name": "Input Oy", "city": "Vantaa"})");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto id = std::to_string(json::parse(r.out).at("id").as_int64());
    auto got = jc_json({"register", "get", id});
    EXPECT_EQ(got.at("city").as_string(), "Espoo");
    EXPECT_EQ(jc({"register", "add", "--input", "-"}, "{not json").exit_code, 3);
}

TEST_F(CommandLine, ScriptCheckNamesFileAndLine) {
    auto good = jc({"script", "check", (fs::path(JOBCENTER_SOURCE_DIR) / "scripts/defaults/pricing.lua").string()});
    EXPECT_EQ(good.exit_code, 0) << good.err;
    EXPECT_NE(good.out.find("ok: yes"), std::string::npos) << good.out;
    auto bad_file = dir.path() / "pricing.lua";
    write_file(bad_file, "local M = {}\nfunction M.coefficient(c, d)\n  return 9\nend\nreturn M\n");
    auto bad = jc({"script", "check", bad_file.string()});
    EXPECT_EQ(bad.exit_code, 6);
    EXPECT_NE(bad.err.find("pricing.lua"), std::string::npos) << bad.err;
    auto syntax = dir.path() / "syntax" / "pricing.lua";
    write_file(syntax, "local M = {}\n\nfunction M.coefficient(\nreturn M\n");
    auto s = jc({"script", "check", syntax.string()});
    EXPECT_EQ(s.exit_code, 6);
    EXPECT_NE(s.err.find("pricing.lua:"), std::string::npos) << s.err;
}

TEST_F(CommandLine, DbStatusListsEveryMigrationAndRerunIsNoOp) {
    auto first = jc_json({"db", "status"});
    auto second = jc_json({"db", "status"});
    EXPECT_EQ(first.at("migrations"), second.at("migrations"));
    EXPECT_GE(first.at("migrations").as_int64(), 4);  // host, register, matching, pricing
}

TEST_F(CommandLine, NoProgressOrNoiseOnStderrWhenNotATerminal) {
    auto r = jc({"register", "list"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
}

TEST_F(CommandLine, DemoRunsEveryPluginsDemo) {
    auto r = jc({"demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("== register =="), std::string::npos);
    EXPECT_NE(r.out.find("== matching =="), std::string::npos);
    EXPECT_NE(r.out.find("== pricing =="), std::string::npos);
    // Each demo after those of the plugins it depends on: pricing needs matching, matching the register.
    EXPECT_LT(r.out.find("== register =="), r.out.find("== matching =="));
    EXPECT_LT(r.out.find("== matching =="), r.out.find("== pricing =="));
    EXPECT_NE(r.out.find("17.98"), std::string::npos);
    EXPECT_NE(r.out.find("pakila/P-1 uusix/U-7 vallila/V-2"), std::string::npos) << r.out;  // one orderer
    EXPECT_NE(r.out.find("verdict: same orderer"), std::string::npos) << r.out;
    // Pricing pays and invoices the matching demo's approved gig and proves the sums.
    EXPECT_NE(r.out.find("invoice_lines:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("pay_statement:"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("marked_paid: run 1 paid"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(" no\n", r.out.find("proof:")), r.out.find(" no\n", r.out.find("benefit_watch:")))
        << "a proof that does not hold:\n" << r.out;
    auto again = jc({"demo"});
    EXPECT_EQ(again.exit_code, 0) << again.err;  // units already there: the demo goes on
}

// Plugins of the test build through the router: a failing write leaves nothing behind, refused plugins
// are reported while good ones work, roles are enforced, and one command can call another.
class FixturePlugins : public CommandLine {
protected:
    TempDir plugins;
    void SetUp() override {
        for (const char* c : {"good", "wrong_abi", "throwing_factory"}) {
            fs::path lib = fs::path(JOBCENTER_TEST_PLUGIN_ROOT) / c / ("lib" + std::string(c) + ".so");
            fs::copy_file(lib, plugins.path() / lib.filename());
        }
        write_file(plugins / "broken.so", "not a library");
    }
    jobcenter::testing::RunResult fx(std::vector<std::string> args, const std::string& input = {}) {
        args.insert(args.begin(), {"--plugins", plugins.path().string()});
        return jc(args, input);
    }
};

TEST_F(FixturePlugins, RefusalsAreReportedAndTheGoodPluginStillWorks) {
    auto r = fx({"plugins"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find("plugin libwrong_abi.so refused: built for plugin ABI 999"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("plugin libthrowing_factory.so refused"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("plugin broken.so refused"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("good"), std::string::npos);
    auto echo = fx({"good", "echo", "--text", "hei", "--format", "json", "--quiet"});
    EXPECT_EQ(echo.exit_code, 0) << echo.err;
}

TEST_F(FixturePlugins, FlagsOfEveryTypeBecomeTypedJson) {
    auto r = fx({"good", "echo", "thing", "--text=hei", "--count", "3", "--loud", "--tag", "a", "--tag", "b", "--price",
                 "14,5", "--day", "2026-02-28", "--format", "json", "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto req = json::parse(r.out).at("request");
    EXPECT_EQ(req.at("item").as_string(), "thing");
    EXPECT_EQ(req.at("text").as_string(), "hei");
    EXPECT_EQ(req.at("count").as_int64(), 3);
    EXPECT_EQ(req.at("loud").as_bool(), true);
    EXPECT_EQ(req.at("tag").as_array().size(), 2u);
    EXPECT_EQ(req.at("price").as_string(), "14.50");
    EXPECT_EQ(fx({"good", "echo", "--price", "14.505", "--quiet"}).exit_code, 3);
    EXPECT_EQ(fx({"good", "echo", "--day", "2026-02-29", "--quiet"}).exit_code, 2);
}

TEST_F(FixturePlugins, FailedCommandChangesNothing) {
    EXPECT_EQ(fx({"good", "write", "--quiet"}).exit_code, 0);
    auto failed = fx({"good", "fail", "--quiet"});
    EXPECT_EQ(failed.exit_code, 3);
    EXPECT_NE(failed.err.find("fixture.csv:7: row 7 has no name"), std::string::npos) << failed.err;
    auto count = fx({"good", "count", "--format", "json", "--quiet"});
    EXPECT_EQ(json::parse(count.out).at("rows").as_int64(), 1) << "the failed command's insert must be rolled back";
}

TEST_F(FixturePlugins, ABulkCommandAndWhatItCallsHaveTheirForeignKeysCheckedAtCommit) {
    auto single = fx({"good", "foreign-keys", "--format", "json", "--quiet"});
    ASSERT_EQ(single.exit_code, 0) << single.err;
    EXPECT_EQ(json::parse(single.out).at("check").as_string(), "per_row");
    auto bulk = fx({"good", "bulk", "--format", "json", "--quiet"});
    ASSERT_EQ(bulk.exit_code, 0) << bulk.err;
    EXPECT_EQ(json::parse(bulk.out).at("check").as_string(), "at_commit");
    EXPECT_EQ(json::parse(bulk.out).at("nested").at("check").as_string(), "at_commit");
}

TEST_F(FixturePlugins, RoleAndNestedCalls) {
    EXPECT_EQ(fx({"good", "admin-only", "--quiet"}).exit_code, 5);
    EXPECT_EQ(fx({"good", "admin-only", "--role", "admin", "--quiet"}).exit_code, 0);
    auto nested = fx({"good", "nested", "--format", "json", "--quiet"});
    ASSERT_EQ(nested.exit_code, 0) << nested.err;
    EXPECT_EQ(json::parse(nested.out).at("inner").at("request").at("text").as_string(), "from nested");
}

TEST_F(CommandLine, AnErrorMessageNeverEchoesAnIdentityCode) {
    const std::string code = jobcenter::testing::identity_code("131052", '-', "308");
    auto text = jc({"unit", "list", "Firma " + code});
    EXPECT_EQ(text.exit_code, 2);
    EXPECT_NE(text.err.find("unexpected argument 'Firma [identity code removed]'"), std::string::npos) << text.err;
    EXPECT_EQ(text.err.find(code), std::string::npos) << text.err;
    auto as_json = jc({"--format", "json", "unit", "list", "Firma " + code});
    EXPECT_EQ(as_json.exit_code, 2);
    EXPECT_EQ(as_json.out.find(code), std::string::npos) << as_json.out;
    EXPECT_EQ(as_json.err.find(code), std::string::npos) << as_json.err;
}

}  // namespace
