// Percentiles (nearest rank) and status counts of a load run.
#include "bench/http_load/latency_report.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>

namespace jobcenter::load {

LatencySummary summarize(const std::vector<Sample>& samples, std::optional<JobKind> kind) {
    LatencySummary summary;
    std::vector<double> latencies;
    for (const auto& sample : samples) {
        if (kind && sample.kind != *kind) continue;
        ++summary.requests;
        if (sample.status == 0) {
            ++summary.unanswered;
            continue;
        }
        ++summary.by_status[sample.status];
        latencies.push_back(sample.latency_ms);
    }
    if (latencies.empty()) return summary;
    std::sort(latencies.begin(), latencies.end());
    auto rank = [&](double q) {
        const auto index = static_cast<std::size_t>(std::ceil(q * static_cast<double>(latencies.size())));
        return latencies[std::min(latencies.size() - 1, index == 0 ? 0 : index - 1)];
    };
    summary.p50 = rank(0.50);
    summary.p90 = rank(0.90);
    summary.p99 = rank(0.99);
    summary.p999 = rank(0.999);
    summary.max = latencies.back();
    return summary;
}

void print_summary(std::ostream& out, const char* label, const LatencySummary& summary) {
    out << label << ": " << summary.requests << " requests";
    for (const auto& [status, count] : summary.by_status) out << ", " << status << ": " << count;
    out << ", unanswered " << summary.unanswered << std::fixed << std::setprecision(2) << "; p50 " << summary.p50
        << " ms, p90 " << summary.p90 << " ms, p99 " << summary.p99 << " ms, p99.9 " << summary.p999 << " ms, max "
        << summary.max << " ms\n";
    out.unsetf(std::ios::fixed);
}

std::size_t failures(const LatencySummary& summary) {
    std::size_t count = summary.unanswered;
    for (const auto& [status, n] : summary.by_status)
        if (status >= 500) count += n;
    return count;
}

}  // namespace jobcenter::load
