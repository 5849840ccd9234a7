// Command-line parsing: global options anywhere, the command's flags and positionals as typed JSON.
#include <gtest/gtest.h>

#include "command_line.hpp"

namespace {
using namespace jobcenter;
namespace json = boost::json;

Command sample_command() {
    Command c{"import", "import a file", "", {}, Access::write, Role::staff};
    c.flags = {{"file", FlagType::string, "the file", true, true},
               {"dry-run", FlagType::boolean, "report only"},
               {"map", FlagType::list, "field=Header"},
               {"limit", FlagType::integer, "rows"}};
    c.run = [](Context&, const json::object&) { return json::value(); };
    return c;
}

TEST(GlobalOptions, AreTakenFromAnywhereOnTheLine) {
    auto parsed = parse_global_options({"register", "import", "f.csv", "--unit", "pakila", "--db=x.db", "--role", "admin",
                                        "--format", "csv", "--dry-run"});
    EXPECT_EQ(parsed.globals.unit, "pakila");
    EXPECT_EQ(parsed.globals.paths.database->string(), "x.db");
    EXPECT_EQ(parsed.globals.role, Role::admin);
    EXPECT_EQ(parsed.globals.format, OutputFormat::csv);
    EXPECT_EQ(parsed.words, (std::vector<std::string>{"register", "import", "f.csv", "--dry-run"}));
}

TEST(GlobalOptions, MissingValueAndUnknownValuesAreUsageErrors) {
    EXPECT_THROW(parse_global_options({"plugins", "--db"}), UsageError);
    EXPECT_THROW(parse_global_options({"--format", "xml"}), UsageError);
    EXPECT_THROW(parse_global_options({"--role", "root"}), UsageError);
}

// "The last one wins" would let `--unit pakila ... --unit toolo` act for a unit the user did not mean.
TEST(GlobalOptions, AnOptionGivenTwiceIsAUsageErrorNamingIt) {
    for (const std::vector<std::string>& line :
         {std::vector<std::string>{"--unit", "Pakila", "register", "list", "--unit", "Toolo"},
          {"--db=a.db", "plugins", "--db", "a.db"},
          {"--role", "staff", "--role=admin", "unit", "list"},
          {"--format", "json", "--format", "csv"},
          {"--wait", "5", "--wait", "10"},
          {"--input", "-", "--input=r.json"}}) {
        const std::string option = line[0].substr(0, line[0].find('='));
        try {
            parse_global_options(line);
            ADD_FAILURE() << option << " given twice was accepted";
        } catch (const UsageError& e) {
            EXPECT_EQ(e.where(), option);
            EXPECT_NE(std::string(e.what()).find(option + " is given twice"), std::string::npos) << e.what();
        }
    }
    EXPECT_NO_THROW(parse_global_options({"--quiet", "--quiet", "--unit", "pakila"}));  // a switch means the same twice
}

TEST(GlobalOptions, WaitTakesWholeSeconds) {
    EXPECT_EQ(parse_global_options({"--wait", "0"}).globals.wait_seconds, 0);
    EXPECT_EQ(parse_global_options({"--wait=45", "unit", "list"}).globals.wait_seconds, 45);
    EXPECT_EQ(parse_global_options({"unit", "list"}).globals.wait_seconds, std::nullopt);
    for (const char* bad : {"", "-1", "1.5", "ten", "5s", "86401", "99999999999"}) {
        try {
            parse_global_options({"--wait", bad});
            ADD_FAILURE() << "--wait " << bad << " was accepted";
        } catch (const UsageError& e) {
            EXPECT_EQ(e.where(), "--wait");
        }
    }
}

TEST(GlobalOptions, DoubleDashEndsOptions) {
    auto parsed = parse_global_options({"register", "add", "--", "--unit"});
    EXPECT_TRUE(parsed.globals.unit.empty());
    EXPECT_EQ(parsed.words.back(), "--unit");
}

TEST(BuildRequest, TypesFlagsAndPositionals) {
    auto request = build_request(sample_command(), "register import",
                                 {"f.csv", "--dry-run", "--map", "name=Yritys", "--map=phone=Puh", "--limit", "5"});
    EXPECT_EQ(request.at("file").as_string(), "f.csv");
    EXPECT_EQ(request.at("dry_run").as_bool(), true);
    EXPECT_EQ(request.at("map").as_array().size(), 2u);
    EXPECT_EQ(request.at("map").as_array()[1].as_string(), "phone=Puh");
    EXPECT_EQ(request.at("limit").as_int64(), 5);
}

TEST(BuildRequest, ErrorsSayWhatAndPointToHelp) {
    try {
        build_request(sample_command(), "register import", {"--limit", "5"});
        FAIL();
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("missing FILE"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("jobcenter register import --help"), std::string::npos);
    }
    EXPECT_THROW(build_request(sample_command(), "x", {"f.csv", "--nope"}), UsageError);
    EXPECT_THROW(build_request(sample_command(), "x", {"f.csv", "extra"}), UsageError);
    EXPECT_THROW(build_request(sample_command(), "x", {"f.csv", "--limit", "five"}), UsageError);
    EXPECT_THROW(build_request(sample_command(), "x", {"f.csv", "--limit"}), UsageError);
}

TEST(BuildRequest, FlagsOverrideFieldsFromInput) {
    auto request = build_request(sample_command(), "x", {"f.csv", "--limit", "9"}, json::object{{"limit", 1}, {"extra", "kept"}});
    EXPECT_EQ(request.at("limit").as_int64(), 9);
    EXPECT_EQ(request.at("extra").as_string(), "kept");
}

TEST(Help, CommandHelpListsEveryFlag) {
    auto text = command_help("register", sample_command());
    EXPECT_NE(text.find("usage: jobcenter register import FILE"), std::string::npos) << text;
    EXPECT_NE(text.find("--dry-run"), std::string::npos);
    EXPECT_NE(text.find("changes the database"), std::string::npos);
}

}  // namespace
