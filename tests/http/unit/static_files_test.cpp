// Unit tests of the web folder's files: which request paths name a file (never one outside the folder),
// the content type of each kind of file, and what a lookup finds.
#include <gtest/gtest.h>

#include "http/static_files.hpp"
#include "support/test_support.hpp"

namespace {
using jobcenter::http_api::content_type_of;
using jobcenter::http_api::static_file_path;
using jobcenter::http_api::StaticFiles;
using jobcenter::http_api::StaticLookup;

TEST(StaticFilePath, TheRootIsIndexHtmlAndTheQueryIsDropped) {
    EXPECT_EQ(static_file_path("/").value(), "index.html");
    EXPECT_EQ(static_file_path("/?lang=fi").value(), "index.html");
    EXPECT_EQ(static_file_path("/app.js?v=3").value(), "app.js");
    EXPECT_EQ(static_file_path("/img/logo.svg").value(), "img/logo.svg");
    EXPECT_EQ(static_file_path("/a%20b.css").value(), "a b.css");
}

TEST(StaticFilePath, RefusesDotDotNulBackslashAndBrokenEscapes) {
    for (const char* target : {"/../etc/passwd", "/img/../../secret", "/%2e%2e/etc/passwd", "/%2E%2E%2Fx", "/a%00.html",
                               "/a\\b.js", "/%", "/%4", "/%zz", "//etc/passwd", "/%2fetc/passwd", "relative.html", ""})
        EXPECT_FALSE(static_file_path(target).has_value()) << target;
}

TEST(StaticFilePath, GivesEachKindOfFileItsContentType) {
    EXPECT_EQ(content_type_of("index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type_of("app.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_of("style.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_of("logo.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_of("logo.png"), "image/png");
    EXPECT_EQ(content_type_of("labels.json"), "application/json; charset=utf-8");
    EXPECT_EQ(content_type_of("notes.txt"), "application/octet-stream");
}

TEST(StaticFiles, FindsFilesInTheFolderOnly) {
    jobcenter::testing::TempDir dir;
    std::filesystem::create_directories(dir / "web" / "img");
    jobcenter::testing::write_file(dir / "web" / "index.html", "<!doctype html>");
    jobcenter::testing::write_file(dir / "web" / "img" / "logo.svg", "<svg/>");
    jobcenter::testing::write_file(dir / "secret.txt", "not served");
    const StaticFiles files(dir / "web");

    const auto index = files.find("/");
    EXPECT_EQ(index.lookup, StaticLookup::found);
    EXPECT_EQ(index.content, "<!doctype html>");
    EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(files.find("/img/logo.svg").content, "<svg/>");
    EXPECT_EQ(files.find("/img").lookup, StaticLookup::not_found) << "a folder is not a file";
    EXPECT_EQ(files.find("/missing.js").lookup, StaticLookup::not_found);
    EXPECT_EQ(files.find("/../secret.txt").lookup, StaticLookup::bad_path);
    EXPECT_EQ(StaticFiles("").find("/").lookup, StaticLookup::not_found) << "no web folder serves nothing";
}

}  // namespace
