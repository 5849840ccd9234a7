// Running the jobcenter binary for a crash trial: timed to the end, or killed with SIGKILL after a delay.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace jobcenter::testing {

struct TimedRun {
    int exit_code = -1;
    std::chrono::milliseconds wall{0};
};

enum class KillOutcome {
    killed,         // SIGKILL reached the process while it ran
    finished_first  // the process had already exited when the delay was over
};

struct KilledRun {
    KillOutcome outcome = KillOutcome::killed;
    int exit_code = -1;  // when it finished first
};

// Runs jobcenter with `args` and "NAME=value" entries added to the environment, output discarded.
TimedRun run_to_the_end(const std::vector<std::string>& args, const std::vector<std::string>& env);

// Starts the same and sends SIGKILL `delay` after the start, unless it has exited by then.
KilledRun run_and_kill(const std::vector<std::string>& args, const std::vector<std::string>& env,
                       std::chrono::microseconds delay);

}  // namespace jobcenter::testing
