// The timing of a bulk command's commit (bulk_commit_timing.hpp).
#include "bulk_commit_timing.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace jobcenter {

BulkCommitTiming::BulkCommitTiming(bool bulk)
    : on_(false), wall_(std::chrono::steady_clock::now()), cpu_(std::clock()) {
    const char* flag = std::getenv("JOBCENTER_TIMING");
    on_ = bulk && flag && std::strcmp(flag, "1") == 0;
}

void BulkCommitTiming::end(const char* step) {
    if (!on_) return;
    const auto wall = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    const auto wall_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wall - wall_).count();
    const auto cpu_ms = static_cast<long long>((cpu - cpu_) * 1000.0 / CLOCKS_PER_SEC);
    std::fprintf(stderr, "commit: %-16s %8lld ms wall %8lld ms cpu\n", step, static_cast<long long>(wall_ms), cpu_ms);
    wall_ = wall;
    cpu_ = cpu;
}

}  // namespace jobcenter
