// Progress of long commands: a bar redrawn on stderr when stderr is a terminal, nothing otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "jobcenter/context.hpp"

namespace jobcenter {

class TerminalProgress final : public Progress {
public:
    // Draws only when `enabled` (the caller passes isatty(2) && !--quiet).
    explicit TerminalProgress(bool enabled) : enabled_(enabled) {}
    ~TerminalProgress() override;
    void start(std::string_view label, std::uint64_t total) override;
    void advance(std::uint64_t done_so_far) override;
    void finish() override;

    // The line drawn for `done` of `total` (total 0: a count without a bar). Exposed for tests.
    static std::string line(std::string_view label, std::uint64_t done, std::uint64_t total, int width = 30);

private:
    void draw();
    bool enabled_;
    bool active_ = false;
    std::string label_;
    std::uint64_t total_ = 0;
    std::uint64_t done_ = 0;
    std::chrono::steady_clock::time_point last_draw_{};
};

// True when the process's stderr is a terminal.
bool stderr_is_terminal();

}  // namespace jobcenter
