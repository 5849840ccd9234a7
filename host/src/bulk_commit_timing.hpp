// With JOBCENTER_TIMING=1, how long a bulk command's end takes, on stderr: the foreign-key check, the commit
// and the WAL checkpoint, which a plugin's own phase timing ends before.
#pragma once

#include <chrono>
#include <ctime>

namespace jobcenter {

class BulkCommitTiming {
public:
    // Times nothing unless `bulk` and the environment has JOBCENTER_TIMING=1.
    explicit BulkCommitTiming(bool bulk);
    // Prints "commit: STEP   N ms wall   M ms cpu" for the time since the last step.
    void end(const char* step);

private:
    bool on_;
    std::chrono::steady_clock::time_point wall_;
    std::clock_t cpu_;
};

}  // namespace jobcenter
