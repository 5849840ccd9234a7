// What a payroll line is: an occurrence paid for the first time (work), or the change to one paid before
// whose hours were corrected (adjustment).
#pragma once

#include <string_view>

namespace jobcenter::pricing {

enum class LineKind { work, adjustment };

inline std::string_view line_kind_name(LineKind kind) { return kind == LineKind::work ? "work" : "adjustment"; }

}  // namespace jobcenter::pricing
