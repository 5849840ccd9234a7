// End-to-end tests of `jobcenter doctor`: exit 0 on a healthy installation, and for each kind of trouble a
// finding that names it and says what to do, with exit 1 and the findings still printed.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>

#include "support/cli_fixture.hpp"

namespace {
namespace fs = std::filesystem;
namespace json = boost::json;
using jobcenter::testing::write_file;

class Doctor : public jobcenter::testing::CliTest {
protected:
    void SetUp() override {
        quiet = true;
        add_unit("pakila");
        // What a careful administrator sets: only the service account may use the folder and the file.
        fs::permissions(dir.path(), fs::perms::owner_all);
        fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write);
    }
    jobcenter::testing::RunResult doctor(std::vector<std::string> extra = {}) {
        extra.insert(extra.begin(), {"--role", "admin", "doctor"});
        return jc(extra);
    }
    // The findings of a doctor run in JSON that are not ok.
    std::vector<json::object> trouble(std::vector<std::string> extra = {}) {
        extra.push_back("--format=json");
        auto r = doctor(extra);
        EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
        std::vector<json::object> found;
        const json::value report = json::parse(r.out);
        for (const auto& row : report.at("rows").as_array())
            if (row.at("status").as_string() != "ok") found.push_back(row.as_object());
        return found;
    }
    // The scripts folder of the source tree, copied, so a test may add a unit's file to it.
    fs::path own_scripts() {
        fs::path scripts = dir / "scripts";
        fs::create_directories(scripts);
        fs::copy(fs::path(JOBCENTER_SOURCE_DIR) / "scripts" / "defaults", scripts / "defaults", fs::copy_options::recursive);
        return scripts;
    }
};

std::string text_of(const json::object& finding, const char* field) { return std::string(finding.at(field).as_string()); }

TEST_F(Doctor, HealthyInstallationExitsZeroWithEveryCheckOk) {
    auto r = doctor({"--format=json"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    auto report = json::parse(r.out).as_object();
    EXPECT_EQ(report.at("status").as_string(), "ok");
    std::vector<std::string> checks;
    for (const auto& row : report.at("rows").as_array()) {
        EXPECT_EQ(row.at("status").as_string(), "ok") << json::serialize(row);
        checks.push_back(text_of(row.as_object(), "check"));
    }
    for (const char* check : {"database", "integrity", "foreign keys", "migrations", "plugins", "scripts", "permissions",
                              "disk space"})
        EXPECT_NE(std::find(checks.begin(), checks.end(), check), checks.end()) << check;
}

TEST_F(Doctor, WorldReadableDatabaseIsAWarningWithTheChmodToRun) {
    fs::permissions(db, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    auto found = trouble();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text_of(found[0], "check"), "permissions");
    EXPECT_EQ(text_of(found[0], "status"), "warning");
    EXPECT_NE(text_of(found[0], "detail").find("mode 0644: its group and everyone else may read it"), std::string::npos)
        << text_of(found[0], "detail");
    EXPECT_EQ(text_of(found[0], "advice"), "chmod 600 " + db);

    auto text = doctor();
    EXPECT_EQ(text.exit_code, 1);
    EXPECT_NE(text.out.find("status: warning"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("chmod 600 " + db), std::string::npos) << text.out;
}

TEST_F(Doctor, OpenFolderIsAWarningToo) {
    fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    auto found = trouble();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(text_of(found[0], "detail").find("its group may list it"), std::string::npos) << text_of(found[0], "detail");
    EXPECT_EQ(text_of(found[0], "advice"), "chmod 700 " + dir.path().string());
}

TEST_F(Doctor, BrokenUnitScriptIsReportedWithUnitFileAndLine) {
    fs::path scripts = own_scripts();
    fs::path broken = scripts / "units" / "pakila" / "pricing.lua";
    write_file(broken, "local M = {}\n\nfunction M.coefficient(\nreturn M\n");  // line 4: `return` where a name is due
    auto found = trouble({"--scripts", scripts.string()});
    ASSERT_FALSE(found.empty());
    EXPECT_EQ(text_of(found[0], "check"), "scripts");
    EXPECT_EQ(text_of(found[0], "status"), "problem");
    EXPECT_NE(text_of(found[0], "detail").find("unit pakila, " + broken.string() + ":4: "), std::string::npos)
        << text_of(found[0], "detail");
    EXPECT_NE(text_of(found[0], "advice").find("jobcenter --unit pakila script check " + broken.string()), std::string::npos)
        << text_of(found[0], "advice");
}

TEST_F(Doctor, ScriptFolderOfNoUnitIsAWarning) {
    fs::path scripts = own_scripts();
    fs::create_directories(scripts / "units" / "nobody");
    fs::copy_file(scripts / "defaults" / "pricing.lua", scripts / "units" / "nobody" / "pricing.lua");
    auto found = trouble({"--scripts", scripts.string()});
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text_of(found[0], "status"), "warning");
    EXPECT_NE(text_of(found[0], "detail").find("units/nobody is the folder of no unit in the database"), std::string::npos)
        << text_of(found[0], "detail");
}

TEST_F(Doctor, JunkAndWrongAbiPluginsAreReportedWithTheReason) {
    fs::path plugins = dir / "plugins";
    fs::create_directories(plugins);
    for (const auto& entry : fs::directory_iterator(fs::path(JOBCENTER_BUILD_DIR) / "plugins"))
        if (entry.path().extension() == ".so") fs::copy_file(entry.path(), plugins / entry.path().filename());
    write_file(plugins / "libjunk.so", "not a shared library at all\n");
    fs::copy_file(fs::path(JOBCENTER_TEST_PLUGIN_ROOT) / "wrong_abi" / "libwrong_abi.so", plugins / "libwrong_abi.so");

    auto found = trouble({"--plugins", plugins.string()});
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(text_of(found[0], "check"), "plugins");
    EXPECT_NE(text_of(found[0], "detail").find("libjunk.so refused: not a loadable shared library"), std::string::npos)
        << text_of(found[0], "detail");
    EXPECT_NE(text_of(found[1], "detail").find("libwrong_abi.so refused: built for plugin ABI 999"), std::string::npos)
        << text_of(found[1], "detail");
    EXPECT_NE(text_of(found[0], "advice").find("remove the file"), std::string::npos);
}

TEST_F(Doctor, EditedMigrationIsAProblem) {
    {
        auto edited = jobcenter::Database::open(db);
        edited.exec("UPDATE schema_migration SET checksum = '0000000000000000' WHERE component = 'register' AND version = 3");
    }
    auto found = trouble();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(text_of(found[0], "check"), "migrations");
    EXPECT_EQ(text_of(found[0], "status"), "problem");
    EXPECT_NE(text_of(found[0], "detail").find("register: it records the migration register/003_contact_log.sql"),
              std::string::npos)
        << text_of(found[0], "detail");
}

TEST_F(Doctor, MissingDatabaseIsAProblemAndIsNotCreated) {
    const fs::path none = dir / "none.db";
    auto r = jobcenter::testing::run_jobcenter({"--db", none.string(), "--role", "admin", "doctor"}, "", env);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("no database file at " + none.string()), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(none));
}

TEST_F(Doctor, NeedsTheRoleAdminAndSaysWhyInItsHelp) {
    auto staff = jc({"doctor"});
    EXPECT_EQ(staff.exit_code, 5);
    EXPECT_NE(staff.err.find("doctor needs the role admin"), std::string::npos) << staff.err;
    auto help = jc({"doctor", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("it reads every unit's scripts, hence the role admin"), std::string::npos) << help.out;
    EXPECT_EQ(jc({"--role", "admin", "doctor", "extra"}).exit_code, 2);
}

}  // namespace
