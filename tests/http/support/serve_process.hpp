// `jobcenter serve` as a child process for the tests: started with its arguments, its "listening on" line
// read from stdout for the port, stderr kept in a file, signalled and waited for.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/test_support.hpp"

namespace jobcenter::testing {

class ServeProcess {
public:
    // Starts `jobcenter args...` and waits (up to a minute) for its "listening on ADDRESS:PORT" line.
    ServeProcess(const std::vector<std::string>& args, const std::vector<std::string>& env,
                 std::filesystem::path stderr_file)
        : stderr_file_(std::move(stderr_file)) {
        int out_pipe[2];
        if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
        posix_spawn_file_actions_addopen(&actions, 2, stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        try {
            pid_ = spawn_program(JOBCENTER_BINARY, args, env, actions);
        } catch (...) {
            posix_spawn_file_actions_destroy(&actions);
            ::close(out_pipe[0]);
            ::close(out_pipe[1]);
            throw;
        }
        posix_spawn_file_actions_destroy(&actions);
        ::close(out_pipe[1]);
        stdout_fd_ = out_pipe[0];
        read_listening_line();
    }
    ~ServeProcess() {
        if (pid_ > 0 && !exited_) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
        if (stdout_fd_ >= 0) ::close(stdout_fd_);
    }
    ServeProcess(const ServeProcess&) = delete;
    ServeProcess& operator=(const ServeProcess&) = delete;

    bool listening() const { return port_ != 0; }
    unsigned short port() const { return port_; }
    const std::string& first_line() const { return first_line_; }
    std::string stderr_text() const { return read_file(stderr_file_); }
    pid_t pid() const { return pid_; }

    void signal(int number) { ::kill(pid_, number); }

    // Waits for the process to exit (up to `limit`; then kills it and returns -1); its exit code.
    int wait(std::chrono::seconds limit = std::chrono::seconds(60)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        int status = 0;
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                exited_ = true;
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    void read_listening_line() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        std::string line;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd ready{stdout_fd_, POLLIN, 0};
            if (::poll(&ready, 1, 100) <= 0) continue;
            char c = 0;
            if (::read(stdout_fd_, &c, 1) != 1) break;  // the process closed stdout: it stopped
            if (c == '\n') break;
            line += c;
        }
        first_line_ = line;
        const std::string prefix = "listening on ";
        const auto colon = line.rfind(':');
        if (line.rfind(prefix, 0) == 0 && colon != std::string::npos)
            port_ = static_cast<unsigned short>(std::stoul(line.substr(colon + 1)));
    }

    std::filesystem::path stderr_file_;
    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    bool exited_ = false;
    unsigned short port_ = 0;
    std::string first_line_;
};

}  // namespace jobcenter::testing
