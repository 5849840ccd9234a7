// Helpers shared by the tests: a temporary folder removed at the end, file writing, and running the
// jobcenter binary as a user would, capturing its exit code, stdout and stderr; a silent logger for benchmarks.
#pragma once

#include <spawn.h>

#include <filesystem>
#include <string_view>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter::testing {

// A fresh folder under the system temp directory, removed with everything in it on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// This process's environment with the "NAME=value" entries of `extra_env` replacing or adding to it.
std::vector<std::string> environment_with(const std::vector<std::string>& extra_env);

// Starts `program` with `args` (no shell) and the environment of environment_with(extra_env), its files as
// `actions` arrange them; its process id. Throws std::runtime_error when it cannot start.
pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::vector<std::string>& extra_env, const posix_spawn_file_actions_t& actions);

// Runs `program` with `args` (no shell), feeding `input` on stdin, with extra "NAME=value" entries
// added to the environment.
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input = {},
                      const std::vector<std::string>& extra_env = {});

// Runs the built jobcenter binary.
RunResult run_jobcenter(const std::vector<std::string>& args, const std::string& input = {},
                        const std::vector<std::string>& extra_env = {});

// A logger that drops every message, for benchmarks that run commands in process.
class SilentLogger final : public Logger {
public:
    void write(Level, std::string_view) override {}
};

}  // namespace jobcenter::testing
