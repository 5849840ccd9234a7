// The entry-time check's request for a generated record: its name and every field it has, as a CRM would send
// them (the probes of jobcenter_check_bench and jobcenter_http_load).
#pragma once

#include <boost/json.hpp>

#include "generator/register_generator.hpp"

namespace jobcenter::testing {

inline boost::json::object check_request(const GeneratedRecord& r) {
    boost::json::object o{{"name", r.name}};
    auto put = [&o](const char* key, const std::string& value) {
        if (!value.empty()) o[key] = value;
    };
    put("business_id", r.business_id);
    put("phone", r.phone);
    put("email", r.email);
    put("street", r.street);
    put("postcode", r.postcode);
    put("city", r.city);
    return o;
}

}  // namespace jobcenter::testing
