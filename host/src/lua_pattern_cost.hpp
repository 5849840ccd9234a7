// The worst-case cost of a Lua string pattern: how many steps Lua's backtracking matcher could take on a
// subject of a given length, so the sandbox can refuse a pattern its count hook could not stop.
#pragma once

#include <cstddef>

namespace jobcenter::lua_pattern {

// Rough worst case of Lua's backtracking matcher for `pattern` (m bytes) over a subject of n bytes: every
// '*', '+', '-' or %b may try each position of the rest (a factor n), every '?' doubles the tries, each
// start position counts unless anchored, and each step costs about the pattern's length. `plain` is
// string.find's plain flag; `anchorable` is false for gmatch, where '^' is an ordinary character.
double worst_case_steps(std::size_t n, const char* pattern, std::size_t m, bool plain, bool anchorable);

}  // namespace jobcenter::lua_pattern
