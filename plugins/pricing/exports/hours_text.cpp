// Decimal hours from whole minutes, rounded half up at the sixth place.
#include "pricing/exports/hours_text.hpp"

#include "jobcenter/money.hpp"

namespace jobcenter::pricing {

std::string hours_text(std::int64_t minutes) {
    const auto micros = divide_rounded(static_cast<Int128>(minutes) * Decimal::scale, 60, Rounding::half_up);
    return Decimal::from_micros(micros).to_string();
}

}  // namespace jobcenter::pricing
