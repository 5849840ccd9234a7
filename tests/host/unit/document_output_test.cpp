// A command result made with document_result() prints as the document itself in the text format, stays a
// JSON object with --format json, and is refused as CSV; any other result renders as before.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "jobcenter/document.hpp"
#include "jobcenter/errors.hpp"
#include "output_format.hpp"

namespace jobcenter {
namespace {
namespace json = boost::json;

const std::string page = "<!DOCTYPE html>\n<html lang=\"fi\"><body>Työtodistus</body></html>\n";

TEST(DocumentOutput, TextPrintsTheDocumentAsItIs) {
    EXPECT_EQ(render(document_result("text/html", page), OutputFormat::text), page);
}

TEST(DocumentOutput, JsonKeepsTheObjectWithItsMediaType) {
    const json::value parsed = json::parse(render(document_result("text/html", page), OutputFormat::json));
    EXPECT_EQ(parsed.at("document").at("media_type").as_string(), "text/html");
    EXPECT_EQ(parsed.at("document").at("content").as_string(), page);
}

TEST(DocumentOutput, CsvIsRefused) {
    try {
        render(document_result("text/html", page), OutputFormat::csv);
        FAIL() << "a document rendered as CSV";
    } catch (const UsageError& e) {
        EXPECT_EQ(e.where(), "--format");
    }
}

TEST(DocumentOutput, AResultWithMoreThanTheDocumentRendersAsUsual) {
    json::object result = document_result("text/html", page);
    result["count"] = 1;
    EXPECT_EQ(document_content(result), nullptr);
    EXPECT_NE(render(result, OutputFormat::text).find("count: 1"), std::string::npos);
    EXPECT_EQ(document_content(json::object{{"document", "just text"}}), nullptr);
}

}  // namespace
}  // namespace jobcenter
