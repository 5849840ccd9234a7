// The C API's status codes: what each call outcome and each typed error becomes, and each code's name.
#pragma once

#include "jobcenter/errors.hpp"
#include "jobcenter/jobcenter.h"
#include "service/service.hpp"

namespace jobcenter::capi {

jc_status status_of(CallOutcome outcome);
jc_status status_of(const Error& error);
// The enumerator's name of a status number; "JC_UNKNOWN_STATUS" for any other number a C caller passes.
const char* status_name(int status);

}  // namespace jobcenter::capi
