// Building the load modes' requests.
#include "bench/http_load/load_jobs.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <stdexcept>

#include "generator/check_request.hpp"
#include "generator/register_generator.hpp"
#include "http/support/http_client.hpp"

namespace jobcenter::load {
namespace json = boost::json;

std::vector<std::string> check_bodies(std::size_t records, std::uint64_t seed, std::size_t count) {
    std::vector<std::string> bodies;
    if (records > 0) {
        testing::GeneratorOptions options;
        options.records = records;
        options.seed = seed;
        const auto generated = testing::generate_registers(options);
        const std::size_t stride = std::max<std::size_t>(1, generated.size() / count);
        for (std::size_t i = 0; i < generated.size() && bodies.size() < count; i += stride)
            if (generated[i].noise > 0) bodies.push_back(json::serialize(testing::check_request(generated[i])));
    }
    testing::GeneratorOptions fresh;
    fresh.seed = 99;
    fresh.records = std::max<std::size_t>(bodies.size(), records > 0 ? 1 : count);
    for (const auto& r : testing::generate_registers(fresh)) bodies.push_back(json::serialize(testing::check_request(r)));
    return bodies;
}

Job check_job(const std::vector<std::string>& probes, std::uint64_t n, const std::string& token) {
    return {JobKind::check, "/api/register/check", probes[n % probes.size()], token, ""};
}

MixedTargets mixed_targets(unsigned short port, const std::string& token) {
    testing::HttpConnection connection(port);
    const auto listed = connection.post("/api/register/review-list", json::object{{"limit", 10000}}, token);
    if (listed.status != 200)
        throw std::runtime_error("review-list answered " + std::to_string(listed.status) + ": " + listed.body());
    MixedTargets targets;
    std::set<std::int64_t> orderers;
    const json::value queue = listed.json();
    for (const auto& row : queue.at("rows").as_array()) {
        targets.review_items.push_back(row.at("item").as_int64());
        for (const char* side : {"orderer_a", "orderer_b"})
            if (const auto* id = row.as_object().if_contains(side); id && id->is_int64()) orderers.insert(id->as_int64());
    }
    targets.orderers.assign(orderers.begin(), orderers.end());
    return targets;
}

MixedJobs::MixedJobs(std::vector<std::string> probes, MixedTargets targets, std::string run_tag, std::string staff_token,
                     std::string coordinator_token)
    : probes_(std::move(probes)),
      targets_(std::move(targets)),
      run_tag_(std::move(run_tag)),
      staff_token_(std::move(staff_token)),
      coordinator_token_(std::move(coordinator_token)) {}

Job MixedJobs::operator()(std::uint64_t n) {
    const auto slot = n % 10;
    if (slot < 7 || targets_.orderers.empty()) return check_job(probes_, n, staff_token_);
    if (slot == 9 && next_item_ < targets_.review_items.size()) return decision(n, targets_.review_items[next_item_++]);
    return contact(n);
}

Job MixedJobs::contact(std::uint64_t n) {
    const std::string tag = run_tag_ + " " + std::to_string(n);
    const json::object body{{"orderer", targets_.orderers[n % targets_.orderers.size()]},
                            {"staff", "Load Client"},
                            {"outcome", "waiting"},
                            {"note", tag}};
    return {JobKind::contact, "/api/register/contact-add", json::serialize(body), staff_token_, tag};
}

Job MixedJobs::decision(std::uint64_t n, std::int64_t item) {
    const std::string tag = run_tag_ + " " + std::to_string(n);
    const json::object body{{"item", item}, {"verdict", "not-same"}, {"by", "Load Client"}, {"reason", tag}};
    return {JobKind::decision, "/api/register/review-decide", json::serialize(body), coordinator_token_, tag};
}

}  // namespace jobcenter::load
