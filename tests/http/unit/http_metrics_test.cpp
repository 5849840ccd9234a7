// Unit tests of the /metrics text: counters by method, route and status, the cumulative duration buckets,
// the in-flight gauge, and label values escaped.
#include <gtest/gtest.h>

#include "http/http_metrics.hpp"

namespace {
using jobcenter::http_api::HttpMetrics;

bool has_line(const std::string& text, const std::string& line) {
    return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

TEST(HttpMetrics, CountsRequestsByMethodRouteAndStatus) {
    HttpMetrics metrics;
    for (int i = 0; i < 3; ++i) {
        metrics.request_started();
        metrics.request_finished("POST", "/api/register/check", 200, 0.0007);
    }
    metrics.request_started();
    metrics.request_finished("POST", "/api/register/check", 401, 0.02);
    metrics.request_started();
    const std::string text = metrics.render();
    EXPECT_TRUE(has_line(text, "# TYPE jobcenter_http_requests_total counter")) << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_requests_total{method="POST",route="/api/register/check",status="200"} 3)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_requests_total{method="POST",route="/api/register/check",status="401"} 1)"))
        << text;
    EXPECT_TRUE(has_line(text, "# TYPE jobcenter_http_request_duration_seconds histogram")) << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="/api/register/check",le="0.0005"} 0)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="/api/register/check",le="0.001"} 3)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="/api/register/check",le="0.025"} 4)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="/api/register/check",le="+Inf"} 4)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_count{route="/api/register/check"} 4)")) << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_sum{route="/api/register/check"} 0.0221)"))
        << text;
    EXPECT_TRUE(has_line(text, "# TYPE jobcenter_http_in_flight gauge")) << text;
    EXPECT_TRUE(has_line(text, "jobcenter_http_in_flight 1")) << text;
}

TEST(HttpMetrics, EscapesLabelValues) {
    HttpMetrics metrics;
    metrics.request_started();
    metrics.request_finished("GET", "a\"b\\c\nd", 404, 20.0);
    const std::string text = metrics.render();
    EXPECT_NE(text.find(R"(route="a\"b\\c\nd",status="404"} 1)"), std::string::npos) << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="a\"b\\c\nd",le="10"} 0)")) << text;
    EXPECT_TRUE(has_line(text, R"(jobcenter_http_request_duration_seconds_bucket{route="a\"b\\c\nd",le="+Inf"} 1)")) << text;
}

}  // namespace
