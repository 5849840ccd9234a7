// The requests of each load mode: `check` POSTs register.check with varied names (noisy copies of orderers in
// the register and employers not in it, as jobcenter_check_bench makes them); `mixed` interleaves checks,
// contact-add and review-decide, each write tagged so that it can be found in the database afterwards.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/http_load/open_loop.hpp"

namespace jobcenter::load {

// Check requests: with `records` > 0, noisy copies of orderers of the register generated with `records` and
// `seed` (as the database was built) and as many new employers; else `count` new employers only.
std::vector<std::string> check_bodies(std::size_t records, std::uint64_t seed, std::size_t count);

// A check of probe n % probes.
Job check_job(const std::vector<std::string>& probes, std::uint64_t n, const std::string& token);

// What the mixed mode writes to.
struct MixedTargets {
    std::vector<std::int64_t> orderers;      // contacts are logged on these, in turn
    std::vector<std::int64_t> review_items;  // each decided "not-same" once, in order; then contacts instead
};

// The review queue's open items (up to 10,000) and their orderers, asked of the server on `port` with `token`.
MixedTargets mixed_targets(unsigned short port, const std::string& token);

// Of every 10 requests: 7 checks, 2 contacts, 1 decision. Tags are "<run tag> <n>".
class MixedJobs {
public:
    MixedJobs(std::vector<std::string> probes, MixedTargets targets, std::string run_tag, std::string staff_token,
              std::string coordinator_token);
    Job operator()(std::uint64_t n);

private:
    Job contact(std::uint64_t n);
    Job decision(std::uint64_t n, std::int64_t item);

    std::vector<std::string> probes_;
    MixedTargets targets_;
    std::string run_tag_;
    std::string staff_token_;
    std::string coordinator_token_;
    std::size_t next_item_ = 0;
};

}  // namespace jobcenter::load
