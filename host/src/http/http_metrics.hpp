// The counters behind GET /metrics: requests by method, route and status, their durations by route in fixed
// buckets, and the requests being answered now, rendered in the Prometheus text format 0.0.4.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace jobcenter::http_api {

class HttpMetrics {
public:
    // The upper bounds of the duration histogram's buckets, in seconds (then +Inf).
    static constexpr std::array<double, 14> bucket_bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                          0.1,    0.25,  0.5,    1.0,   2.5,   5.0,  10.0};

    void request_started();
    // `route` is a bounded label (see RequestHandler::route_of): never a raw path.
    void request_finished(std::string_view method, std::string_view route, unsigned status, double seconds);

    // The whole text of /metrics.
    std::string render() const;

private:
    struct Histogram {
        std::array<std::uint64_t, bucket_bounds.size()> buckets{};  // not cumulative; summed when rendered
        std::uint64_t count = 0;
        double sum = 0;
    };

    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t> requests_;
    std::map<std::string, Histogram> durations_;
    std::int64_t in_flight_ = 0;
};

}  // namespace jobcenter::http_api
