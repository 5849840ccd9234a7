// The caller's role and unit as one text.
#include "pricing/payroll/recorded_by.hpp"

namespace jobcenter::pricing {

std::string recorded_by(const Context& ctx) {
    return std::string(role_name(ctx.role())) + (ctx.unit().empty() ? "" : " of " + ctx.unit());
}

}  // namespace jobcenter::pricing
