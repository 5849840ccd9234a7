// Boost.JSON values to Lua values and back, with the limits that keep a script's result usable as data.
#include "lua_json.hpp"

extern "C" {
#include <lua.h>
}

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "jobcenter/errors.hpp"
#include "utf8_text.hpp"

namespace jobcenter::lua_json {
namespace json = boost::json;
namespace {

constexpr int max_data_depth = 32;
constexpr std::size_t max_data_elements = 100'000;
constexpr int max_arg_depth = 64;

void push_value(lua_State* L, const json::value& value, int depth) {
    if (depth > max_arg_depth) throw InternalError("script arguments are nested deeper than 64 levels");
    if (!lua_checkstack(L, 4)) throw InternalError("the Lua stack cannot hold the script arguments");
    switch (value.kind()) {
        case json::kind::null: lua_pushnil(L); break;
        case json::kind::bool_: lua_pushboolean(L, value.get_bool() ? 1 : 0); break;
        case json::kind::int64: lua_pushinteger(L, value.get_int64()); break;
        case json::kind::uint64: {
            std::uint64_t u = value.get_uint64();
            if (u <= static_cast<std::uint64_t>(std::numeric_limits<lua_Integer>::max()))
                lua_pushinteger(L, static_cast<lua_Integer>(u));
            else
                lua_pushnumber(L, static_cast<lua_Number>(u));
            break;
        }
        case json::kind::double_: lua_pushnumber(L, value.get_double()); break;
        case json::kind::string: lua_pushlstring(L, value.get_string().data(), value.get_string().size()); break;
        case json::kind::array: {
            const auto& array = value.get_array();
            lua_createtable(L, static_cast<int>(std::min<std::size_t>(array.size(), INT32_MAX)), 0);
            lua_Integer i = 0;
            for (const auto& element : array) {
                push_value(L, element, depth + 1);
                lua_rawseti(L, -2, ++i);
            }
            break;
        }
        case json::kind::object: {
            const auto& object = value.get_object();
            lua_createtable(L, 0, static_cast<int>(std::min<std::size_t>(object.size(), INT32_MAX)));
            for (const auto& field : object) {
                lua_pushlstring(L, field.key().data(), field.key().size());
                push_value(L, field.value(), depth + 1);
                lua_rawset(L, -3);
            }
            break;
        }
    }
}

[[noreturn]] void refuse(const std::string& message) { throw DataError(message); }

json::value read_value(lua_State* L, int index, int depth, std::size_t& elements) {
    index = lua_absindex(L, index);
    if (++elements > max_data_elements) refuse("returned more than " + std::to_string(max_data_elements) + " values");
    switch (lua_type(L, index)) {
        case LUA_TNIL: return nullptr;
        case LUA_TBOOLEAN: return lua_toboolean(L, index) != 0;
        case LUA_TNUMBER: {
            if (lua_isinteger(L, index)) return static_cast<std::int64_t>(lua_tointeger(L, index));
            double number = lua_tonumber(L, index);
            if (std::isnan(number)) refuse("returned NaN (not a number), e.g. from 0/0");
            if (std::isinf(number)) refuse(std::string("returned ") + (number < 0 ? "-" : "") + "infinity");
            return number;
        }
        case LUA_TSTRING: {
            std::size_t length = 0;
            const char* text = lua_tolstring(L, index, &length);
            std::string_view view(text, length);
            if (!utf8_text::is_valid(view)) refuse("returned a string that is not valid UTF-8");
            return json::string(view);
        }
        case LUA_TTABLE: break;
        default: refuse(std::string("returned ") + kind_name(lua_type(L, index)) + " where data was expected");
    }
    if (depth >= max_data_depth)
        refuse("returned tables nested deeper than " + std::to_string(max_data_depth) +
               " levels (does a table contain itself?)");
    if (!lua_checkstack(L, 4)) refuse("the Lua stack is full");

    // A proper sequence 1..n becomes an array; anything else an object.
    lua_Integer count = 0;
    lua_Integer highest = 0;
    bool sequence = true;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        ++count;
        if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1)
            highest = std::max(highest, lua_tointeger(L, -2));
        else
            sequence = false;
        lua_pop(L, 1);
    }
    if (sequence && count > 0 && highest == count) {
        json::array array;
        array.reserve(static_cast<std::size_t>(count));
        for (lua_Integer i = 1; i <= count; ++i) {
            lua_rawgeti(L, index, i);
            array.push_back(read_value(L, -1, depth + 1, elements));
            lua_pop(L, 1);
        }
        return array;
    }
    json::object object;
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        std::string key;
        if (lua_type(L, -2) == LUA_TSTRING) {
            std::size_t length = 0;
            const char* text = lua_tolstring(L, -2, &length);
            key.assign(text, length);
            if (!utf8_text::is_valid(key)) refuse("returned a table key that is not valid UTF-8");
        } else if (lua_isinteger(L, -2)) {
            key = std::to_string(lua_tointeger(L, -2));
        } else {
            refuse(std::string("returned a table with ") + kind_name(lua_type(L, -2)) +
                   " as a key; only string and integer keys can be data");
        }
        if (object.contains(key)) refuse("returned a table with both " + key + " and \"" + key + "\" as keys");
        object.emplace(key, read_value(L, -1, depth + 1, elements));
        lua_pop(L, 1);
    }
    return object;
}

}  // namespace

const char* kind_name(int type) {
    switch (type) {
        case LUA_TNIL: return "nothing (nil)";
        case LUA_TBOOLEAN: return "a boolean";
        case LUA_TNUMBER: return "a number";
        case LUA_TSTRING: return "a string";
        case LUA_TTABLE: return "a table";
        case LUA_TFUNCTION: return "a function";
        case LUA_TTHREAD: return "a thread";
        default: return "a userdata";
    }
}

void push(lua_State* L, const json::value& value) { push_value(L, value, 0); }

json::value read(lua_State* L, int index) {
    std::size_t elements = 0;
    return read_value(L, index, 0, elements);
}

}  // namespace jobcenter::lua_json
