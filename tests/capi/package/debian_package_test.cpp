// The Debian package (label package): `cpack -G DEB` into a temporary folder, then what dpkg-deb reads from it
// (files under /usr, the unit, the conffile, the maintainer scripts, the dependencies shlibdeps found) and, when
// lintian is installed, lintian reporting no error.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/test_support.hpp"

namespace {
using namespace jobcenter::testing;
namespace fs = std::filesystem;

class DebianPackage : public ::testing::Test {
protected:
    static TempDir* folder;
    static fs::path deb;

    static void SetUpTestSuite() {
        folder = new TempDir;
        auto packed = run_program(JOBCENTER_CPACK, {"-G", "DEB", "--config", JOBCENTER_BUILD_DIR "/CPackConfig.cmake",
                                                    "-B", folder->path().string()});
        ASSERT_EQ(packed.exit_code, 0) << packed.out << packed.err;
        for (const auto& entry : fs::directory_iterator(folder->path()))
            if (entry.path().extension() == ".deb") deb = entry.path();
    }
    static void TearDownTestSuite() {
        delete folder;
        folder = nullptr;
    }

    static RunResult shell(const std::string& command) { return run_program("/bin/sh", {"-c", command}); }
    static std::string field(const std::string& name) {
        return shell("dpkg-deb --field " + deb.string() + " " + name).out;
    }
    static std::string control_file(const std::string& name) {
        return shell("dpkg-deb --ctrl-tarfile " + deb.string() + " | tar -xOf - ./" + name).out;
    }
    static std::string data_file(const std::string& path) {
        return shell("dpkg-deb --fsys-tarfile " + deb.string() + " | tar -xOf - ." + path).out;
    }
};
TempDir* DebianPackage::folder = nullptr;
fs::path DebianPackage::deb;

TEST_F(DebianPackage, IsNamedAfterTheVersionAndTheArchitecture) {
    ASSERT_FALSE(deb.empty());
    const std::string arch = shell("dpkg --print-architecture").out;
    EXPECT_EQ(deb.filename().string(), "jobcenter_" JOBCENTER_VERSION "_" + arch.substr(0, arch.size() - 1) + ".deb");
    EXPECT_EQ(field("Package"), "jobcenter\n");
    EXPECT_EQ(field("Version"), JOBCENTER_VERSION "\n");
}

TEST_F(DebianPackage, HoldsTheInstallationUnderUsrAndTheServiceFiles) {
    ASSERT_FALSE(deb.empty());
    const std::string contents = shell("dpkg-deb --contents " + deb.string() + " | awk '{ print $1 \" \" $6 }'").out;
    for (const char* entry :
         {"-rwxr-xr-x ./usr/bin/jobcenter", "-rw-r--r-- ./usr/lib/libjobcenter.so.1.0.0",
          "lrwxrwxrwx ./usr/lib/libjobcenter.so.1", "-rw-r--r-- ./usr/lib/libjobcenter-sdk.so." JOBCENTER_VERSION,
          "-rw-r--r-- ./usr/lib/jobcenter/plugins/libjobcenter-register.so",
          "-rw-r--r-- ./usr/lib/jobcenter/plugins/libjobcenter-matching.so",
          "-rw-r--r-- ./usr/lib/jobcenter/plugins/libjobcenter-pricing.so",
          "-rw-r--r-- ./usr/share/jobcenter/schema/register/001_orderers.sql",
          "-rw-r--r-- ./usr/share/jobcenter/scripts/defaults/register.lua",
          "-rw-r--r-- ./usr/include/jobcenter/jobcenter.h", "-rw-r--r-- ./usr/lib/pkgconfig/jobcenter.pc",
          "-rw-r--r-- ./lib/systemd/system/jobcenter.service", "-rw-r--r-- ./etc/jobcenter/jobcenter.conf",
          "-rw-r--r-- ./usr/share/doc/jobcenter/copyright", "-rw-r--r-- ./usr/share/doc/jobcenter/changelog.gz",
          "-rw-r--r-- ./usr/share/man/man1/jobcenter.1.gz"})
        EXPECT_NE(contents.find(std::string(entry) + "\n"), std::string::npos) << entry << "\n" << contents;
    EXPECT_EQ(contents.find("./usr/local"), std::string::npos) << contents;
    if (fs::exists(JOBCENTER_SOURCE_DIR "/host/web")) {
        EXPECT_NE(contents.find("drwxr-xr-x ./usr/share/jobcenter/web/\n"), std::string::npos) << contents;
    }
}

TEST_F(DebianPackage, ThePkgConfigFileNamesUsr) {
    ASSERT_FALSE(deb.empty());
    const std::string pc = data_file("/usr/lib/pkgconfig/jobcenter.pc");
    EXPECT_NE(pc.find("prefix=/usr\n"), std::string::npos) << pc;
    EXPECT_NE(pc.find("Libs: -L${libdir} -ljobcenter\n"), std::string::npos) << pc;
}

TEST_F(DebianPackage, TheUnitRunsServeAsTheJobcenterUserWithHardening) {
    ASSERT_FALSE(deb.empty());
    const std::string unit = data_file("/lib/systemd/system/jobcenter.service");
    for (const char* line : {"ExecStart=/usr/bin/jobcenter serve --config /etc/jobcenter/jobcenter.conf",
                             "User=jobcenter", "NoNewPrivileges=yes", "ProtectSystem=strict",
                             "ReadWritePaths=/var/lib/jobcenter", "PrivateTmp=yes"})
        EXPECT_NE(unit.find(std::string("\n") + line + "\n"), std::string::npos) << line;
    const std::string config = data_file("/etc/jobcenter/jobcenter.conf");
    EXPECT_NE(config.find("\nlisten = 127.0.0.1:"), std::string::npos) << config;
    EXPECT_NE(config.find("\ntokens = /etc/jobcenter/tokens\n"), std::string::npos) << config;
    EXPECT_NE(config.find("\ndatabase = /var/lib/jobcenter/"), std::string::npos) << config;
}

TEST_F(DebianPackage, TheConfigIsAConffileAndPostinstMakesTheUserAndItsFiles) {
    ASSERT_FALSE(deb.empty());
    EXPECT_EQ(control_file("conffiles"), "/etc/jobcenter/jobcenter.conf\n");
    const std::string postinst = control_file("postinst");
    EXPECT_NE(postinst.find("adduser --system"), std::string::npos) << postinst;
    EXPECT_NE(postinst.find("-o jobcenter -g jobcenter -m 0600 /dev/null /etc/jobcenter/tokens"), std::string::npos);
    EXPECT_NE(postinst.find("-o jobcenter -g jobcenter -m 0750 /var/lib/jobcenter"), std::string::npos);
    EXPECT_NE(control_file("triggers").find("activate-noawait ldconfig"), std::string::npos);
    EXPECT_NE(control_file("shlibs").find("libjobcenter 1 jobcenter"), std::string::npos);
}

TEST_F(DebianPackage, DependsOnWhatItsBinariesLinkAndOnAdduser) {
    ASSERT_FALSE(deb.empty());
    const std::string depends = field("Depends");
    for (const char* package : {"adduser", "libc6", "libstdc++6", "libsqlite3-0", "liblua5.4-0", "libboost-json1.81.0"})
        EXPECT_NE(depends.find(package), std::string::npos) << package << " in " << depends;
}

TEST_F(DebianPackage, LintianReportsNoError) {
    ASSERT_FALSE(deb.empty());
    if (shell("command -v lintian").exit_code != 0) GTEST_SKIP() << "lintian is not installed (apt-get install lintian)";
    auto report = shell("lintian --fail-on error --no-tag-display-limit " + deb.string());
    EXPECT_EQ(report.exit_code, 0) << report.out << report.err;
    EXPECT_EQ(report.out.find("\nE: "), std::string::npos) << report.out;
    EXPECT_NE(report.out.rfind("E: ", 0), 0u) << report.out;
}

}  // namespace
