// Phase timing of the register's commands (see phase_timing.hpp).
#include "phase_timing.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace jobcenter::register_plugin {

double ms_since(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

PhaseTimer::PhaseTimer(std::string command)
    : command_(std::move(command)), started_(Clock::now()), phase_started_(started_) {
    const char* flag = std::getenv("JOBCENTER_TIMING");
    enabled_ = flag && std::strcmp(flag, "1") == 0;
}

void PhaseTimer::end(const char* phase) {
    if (!enabled_) return;
    report(phase, ms_since(phase_started_));
    phase_started_ = Clock::now();
}

void PhaseTimer::report(const char* phase, double ms) const {
    if (enabled_) std::fprintf(stderr, "%s: %-16s %8.0f ms\n", command_.c_str(), phase, ms);
}

void PhaseTimer::total() const { report("total", ms_since(started_)); }

}  // namespace jobcenter::register_plugin
