// --drop-column: the columns of an imported file that are not read at all, taken out of its header and
// every row before anything looks at them (also a column whose header looks like identity codes).
#pragma once

#include <string>
#include <vector>

#include "register/import/csv_reader.hpp"

namespace jobcenter::register_plugin {

// Removes every column whose header is one of `names` (exactly, else compared loosely as headers are) from
// the table. Throws UsageError naming --drop-column when a name is no header of the file `source`.
void drop_columns(CsvTable& table, const std::vector<std::string>& names, const std::string& source);

}  // namespace jobcenter::register_plugin
