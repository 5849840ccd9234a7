// What `register import` is asked to do: its flags read from the request and checked against the
// caller's role, before any file is read.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "jobcenter/context.hpp"

namespace jobcenter::register_plugin {

struct ImportRequest {
    std::string file;
    std::optional<std::string> unit_column;
    // The caller's unit, which rows without a unit column view: the request stays in place while they live.
    std::string calling_unit;
    bool dry_run = false;
    bool skip_bad_rows = false;
    bool link = false;
    std::string phone_country;
    std::vector<std::string> dropped_columns;  // --drop-column: headers of columns not read at all
    bool mask_identity_codes = false;          // --mask-identity-codes: codes replaced instead of refused
};

// Throws UsageError when no unit is given either way, and refuses an import for several units (a unit
// column) or one that links to a caller below coordinator. --map and --id-column are read with the file.
ImportRequest read_import_request(Context& ctx, const boost::json::object& params);

}  // namespace jobcenter::register_plugin
