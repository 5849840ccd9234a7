// The registry of fuzz targets, how a finding is reported, and the scratch folder targets write in.
#include "fuzz_target.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <system_error>

namespace jobcenter::fuzz {
namespace {

std::map<std::string, Entry, std::less<>>& registry() {
    static std::map<std::string, Entry, std::less<>> targets;
    return targets;
}

// Creates the folder on first use; removes it with everything in it when the process exits normally.
class ScratchFolder {
public:
    ScratchFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "jobcenter-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) finding("scratch folder", "cannot create a folder under the temp folder");
        path_ = pattern;
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace

bool register_target(const char* name, Entry entry) {
    registry().emplace(name, entry);
    return true;
}

const std::map<std::string, Entry, std::less<>>& targets() { return registry(); }

void finding(std::string_view target, std::string_view what) {
    std::fprintf(stderr, "fuzz finding in %.*s: %.*s\n", static_cast<int>(target.size()), target.data(),
                 static_cast<int>(what.size()), what.data());
    std::abort();
}

const std::filesystem::path& scratch_folder() {
    static const ScratchFolder folder;
    return folder.path();
}

}  // namespace jobcenter::fuzz
