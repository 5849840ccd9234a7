// Counting requests and rendering them as Prometheus text (exposition format 0.0.4).
#include "http/http_metrics.hpp"

#include <cstdio>
#include <sstream>

namespace jobcenter::http_api {
namespace {

// A label value with backslash, double quote and newline escaped, as the format asks.
std::string label_value(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

// A number as Prometheus reads it: "0.0005", "1", "2.5", "12.345678901".
std::string number_text(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.12g", value);
    return text;
}

}  // namespace

void HttpMetrics::request_started() {
    std::lock_guard lock(mutex_);
    ++in_flight_;
}

void HttpMetrics::request_finished(std::string_view method, std::string_view route, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    --in_flight_;
    ++requests_[{std::string(method), std::string(route), status}];
    Histogram& histogram = durations_[std::string(route)];
    for (std::size_t i = 0; i < bucket_bounds.size(); ++i)
        if (seconds <= bucket_bounds[i]) {
            ++histogram.buckets[i];
            break;
        }
    ++histogram.count;
    histogram.sum += seconds;
}

std::string HttpMetrics::render() const {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP jobcenter_http_requests_total HTTP requests answered, by method, route and status.\n"
           "# TYPE jobcenter_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        const auto& [method, route, status] = key;
        out << "jobcenter_http_requests_total{method=\"" << label_value(method) << "\",route=\"" << label_value(route)
            << "\",status=\"" << status << "\"} " << count << '\n';
    }
    out << "# HELP jobcenter_http_request_duration_seconds Time from a whole request read to its reply written.\n"
           "# TYPE jobcenter_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : durations_) {
        const std::string label = "route=\"" + label_value(route) + "\"";
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < bucket_bounds.size(); ++i) {
            cumulative += histogram.buckets[i];
            out << "jobcenter_http_request_duration_seconds_bucket{" << label << ",le=\"" << number_text(bucket_bounds[i])
                << "\"} " << cumulative << '\n';
        }
        out << "jobcenter_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} " << histogram.count << '\n'
            << "jobcenter_http_request_duration_seconds_sum{" << label << "} " << number_text(histogram.sum) << '\n'
            << "jobcenter_http_request_duration_seconds_count{" << label << "} " << histogram.count << '\n';
    }
    out << "# HELP jobcenter_http_in_flight Requests read and not yet answered.\n"
           "# TYPE jobcenter_http_in_flight gauge\n"
           "jobcenter_http_in_flight " << in_flight_ << '\n';
    return out.str();
}

}  // namespace jobcenter::http_api
