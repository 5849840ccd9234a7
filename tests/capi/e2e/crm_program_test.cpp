// The CRM's side of the C API: `cmake --install` into a temporary prefix, tests/capi/crm_check.c compiled with the
// flags pkg-config gives for jobcenter, run against a database made with the installed program, and the library's
// exported symbols and SONAME.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "jobcenter/jobcenter.h"
#include "service/token_store.hpp"
#include "support/test_support.hpp"

namespace {
using namespace jobcenter;
using namespace jobcenter::testing;
namespace fs = std::filesystem;

// One installation for the whole program: installing copies every plugin, so it is done once.
class CrmProgram : public ::testing::Test {
protected:
    static TempDir* folder;
    static fs::path prefix;

    static void SetUpTestSuite() {
        folder = new TempDir;
        prefix = *folder / "prefix";
        auto installed = run_program(JOBCENTER_CMAKE, {"--install", JOBCENTER_BUILD_DIR, "--prefix", prefix.string()});
        ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
    }
    static void TearDownTestSuite() {
        delete folder;
        folder = nullptr;
    }

    RunResult shell(const std::string& command) {
        return run_program("/bin/sh", {"-c", command}, {},
                           {"PKG_CONFIG_PATH=" + (prefix / "lib/pkgconfig").string(), "JOBCENTER_NOW=2026-01-15T10:00:00Z"});
    }
    RunResult installed_jobcenter(const fs::path& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db.string()});
        return run_program((prefix / "bin/jobcenter").string(), args, {}, {"JOBCENTER_NOW=2026-01-15T10:00:00Z"});
    }
};
TempDir* CrmProgram::folder = nullptr;
fs::path CrmProgram::prefix;

TEST_F(CrmProgram, TheInstallationHasTheLayoutTheDocsList) {
    for (const char* file : {"bin/jobcenter", "lib/libjobcenter.so", "lib/libjobcenter.so.1", "lib/libjobcenter-sdk.so.1",
                             "lib/jobcenter/plugins/libjobcenter-register.so",
                             "lib/jobcenter/plugins/libjobcenter-matching.so",
                             "lib/jobcenter/plugins/libjobcenter-pricing.so", "share/jobcenter/schema/register",
                             "share/jobcenter/scripts/defaults/register.lua", "include/jobcenter/jobcenter.h",
                             "lib/pkgconfig/jobcenter.pc"})
        EXPECT_TRUE(fs::exists(prefix / file)) << file;
    if (fs::exists(JOBCENTER_SOURCE_DIR "/host/web")) {
        EXPECT_TRUE(fs::is_directory(prefix / "share/jobcenter/web"));
    }
    // What only the Debian package carries stays out of a plain installation.
    EXPECT_FALSE(fs::exists(prefix / "etc")) << "the example config belongs to the package only";
    EXPECT_FALSE(fs::exists(prefix / "lib/systemd")) << "the systemd unit belongs to the package only";
}

TEST_F(CrmProgram, PkgConfigNamesTheInstalledHeaderAndLibrary) {
    auto flags = shell("pkg-config --cflags --libs jobcenter");
    ASSERT_EQ(flags.exit_code, 0) << flags.err;
    EXPECT_EQ(flags.out, "-I" + (prefix / "include").string() + " -L" + (prefix / "lib").string() + " -ljobcenter \n");
    auto version = shell("pkg-config --modversion jobcenter");
    EXPECT_EQ(version.out, std::string(JOBCENTER_VERSION) + "\n");
}

TEST_F(CrmProgram, TheLibraryExportsOnlyTheCApiUnderItsSoname) {
    const std::string library = (prefix / "lib/libjobcenter.so.1").string();
    auto soname = shell("objdump -p " + library + " | awk '$1 == \"SONAME\" { print $2 }'");
    EXPECT_EQ(soname.out, "libjobcenter.so.1\n");
    auto symbols = shell("nm -D --defined-only " + library + " | awk '{ print $3 }' | sort");
    ASSERT_EQ(symbols.exit_code, 0) << symbols.err;
    EXPECT_EQ(symbols.out,
              "JOBCENTER_1\njc_call@@JOBCENTER_1\njc_close@@JOBCENTER_1\njc_free@@JOBCENTER_1\njc_open@@JOBCENTER_1\n"
              "jc_status_name@@JOBCENTER_1\njc_version@@JOBCENTER_1\n");
}

TEST_F(CrmProgram, TheCrmProgramBuiltWithPkgConfigRunsTheEntryTimeCheck) {
    TempDir work;
    const fs::path program = work / "crm_check";
    auto compiled = shell("cc -std=c11 -Wall -Wextra -Werror " JOBCENTER_SOURCE_DIR "/tests/capi/crm_check.c "
                          "$(pkg-config --cflags --libs jobcenter) -Wl,-rpath," + (prefix / "lib").string() +
                          " -o " + program.string());
    ASSERT_EQ(compiled.exit_code, 0) << compiled.err;

    const fs::path db = work / "crm.db";
    for (const char* unit : {"pakila", "uusix", "vallila"})
        ASSERT_EQ(installed_jobcenter(db, {"--role", "admin", "unit", "add", unit, "--title", unit, "--organisation",
                                           "KUTY"}).exit_code, 0);
    auto demo = installed_jobcenter(db, {"--role", "admin", "register", "demo"});
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    TokenStore tokens(work / "tokens");
    const std::string secret = tokens.add("crm", "pakila", Role::staff, "2026-01-15T10:00:00Z").secret;
    write_file(work / "jobcenter.conf", "database = crm.db\n"
                                        "plugins = " + (prefix / "lib/jobcenter/plugins").string() + "\n"
                                        "schema = " + (prefix / "share/jobcenter/schema").string() + "\n"
                                        "scripts = " + (prefix / "share/jobcenter/scripts").string() + "\n"
                                        "tokens = tokens\n");

    auto found = run_program(program.string(), {(work / "jobcenter.conf").string(), secret, "ESIMERKKI SIIVOUS OY"});
    EXPECT_EQ(found.exit_code, 0) << found.out << found.err;
    std::istringstream lines(found.out);
    std::string line;
    std::getline(lines, line);
    EXPECT_EQ(line, "libjobcenter " JOBCENTER_VERSION);
    std::getline(lines, line);
    EXPECT_EQ(line, "register.check: JC_OK");
    std::getline(lines, line);
    EXPECT_NE(line.find(R"("name":"Esimerkki Siivous Oy")"), std::string::npos) << line;
    EXPECT_NE(line.find(R"("verdict":"same orderer")"), std::string::npos) << line;

    auto refused = run_program(program.string(), {(work / "jobcenter.conf").string(), "jc_wrong", "Esimerkki"});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.out.find("register.check: JC_UNAUTHENTICATED"), std::string::npos) << refused.out;
}

}  // namespace
