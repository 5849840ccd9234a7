// A short functional run of the load client's mixed mode against `jobcenter serve` (the figures are
// benchmarks, docs/http.md#load): 50 connections mixing checks, contacts and review decisions for 5 s, every
// request answered without a 5xx and every acknowledged write found in the database afterwards.
#include <gtest/gtest.h>

#include "bench/http_load/latency_report.hpp"
#include "bench/http_load/load_jobs.hpp"
#include "bench/http_load/written_check.hpp"
#include "http/support/serve_fixture.hpp"

namespace {
using namespace jobcenter::load;

class ServeLoad : public jobcenter::testing::ServeTest {};

TEST_F(ServeLoad, FiftyClientsMixingReadsAndWritesLoseNoAcknowledgedWrite) {
    ASSERT_EQ(jc({"demo"}).exit_code, 0);
    const std::string staff = add_token("crm-pakila", "pakila", "staff");
    const std::string coordinator = add_token("coordinator", "", "coordinator");
    settings["threads"] = "4";
    start();

    const MixedTargets targets = mixed_targets(server->port(), coordinator);
    ASSERT_FALSE(targets.orderers.empty());
    ASSERT_FALSE(targets.review_items.empty());
    LoadPlan plan;
    plan.port = server->port();
    plan.rate = 100;
    plan.duration = std::chrono::seconds(5);
    plan.connections = 50;
    const std::function<Job(std::uint64_t)> jobs =
        MixedJobs(check_bodies(0, 0, 50), targets, "serve-load-test", staff, coordinator);
    const auto samples = run_open_loop(plan, jobs);

    ASSERT_EQ(samples.size(), 500u);
    const LatencySummary all = summarize(samples);
    EXPECT_EQ(all.unanswered, 0u);
    EXPECT_EQ(failures(all), 0u);
    EXPECT_EQ(all.by_status.at(200), 500u) << "every check, contact and decision succeeds";
    const WrittenCheck written = check_written(db, samples, "serve-load-test");
    EXPECT_EQ(written.acknowledged, 150u) << "2 contacts and 1 decision (or a contact) in every 10 requests";
    EXPECT_EQ(written.present, written.acknowledged);
    EXPECT_TRUE(written.missing.empty());
}

}  // namespace
