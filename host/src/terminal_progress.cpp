// The terminal progress bar: throttled to ten redraws a second, cleared line on finish.
#include "terminal_progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace jobcenter {

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

TerminalProgress::~TerminalProgress() {
    if (active_) finish();
}

std::string TerminalProgress::line(std::string_view label, std::uint64_t done, std::uint64_t total, int width) {
    std::string text(label);
    if (total == 0) return text + " " + std::to_string(done);
    if (done > total) done = total;
    int filled = static_cast<int>(done * static_cast<std::uint64_t>(width) / total);
    int percent = static_cast<int>(done * 100 / total);
    text += " [" + std::string(static_cast<std::size_t>(filled), '#') +
            std::string(static_cast<std::size_t>(width - filled), ' ') + "] ";
    text += std::to_string(percent) + "% " + std::to_string(done) + "/" + std::to_string(total);
    return text;
}

void TerminalProgress::start(std::string_view label, std::uint64_t total) {
    label_ = label;
    total_ = total;
    done_ = 0;
    active_ = true;
    last_draw_ = {};
    draw();
}

void TerminalProgress::advance(std::uint64_t done_so_far) {
    done_ = done_so_far;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ >= std::chrono::milliseconds(100)) draw();
}

void TerminalProgress::finish() {
    if (!active_) return;
    active_ = false;
    if (enabled_) std::fputs("\r\033[K", stderr);
}

void TerminalProgress::draw() {
    last_draw_ = std::chrono::steady_clock::now();
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K%s", line(label_, done_, total_).c_str());
    std::fflush(stderr);
}

}  // namespace jobcenter
