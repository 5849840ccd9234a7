// Cost coverage: whether the prices charged still cover the costs. The side costs the orderers paid on
// employment work against the employer's costs due (contributions and holiday compensation), and the service
// costs collected against the standard service costs (the figure service-costs x hours), each with a line a
// coordinator can act on.
#pragma once

#include <cstdint>
#include <string>

#include "jobcenter/money.hpp"

namespace jobcenter::pricing {

struct CoverageSums {
    Money side_costs_collected;     // side costs on employment lines
    Money employer_costs_due;       // employer contributions + holiday compensation on those wages
    std::int64_t employment_minutes = 0;
    Money service_costs_collected;  // service costs on every line
    Money service_costs_standard;   // service-costs figure x hours, per line on its day of work
    std::int64_t minutes = 0;
    CoverageSums& operator+=(const CoverageSums& o);
};

struct CostCoverage {
    CoverageSums sums;
    bool side_costs_covered = true;
    bool service_costs_covered = true;
    std::string side_costs_line;
    std::string service_costs_line;
};

CostCoverage cost_coverage(const CoverageSums& sums);

}  // namespace jobcenter::pricing
