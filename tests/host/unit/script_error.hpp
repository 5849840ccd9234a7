// The ScriptError a piece of test code throws, for tests that look at its message, place and exit code.
#pragma once

#include <gtest/gtest.h>

#include "jobcenter/errors.hpp"

namespace jobcenter {

// The ScriptError `f` throws; a test failure when it throws nothing.
template <typename F>
ScriptError script_error(F&& f) {
    try {
        f();
    } catch (const ScriptError& e) {
        return e;
    }
    ADD_FAILURE() << "expected a ScriptError";
    return ScriptError("(none thrown)");
}

}  // namespace jobcenter
