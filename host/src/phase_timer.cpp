// Phase timing of commands (see jobcenter/phase_timer.hpp).
#include "jobcenter/phase_timer.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace jobcenter {

PhaseClock PhaseClock::now() {
    PhaseClock c;
    c.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    c.cpu_ms = double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6;
    return c;
}

PhaseTime since(const PhaseClock& start) {
    const PhaseClock now = PhaseClock::now();
    return {now.wall_ms - start.wall_ms, now.cpu_ms - start.cpu_ms};
}

PhaseTimer::PhaseTimer(std::string command, bool wanted) : command_(std::move(command)) {
    const char* flag = std::getenv("JOBCENTER_TIMING");
    enabled_ = wanted && flag && std::strcmp(flag, "1") == 0;
    if (enabled_) started_ = phase_started_ = PhaseClock::now();
}

void PhaseTimer::end(const char* phase) {
    if (!enabled_) return;
    report(phase, since(phase_started_));
    phase_started_ = PhaseClock::now();
}

void PhaseTimer::report(const char* phase, const PhaseTime& time) const {
    if (enabled_)
        std::fprintf(stderr, "%s: %-16s %8.0f ms wall %8.0f ms cpu\n", command_.c_str(), phase, time.wall_ms, time.cpu_ms);
}

void PhaseTimer::total() const {
    if (enabled_) report("total", since(started_));
}

}  // namespace jobcenter
