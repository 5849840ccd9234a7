// Implementation of the shared test helpers (temporary folders, files, running the binary).
#include "support/test_support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace jobcenter::testing {

TempDir::TempDir() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate = std::filesystem::temp_directory_path() /
                         ("jobcenter-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                          std::to_string(rd() % 1000000));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("could not create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("could not write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> environment_with(const std::vector<std::string>& extra_env) {
    std::vector<std::string> environment;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        bool overridden = false;
        for (const auto& extra : extra_env) {
            auto name = extra.substr(0, extra.find('=') + 1);
            if (entry.rfind(name, 0) == 0) overridden = true;
        }
        if (!overridden) environment.push_back(entry);
    }
    environment.insert(environment.end(), extra_env.begin(), extra_env.end());
    return environment;
}

pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::vector<std::string>& extra_env, const posix_spawn_file_actions_t& actions) {
    std::vector<std::string> argv_storage{program};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_storage = environment_with(extra_env);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    if (rc != 0) throw std::runtime_error("could not start " + program + ": " + std::strerror(rc));
    return pid;
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input,
                      const std::vector<std::string>& extra_env) {
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe2(in_pipe, O_CLOEXEC) || ::pipe2(out_pipe, O_CLOEXEC) || ::pipe2(err_pipe, O_CLOEXEC))
        throw std::runtime_error("pipe failed");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    pid_t pid = 0;
    try {
        pid = spawn_program(program, args, extra_env, actions);
    } catch (...) {
        posix_spawn_file_actions_destroy(&actions);
        throw;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);

    RunResult result;
    std::size_t written = 0;
    bool in_open = true;
    if (input.empty()) {
        ::close(in_pipe[1]);
        in_open = false;
    }
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        std::vector<pollfd> fds;
        if (out_open) fds.push_back({out_pipe[0], POLLIN, 0});
        if (err_open) fds.push_back({err_pipe[0], POLLIN, 0});
        if (in_open) fds.push_back({in_pipe[1], POLLOUT, 0});
        if (::poll(fds.data(), fds.size(), -1) < 0) break;
        for (auto& p : fds) {
            if (!p.revents) continue;
            if (p.fd == in_pipe[1]) {
                ssize_t n = ::write(in_pipe[1], input.data() + written, input.size() - written);
                if (n > 0) written += static_cast<std::size_t>(n);
                if (n < 0 || written == input.size()) {
                    ::close(in_pipe[1]);
                    in_open = false;
                }
                continue;
            }
            char buffer[65536];
            ssize_t n = ::read(p.fd, buffer, sizeof buffer);
            std::string& sink = p.fd == out_pipe[0] ? result.out : result.err;
            if (n > 0) {
                sink.append(buffer, static_cast<std::size_t>(n));
            } else {
                (p.fd == out_pipe[0] ? out_open : err_open) = false;
            }
        }
    }
    if (in_open) ::close(in_pipe[1]);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

RunResult run_jobcenter(const std::vector<std::string>& args, const std::string& input,
                        const std::vector<std::string>& extra_env) {
    return run_program(JOBCENTER_BINARY, args, input, extra_env);
}

}  // namespace jobcenter::testing
