// What a fuzz target is: a name and a function that takes one input and aborts only on a finding. Each
// <name>_fuzz.cpp defines one with JOBCENTER_FUZZ_TARGET; its libFuzzer program (fuzz_main.cpp) and the
// everyday regression test (fuzz_regression_test.cpp) both find it in this registry.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace jobcenter::fuzz {

using Entry = void (*)(std::string_view input);

// Adds `entry` under `name` (during static initialisation); returns true.
bool register_target(const char* name, Entry entry);

// The targets linked into this program, by name.
const std::map<std::string, Entry, std::less<>>& targets();

// An input made the code under test misbehave in a way no user error explains: says what, then aborts,
// so libFuzzer keeps the input as a crash and the regression test fails.
[[noreturn]] void finding(std::string_view target, std::string_view what);

// A folder of this process's own under the system temp folder, removed at exit.
const std::filesystem::path& scratch_folder();

}  // namespace jobcenter::fuzz

// JOBCENTER_FUZZ_TARGET(csv_reader) { ... use `input` ... } defines and registers the target.
#define JOBCENTER_FUZZ_TARGET(name)                                                                             \
    static void name##_fuzz_entry(std::string_view input);                                                      \
    [[maybe_unused]] static const bool name##_fuzz_registered =                                                 \
        ::jobcenter::fuzz::register_target(#name, &name##_fuzz_entry);                                          \
    static void name##_fuzz_entry(std::string_view input)
