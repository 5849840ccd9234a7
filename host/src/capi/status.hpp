// The C API's status codes: what each call outcome and each typed error becomes, and each code's name.
#pragma once

#include "jobcenter/errors.hpp"
#include "jobcenter/jobcenter.h"
#include "service/service.hpp"

namespace jobcenter::capi {

jc_status status_of(CallOutcome outcome);
jc_status status_of(const Error& error);
const char* status_name(jc_status status);

}  // namespace jobcenter::capi
