// Symbol visibility of the SDK: everything a plugin uses is exported from libjobcenter-sdk, and the
// polymorphic types keep one identity across the host and every plugin (typeinfo for catch and casts).
#pragma once

#define JOBCENTER_API __attribute__((visibility("default")))
