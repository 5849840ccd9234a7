// The libFuzzer entry of a fuzz program: hands each input to the one target linked into it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_target.hpp"

namespace {

jobcenter::fuzz::Entry the_target() {
    const auto& targets = jobcenter::fuzz::targets();
    if (targets.size() != 1) jobcenter::fuzz::finding("fuzz_main", "a fuzz program links exactly one target");
    return targets.begin()->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const jobcenter::fuzz::Entry entry = the_target();
    entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
