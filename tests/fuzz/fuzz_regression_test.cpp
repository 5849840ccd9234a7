// The everyday side of fuzzing: every input in tests/fuzz/regressions/<target>/ (each once found a crash)
// and every seed in tests/fuzz/<target>/ goes through the same target as the fuzzer ran, in this build
// and in the sanitizer build. A finding aborts the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_target.hpp"

namespace jobcenter::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> target_names() {
    std::vector<std::string> names;
    for (const auto& [name, entry] : targets()) names.push_back(name);
    return names;
}

// The files of `folder`, in name order; none when it does not exist.
std::vector<fs::path> inputs_in(const fs::path& folder) {
    std::vector<fs::path> files;
    if (fs::is_directory(folder))
        for (const auto& file : fs::directory_iterator(folder))
            if (file.is_regular_file()) files.push_back(file.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

class FuzzInputs : public ::testing::TestWithParam<std::string> {};

TEST_P(FuzzInputs, RegressionsAndSeedsRunClean) {
    const fs::path root = JOBCENTER_FUZZ_DIR;
    const Entry entry = targets().at(GetParam());
    std::size_t seeds = 0;
    for (const fs::path& folder : {root / "regressions" / GetParam(), root / GetParam()}) {
        for (const fs::path& file : inputs_in(folder)) {
            SCOPED_TRACE(file.string());
            entry(bytes_of(file));
        }
        seeds = inputs_in(folder).size();
    }
    EXPECT_GT(seeds, 0u) << "tests/fuzz/" << GetParam() << "/ holds no seed inputs";
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzInputs, ::testing::ValuesIn(target_names()),
                         [](const ::testing::TestParamInfo<std::string>& target) { return target.param; });

}  // namespace
}  // namespace jobcenter::fuzz
