// The matching demo on the README's example file (docs/examples/matching-sample.json).
#include "matching/commands/demo_command.hpp"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "matching/commands/demo_sample.hpp"
#include "matching/gigs/gig_steps.hpp"

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

// The assignment's rows and the quality of the solution, as a person reads them.
json::object assign_summary(const json::value& assign) {
    const auto& q = assign.at("quality");
    return json::object{{"period", std::string(assign.at("from").as_string()) + ".." + std::string(assign.at("to").as_string())},
                        {"assignments", assign.at("assignments")},
                        {"unfilled", assign.at("unfilled")},
                        {"status", q.at("status")},
                        {"total_score", q.at("total_score")},
                        {"score_upper_bound", q.at("score_upper_bound")}};
}

// The first proposed gig of `order` walked to approved, with the orderer's feedback.
json::object walk_gig(Context& ctx, const json::value& assign, const std::string& order) {
    for (const auto& a : assign.at("assignments").as_array()) {
        if (a.at("order").as_string() != order) continue;
        const std::int64_t gig = a.at("gig").as_int64();
        confirm_gig(ctx, gig);
        accept_gig(ctx, gig);
        record_gig_done(ctx, gig, {});
        approve_gig(ctx, gig);
        record_gig_feedback(ctx, gig, "Huolellista työtä, tervetuloa uudelleen.");
        const auto shown = ctx.call("matching.gig-show", json::object{{"gig", gig}});
        json::array steps;
        for (const auto& e : shown.at("events").as_array())  // feedback is a step that keeps the status
            steps.push_back(e.at("from") == e.at("to") ? json::value("feedback") : e.at("to"));
        return json::object{{"gig", gig}, {"client", a.at("client")}, {"steps", std::move(steps)},
                            {"status", shown.at("status")}};
    }
    return json::object{{"order", order}, {"gig", nullptr}};
}

}  // namespace

json::value demo_command(Context& ctx, const json::object&) {
    SampleFile sample;
    json::object out;
    const auto loaded = ctx.call("matching.load", json::object{{"file", sample.path()}});
    out["loaded"] = json::object{{"clients", loaded.at("clients")}, {"orders", loaded.at("orders")}};
    out["match"] = match_summary(ctx.call("matching.match", json::object{{"order", "T-100"}}));
    const auto assign = ctx.call("matching.assign", json::object{{"from", "2026-01-05"}, {"to", "2026-01-11"}});
    out["assign"] = assign_summary(assign);
    out["gig"] = walk_gig(ctx, assign, "T-100");
    if (const auto* client = out["gig"].as_object().if_contains("client"))  // none when a run before took the seat
        out["cv"] = ctx.call("matching.cv", json::object{{"client", *client}});
    return out;
}

}  // namespace jobcenter::matching
