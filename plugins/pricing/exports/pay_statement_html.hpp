// The printable pay statement of one worker in one run: a complete HTML document in Finnish or English with the
// worker's name and unit, the pay period, a line per day of work, wages, holiday compensation, gross pay, tax
// withheld (percent, and whether by a tax card), the employee's shares and the net paid. Every value is escaped.
#pragma once

#include <string>

#include "pricing/exports/document_language.hpp"
#include "pricing/exports/run_record.hpp"
#include "pricing/exports/work_names.hpp"

namespace jobcenter::pricing {

struct PayStatementPage {
    const RunRecord* record = nullptr;
    const PayStatement* statement = nullptr;
    std::string unit_title;
    const TaskNames* tasks = nullptr;
};

std::string pay_statement_html(const PayStatementPage& page, Language language);

}  // namespace jobcenter::pricing
