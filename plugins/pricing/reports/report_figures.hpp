// The figures of `pricing report`, as the pilot monitored them (DOMAIN.md §6.2 and C9): per group of
// unit, organisation, orderer or task type, and in total, the persons (distinct workers), hours, gigs, orders,
// orderers, net sales and pay of the payroll lines of runs not cancelled whose day of work falls in the period.
// An adjustment counts on its day of work; a gig occurrence whose hours net to zero adds nothing to the counts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jobcenter/database.hpp"
#include "jobcenter/money.hpp"

namespace jobcenter::pricing {

enum class ReportGrouping { unit, organisation, orderer, task_type };

struct ReportPeriod {
    std::string from, to;  // inclusive days of work
    std::string unit;      // only this unit's workers; empty for every unit
};

struct ReportFigures {
    std::int64_t persons = 0, minutes = 0, gigs = 0, orders = 0, orderers = 0;
    Money net_sales, pay;
};

struct ReportRow {
    std::string key;    // unit name, organisation, orderer id or task-type code
    std::string label;  // unit title or orderer name; empty for the others
    ReportFigures figures;
};

struct Report {
    std::vector<ReportRow> rows;  // by key (orderers by id)
    ReportFigures total;          // distinct over the whole period, not a sum of the rows
};

Report build_report(Database& db, ReportGrouping grouping, const ReportPeriod& period);

}  // namespace jobcenter::pricing
