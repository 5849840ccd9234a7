// Conversion between Boost.JSON values and Lua values on a Lua stack: a call's arguments pushed for a
// script, and what a script returns read back as data. Host-side only: nothing here runs script code.
#pragma once

#include <stdexcept>

#include <boost/json.hpp>

struct lua_State;

namespace jobcenter::lua_json {

// What a Lua value of `type` (LUA_TNIL, LUA_TTABLE, ...) is called in messages: "nothing (nil)", "a table".
const char* kind_name(int type);

// Pushes `value` onto L's stack: null is nil, an array a sequence from 1, an object a table with string
// keys. Call with the state's memory cap lifted, so that no Lua error can be raised. Throws InternalError
// when the value is nested deeper than 64 levels or the stack cannot grow.
void push(lua_State* L, const boost::json::value& value);

// Why a value a script returned cannot be data; what() is the message ("returned NaN (not a number) ...").
class DataError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads the value at `index` as data with raw access only (no metamethods, so no script code runs): a
// proper sequence 1..n becomes an array, any other table an object. Throws DataError for what JSON cannot
// hold (functions, NaN, invalid UTF-8, cycles and nesting deeper than 32 levels, over 100000 values).
boost::json::value read(lua_State* L, int index);

}  // namespace jobcenter::lua_json
