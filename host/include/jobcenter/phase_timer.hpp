// Wall-clock and CPU time of a command's phases, printed to stderr as each phase ends when the
// environment has JOBCENTER_TIMING=1, so that a slow run shows where its time goes: the plugins' phases, and
// the router's commit of a bulk command. On a shared machine the CPU time (all threads of the process) is
// the steadier figure.
#pragma once

#include "jobcenter/export.hpp"

#include <string>

namespace jobcenter {

// A moment on both clocks.
struct JOBCENTER_API PhaseClock {
    double wall_ms = 0, cpu_ms = 0;
    static PhaseClock now();
};

// Time between two moments.
struct PhaseTime {
    double wall_ms = 0, cpu_ms = 0;
};
JOBCENTER_API PhaseTime since(const PhaseClock& start);

class JOBCENTER_API PhaseTimer {
public:
    // `command` prefixes every line ("dedupe: load index   1234 ms wall   1100 ms cpu"). Prints nothing
    // unless `wanted` and JOBCENTER_TIMING=1.
    explicit PhaseTimer(std::string command, bool wanted = true);
    bool enabled() const { return enabled_; }
    // Ends the phase that began at the last end() (or at construction) and prints its times.
    void end(const char* phase);
    // Prints a phase measured elsewhere (inside clustering, say) without moving the start of the next.
    void report(const char* phase, const PhaseTime& time) const;
    // Prints the whole time since construction.
    void total() const;

private:
    std::string command_;
    bool enabled_;
    PhaseClock started_, phase_started_;
};

}  // namespace jobcenter
