// Rendering of results as text tables, pretty JSON and RFC 4180 CSV.
#include <gtest/gtest.h>

#include "output_format.hpp"
#include "terminal_progress.hpp"

namespace {
using namespace jobcenter;
namespace json = boost::json;

TEST(OutputFormat, TextAlignsTablesByCodePoints) {
    json::value v = json::object{{"count", 2},
                                 {"rows", json::array{json::object{{"name", "Äänekoski"}, {"id", 1}},
                                                      json::object{{"name", "Oy"}, {"id", 22}}}}};
    auto text = render(v, OutputFormat::text);
    EXPECT_EQ(text,
              "count: 2\n"
              "rows:\n"
              "  name       id\n"
              "  ---------  --\n"
              "  Äänekoski  1\n"
              "  Oy         22\n");
}

TEST(OutputFormat, CsvQuotesAndUsesEveryColumn) {
    json::value v = json::object{{"rows", json::array{json::object{{"a", "x,y"}}, json::object{{"b", "say \"hi\"\nbye"}}}}};
    EXPECT_EQ(render(v, OutputFormat::csv), "a,b\r\n\"x,y\",\r\n,\"say \"\"hi\"\"\nbye\"\r\n");
}

TEST(OutputFormat, CsvOfPlainObjectIsOneRow) {
    json::value v = json::object{{"net", "14.50"}, {"vat", "3.48"}};
    EXPECT_EQ(render(v, OutputFormat::csv), "net,vat\r\n14.50,3.48\r\n");
}

TEST(OutputFormat, JsonIsPrettyAndKeepsOrder) {
    json::value v = json::object{{"z", 1}, {"a", json::array{1, 2}}, {"e", json::object{}}};
    EXPECT_EQ(pretty_json(v), "{\n  \"z\": 1,\n  \"a\": [\n    1,\n    2\n  ],\n  \"e\": {}\n}\n");
}

TEST(OutputFormat, UnknownFormatIsUsageError) { EXPECT_THROW(parse_output_format("xml"), UsageError); }

TEST(Progress, LineShowsBarPercentAndCounts) {
    EXPECT_EQ(TerminalProgress::line("import", 50, 200, 10), "import [##        ] 25% 50/200");
    EXPECT_EQ(TerminalProgress::line("scan", 7, 0), "scan 7");
    EXPECT_EQ(TerminalProgress::line("x", 300, 200, 4), "x [####] 100% 200/200");
}

}  // namespace
