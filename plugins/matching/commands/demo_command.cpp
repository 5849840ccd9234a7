// The matching demo on the README's example file (docs/examples/matching-sample.json).
#include "matching/commands/demo_command.hpp"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "matching/commands/demo_sample.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

// The sample written to a private temporary file for `matching load`, removed afterwards.
class SampleFile {
public:
    SampleFile()
        : path_(std::filesystem::temp_directory_path() / ("jobcenter-demo-matching-" + std::to_string(::getpid()) + ".json")) {
        std::ofstream(path_) << demo_sample_json;
    }
    ~SampleFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    std::string path() const { return path_.string(); }

private:
    std::filesystem::path path_;
};

std::string rule_list(const json::array& findings, bool with_detail) {
    std::string out;
    for (const auto& f : findings) {
        out += (out.empty() ? "" : "; ") + std::string(f.at("rule").as_string());
        if (with_detail) out += ": " + std::string(f.at("detail").as_string());
    }
    return out;
}

// The match result as rows a person reads: candidates with score and warnings, the left-out with reasons.
json::object match_summary(const json::value& match) {
    json::array candidates, excluded;
    for (const auto& c : match.at("candidates").as_array())
        candidates.push_back(json::object{{"client", c.at("client")}, {"name", c.at("name")}, {"score", c.at("score")},
                                          {"warnings", rule_list(c.at("warnings").as_array(), false)}});
    for (const auto& e : match.at("excluded").as_array())
        excluded.push_back(json::object{{"client", e.at("client")}, {"name", e.at("name")},
                                        {"left_out_by", rule_list(e.at("rules").as_array(), true)}});
    return json::object{{"order", match.at("order")}, {"seats", match.at("seats")},
                        {"candidates", std::move(candidates)}, {"excluded", std::move(excluded)}};
}

}  // namespace

json::value demo_command(Context& ctx, const json::object&) {
    SampleFile sample;
    json::object out;
    const auto loaded = ctx.call("matching.load", json::object{{"file", sample.path()}});
    out["loaded"] = json::object{{"clients", loaded.at("clients")}, {"orders", loaded.at("orders")}};
    out["match"] = match_summary(ctx.call("matching.match", json::object{{"order", "T-100"}}));
    return out;
}

}  // namespace jobcenter::matching
