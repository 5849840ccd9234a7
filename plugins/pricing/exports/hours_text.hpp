// Minutes of work as decimal hours for exports and reports: "1.5", "766", "-0.25" (exact to six places).
#pragma once

#include <cstdint>
#include <string>

namespace jobcenter::pricing {

std::string hours_text(std::int64_t minutes);

}  // namespace jobcenter::pricing
