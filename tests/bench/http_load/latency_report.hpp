// What a load run gives: answers by status, unanswered requests, and latency percentiles from every request.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

#include "bench/http_load/open_loop.hpp"

namespace jobcenter::load {

struct LatencySummary {
    std::size_t requests = 0;
    std::size_t unanswered = 0;
    std::map<unsigned, std::size_t> by_status;
    double p50 = 0, p90 = 0, p99 = 0, p999 = 0, max = 0;  // milliseconds, over the answered requests
};

// The summary of the samples of one kind (all kinds when `kind` is empty).
LatencySummary summarize(const std::vector<Sample>& samples, std::optional<JobKind> kind = std::nullopt);

// "check: 120000 requests, 200: 120000, unanswered 0, p50 0.61 ms p90 ... max ..." on one line.
void print_summary(std::ostream& out, const char* label, const LatencySummary& summary);

// Requests answered 5xx or not at all.
std::size_t failures(const LatencySummary& summary);

}  // namespace jobcenter::load
