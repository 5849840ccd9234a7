// The gigs that hold clients' time (every status but cancelled and declined), with their orders'
// occurrences, and the occurrences payroll has paid: what the time-clash, weekly-hours, earnings and fairness
// rules count.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "matching/model/gig.hpp"

namespace jobcenter::matching {

struct ClientGigs {
    std::vector<GigTime> live;  // in gig id order
    int completed = 0;          // gigs done or approved
    std::vector<PaidOccurrence> paid;  // recorded payroll lines, by gig and day
};

// Per client id, for the clients of `unit` (all clients when empty).
std::map<std::string, ClientGigs> read_client_gigs(Database& db, const std::string& unit);
// One client's.
ClientGigs read_gigs_of_client(Database& db, const std::string& client_id);

}  // namespace jobcenter::matching
