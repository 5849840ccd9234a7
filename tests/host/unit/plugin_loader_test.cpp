// Loader tests against real libraries built by the test build: every refusal case, and that one bad
// plugin never stops the others from loading.
#include <gtest/gtest.h>

#include "plugin_loader.hpp"
#include "support/test_support.hpp"

namespace {
namespace fs = std::filesystem;
using jobcenter::load_plugins;
using jobcenter::testing::TempDir;

fs::path fixture(const std::string& case_name) {
    return fs::path(JOBCENTER_TEST_PLUGIN_ROOT) / case_name / ("lib" + case_name + ".so");
}

// A plugin folder holding copies of the named fixtures.
void stage(const TempDir& dir, std::initializer_list<std::string> cases) {
    for (const auto& c : cases) fs::copy_file(fixture(c), dir.path() / fixture(c).filename());
}

std::string refusal_of(const jobcenter::PluginSet& set, const std::string& file) {
    for (const auto& r : set.refused)
        if (r.file.filename() == file) return r.reason;
    return "";
}

TEST(PluginLoader, LoadsTheThreeProductPlugins) {
    auto set = load_plugins(fs::path(JOBCENTER_BUILD_DIR) / "plugins");
    ASSERT_EQ(set.plugins.size(), 3u);
    EXPECT_TRUE(set.refused.empty());
    EXPECT_EQ(set.plugins[0].plugin->name(), "matching");
    EXPECT_EQ(set.plugins[1].plugin->name(), "pricing");
    EXPECT_EQ(set.plugins[2].plugin->name(), "register");
    for (const auto& p : set.plugins) EXPECT_FALSE(p.commands.empty());
}

TEST(PluginLoader, RefusesWrongAbiVersionWithReason) {
    TempDir dir;
    stage(dir, {"wrong_abi", "good"});
    auto set = load_plugins(dir.path());
    ASSERT_EQ(set.plugins.size(), 1u);
    EXPECT_EQ(set.plugins[0].plugin->name(), "good");
    auto reason = refusal_of(set, "libwrong_abi.so");
    EXPECT_NE(reason.find("built for plugin ABI 999"), std::string::npos) << reason;
    EXPECT_NE(reason.find("rebuild"), std::string::npos) << reason;
}

TEST(PluginLoader, RefusesAPluginBuiltWithAnotherCompilerOrBoost) {
    TempDir dir;
    stage(dir, {"wrong_toolchain", "good"});
    auto set = load_plugins(dir.path());
    ASSERT_EQ(set.plugins.size(), 1u);
    EXPECT_EQ(set.plugins[0].plugin->name(), "good");
    auto reason = refusal_of(set, "libwrong_toolchain.so");
    EXPECT_NE(reason.find("built with compiler 4.2.0"), std::string::npos) << reason;
    EXPECT_NE(reason.find(JOBCENTER_TOOLCHAIN), std::string::npos) << reason;
    EXPECT_NE(reason.find("rebuild the plugin with the host's compiler and Boost"), std::string::npos) << reason;
}

TEST(PluginLoader, RefusesLibraryWithoutAbiSymbolBeforeCallingFactory) {
    TempDir dir;
    stage(dir, {"no_abi"});
    auto set = load_plugins(dir.path());
    EXPECT_TRUE(set.plugins.empty());
    auto reason = refusal_of(set, "libno_abi.so");
    EXPECT_NE(reason.find("exports no jobcenter_plugin_abi"), std::string::npos) << reason;
}

TEST(PluginLoader, RefusesMissingFactory) {
    TempDir dir;
    stage(dir, {"no_factory", "good"});
    auto set = load_plugins(dir.path());
    EXPECT_EQ(set.plugins.size(), 1u);
    EXPECT_NE(refusal_of(set, "libno_factory.so").find("exports no factory"), std::string::npos);
}

TEST(PluginLoader, RefusesThrowingFactoryAndKeepsItsMessage) {
    TempDir dir;
    stage(dir, {"throwing_factory", "good"});
    auto set = load_plugins(dir.path());
    EXPECT_EQ(set.plugins.size(), 1u);
    auto reason = refusal_of(set, "libthrowing_factory.so");
    EXPECT_NE(reason.find("factory threw: cannot read my configuration"), std::string::npos) << reason;
}

TEST(PluginLoader, RefusesFactoryReturningNothing) {
    TempDir dir;
    stage(dir, {"null_factory"});
    auto set = load_plugins(dir.path());
    EXPECT_TRUE(set.plugins.empty());
    EXPECT_NE(refusal_of(set, "libnull_factory.so").find("returned no plugin"), std::string::npos);
}

TEST(PluginLoader, RefusesSecondPluginWithTheSameName) {
    TempDir dir;
    stage(dir, {"duplicate_a", "duplicate_b"});
    auto set = load_plugins(dir.path());
    ASSERT_EQ(set.plugins.size(), 1u);
    EXPECT_EQ(set.plugins[0].file.filename(), "libduplicate_a.so");  // file-name order decides
    auto reason = refusal_of(set, "libduplicate_b.so");
    EXPECT_NE(reason.find("'twin' is already taken by libduplicate_a.so"), std::string::npos) << reason;
}

TEST(PluginLoader, RefusesFileThatIsNoSharedLibrary) {
    TempDir dir;
    jobcenter::testing::write_file(dir / "notes.so", "this is a text file, not an ELF object\n");
    jobcenter::testing::write_file(dir / "empty.so", "");
    stage(dir, {"good"});
    auto set = load_plugins(dir.path());
    EXPECT_EQ(set.plugins.size(), 1u);
    EXPECT_NE(refusal_of(set, "notes.so").find("not a loadable shared library"), std::string::npos);
    EXPECT_NE(refusal_of(set, "empty.so").find("not a loadable shared library"), std::string::npos);
    for (const auto& r : set.refused) EXPECT_EQ(r.reason.find('\n'), std::string::npos) << "one line: " << r.reason;
}

TEST(PluginLoader, IgnoresFilesThatAreNotSharedLibrariesByName) {
    TempDir dir;
    jobcenter::testing::write_file(dir / "README.md", "plugins go here");
    stage(dir, {"good"});
    auto set = load_plugins(dir.path());
    EXPECT_EQ(set.plugins.size(), 1u);
    EXPECT_TRUE(set.refused.empty());
}

TEST(PluginLoader, MissingFolderIsOneRefusalNotACrash) {
    auto set = load_plugins("/nonexistent/jobcenter/plugins");
    EXPECT_TRUE(set.plugins.empty());
    ASSERT_EQ(set.refused.size(), 1u);
    EXPECT_NE(set.refused[0].reason.find("does not exist"), std::string::npos);
}

TEST(PluginLoader, AllBrokenCasesTogetherStillLoadTheGoodOne) {
    TempDir dir;
    stage(dir, {"wrong_abi", "wrong_toolchain", "no_abi", "no_factory", "throwing_factory", "null_factory", "duplicate_a", "duplicate_b", "good"});
    jobcenter::testing::write_file(dir / "garbage.so", "\x7f" "ELF garbage");
    auto set = load_plugins(dir.path());
    ASSERT_EQ(set.plugins.size(), 2u);  // duplicate_a ("twin") and good
    EXPECT_EQ(set.refused.size(), 8u);
}

TEST(PluginLoader, PluginObjectOutlivesTheLoaderAndStaysCallable) {
    std::shared_ptr<jobcenter::Plugin> kept;
    {
        TempDir dir;
        stage(dir, {"good"});
        auto set = load_plugins(dir.path());
        ASSERT_EQ(set.plugins.size(), 1u);
        kept = set.plugins[0].plugin;
    }  // the folder and the PluginSet are gone; the library must still be mapped
    EXPECT_EQ(kept->name(), "good");
    EXPECT_EQ(kept->version(), "9.9.9");
}

}  // namespace
