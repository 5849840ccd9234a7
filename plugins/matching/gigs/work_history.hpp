// A client's work history for the CV and the certificate: every done or approved gig with its task (Finnish
// and English names), orderer, the occurrences worked, hours and the orderer's feedback.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"
#include "matching/gigs/gig_hours.hpp"
#include "matching/gigs/gig_parties.hpp"
#include "matching/model/codes.hpp"

namespace jobcenter::matching {

struct WorkEntry {
    std::int64_t gig_id = 0;
    GigStatus status = GigStatus::done;
    std::string task_type;
    std::string task_fi;
    std::string task_en;
    std::string orderer;
    std::vector<OccurrenceHours> worked;  // occurrences with hours above zero, oldest first
    std::int64_t minutes = 0;
    std::optional<std::string> feedback;
};

struct WorkHistory {
    GigClient client;
    std::string unit_title;
    std::vector<WorkEntry> entries;  // by the first day worked, then gig
    std::int64_t total_minutes = 0;
};

// The history of a client the caller may see (NotFoundError "no client 'ID'" naming `where` otherwise).
WorkHistory read_work_history(Context& ctx, const std::string& client_id, std::string_view where);

}  // namespace jobcenter::matching
