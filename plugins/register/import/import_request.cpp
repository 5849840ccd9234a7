// Reading the import's request: the file, whose register it is, and the flags that change what it writes.
#include "register/import/import_request.hpp"

#include "jobcenter/errors.hpp"
#include "jobcenter/params.hpp"

namespace jobcenter::register_plugin {

ImportRequest read_import_request(Context& ctx, const boost::json::object& params) {
    ImportRequest request;
    request.file = params::required_string(params, "file");
    request.unit_column = params::optional_string(params, "unit_column");
    request.calling_unit = ctx.unit();
    if (!request.unit_column && request.calling_unit.empty())
        throw UsageError("say whose register this is: give --unit NAME, or --unit-column COLUMN when rows carry their unit");
    if (request.unit_column) ctx.require_role(Role::coordinator);  // rows for several units: not one unit's own import
    request.dry_run = params::flag(params, "dry_run");
    request.skip_bad_rows = params::flag(params, "skip_bad_rows");
    request.link = params::flag(params, "link");
    if (request.link) ctx.require_role(Role::coordinator);  // links across every unit's records, as dedupe does
    request.phone_country = params::optional_string(params, "phone_country").value_or("358");
    request.dropped_columns = params::string_list(params, "drop_column");
    request.mask_identity_codes = params::flag(params, "mask_identity_codes");
    return request;
}

}  // namespace jobcenter::register_plugin
