// The open-loop engine of jobcenter_http_load: requests issued at a fixed rate whatever the answers, over
// N kept-alive connections, each request's latency measured from the moment it was due (so a slow server
// cannot hide its queue by slowing the client down).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace jobcenter::load {

enum class JobKind { check, contact, decision };

// One request to send: POST `target` with `body` and the bearer `token`. `tag` marks a write (its note or
// reason) so that it can be looked for in the database afterwards; "" for a read.
struct Job {
    JobKind kind = JobKind::check;
    std::string target;
    std::string body;
    std::string token;
    std::string tag;
};

struct Sample {
    JobKind kind = JobKind::check;
    unsigned status = 0;       // 0: no answer (the connection failed or the run ended first)
    double latency_ms = 0;     // from the moment it was due to the whole reply read
    std::string tag;
};

struct LoadPlan {
    unsigned short port = 0;
    double rate = 1000;                        // requests per second
    std::chrono::milliseconds duration{60000}; // how long requests are issued
    unsigned connections = 8;
    std::chrono::seconds drain{30};            // how long the answers still due are waited for afterwards
};

// Issues rate × duration jobs, job n made by make_job(n) when it is due; returns a sample per job.
std::vector<Sample> run_open_loop(const LoadPlan& plan, const std::function<Job(std::uint64_t)>& make_job);

}  // namespace jobcenter::load
