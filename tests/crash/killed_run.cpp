// Starting jobcenter as a child process with its output discarded, and killing it at a given moment.
#include "crash/killed_run.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

#include "support/test_support.hpp"

namespace jobcenter::testing {
namespace {

pid_t start(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);

    std::vector<std::string> argv_storage{JOBCENTER_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_storage = environment_with(env);
    std::vector<char*> envp;
    for (auto& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("could not start " + argv_storage[0]);
    return pid;
}

int exit_code_of(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

}  // namespace

TimedRun run_to_the_end(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    auto begin = std::chrono::steady_clock::now();
    pid_t pid = start(args, env);
    int status = 0;
    ::waitpid(pid, &status, 0);
    auto wall = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin);
    return {exit_code_of(status), wall};
}

KilledRun run_and_kill(const std::vector<std::string>& args, const std::vector<std::string>& env,
                       std::chrono::microseconds delay) {
    pid_t pid = start(args, env);
    std::this_thread::sleep_for(delay);
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return {KillOutcome::finished_first, exit_code_of(status)};
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    // It may have exited between the check and the signal: then the signal found no process.
    if (WIFEXITED(status)) return {KillOutcome::finished_first, WEXITSTATUS(status)};
    return {KillOutcome::killed, -1};
}

}  // namespace jobcenter::testing
