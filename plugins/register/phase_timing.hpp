// Wall-clock time of a command's phases, printed to stderr as each phase ends when the environment has
// JOBCENTER_TIMING=1, so that a slow run shows where its time goes; otherwise it measures nothing.
#pragma once

#include <chrono>
#include <string>

namespace jobcenter::register_plugin {

class PhaseTimer {
public:
    // `command` prefixes every line ("dedupe: load index 1234 ms").
    explicit PhaseTimer(std::string command);
    bool enabled() const { return enabled_; }
    // Ends the phase that began at the last end() (or at construction) and prints its time.
    void end(const char* phase);
    // Prints a phase measured elsewhere (inside clustering, say) without moving the start of the next.
    void report(const char* phase, double ms) const;
    // Prints the whole time since construction.
    void total() const;

private:
    using Clock = std::chrono::steady_clock;
    std::string command_;
    bool enabled_;
    Clock::time_point started_, phase_started_;
};

// Milliseconds since `since`, for phases measured inside a function that cannot hold a PhaseTimer.
double ms_since(std::chrono::steady_clock::time_point since);

}  // namespace jobcenter::register_plugin
