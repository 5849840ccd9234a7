// Reading and checking a period's two days.
#include "pricing/payroll/period_flags.hpp"

#include "jobcenter/errors.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter::pricing {
namespace {

std::string required_date(const boost::json::object& request, std::string_view field, std::string_view which) {
    auto date = params::optional_date(request, field);
    if (!date) throw UsageError("give the " + std::string(which) + " day of the period", "--" + std::string(field));
    return *date;
}

}  // namespace

Period period_of(const boost::json::object& request) {
    Period p{required_date(request, "from", "first"), required_date(request, "to", "last")};
    if (p.to < p.from) throw InputError("the period ends (" + p.to + ") before it starts (" + p.from + ")", "--to");
    return p;
}

}  // namespace jobcenter::pricing
