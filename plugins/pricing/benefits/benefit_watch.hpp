// The benefit watch of `pricing benefits`: a client's earnings report from the matching plugin (`matching
// earnings`), told for the coordinator: each live gig refused or past a limit, and flags for what needs acting
// on (DOMAIN.md 5.8, §9 P1-P4; RATES.md A4-A5).
#pragma once

#include <boost/json.hpp>

namespace jobcenter::pricing {

// The watch built from `matching.earnings`'s answer.
boost::json::object benefit_watch(const boost::json::object& earnings);

}  // namespace jobcenter::pricing
