// Estimating the worst-case steps of Lua's pattern matcher from the pattern's repetitions and anchors.
#include "lua_pattern_cost.hpp"

#include <algorithm>
#include <cstring>

namespace jobcenter::lua_pattern {
namespace {

// Index just past the set "[...]" that starts at pattern[i] (a ']' right after '[' or '[^' is literal).
std::size_t skip_set(const char* pattern, std::size_t m, std::size_t i) {
    ++i;
    if (i < m && pattern[i] == '^') ++i;
    do {
        if (i >= m) return m;
        if (pattern[i++] == '%') ++i;
    } while (i < m && pattern[i] != ']');
    return i + 1;
}

}  // namespace

double worst_case_steps(std::size_t n, const char* pattern, std::size_t m, bool plain, bool anchorable) {
    double positions = static_cast<double>(n) + 1;
    double length = static_cast<double>(std::max<std::size_t>(m, 1));
    if (plain || std::strpbrk(pattern, "^$*+?.([%-") == nullptr) return positions * length;
    std::size_t i = 0;
    double cost = positions * length;
    if (anchorable && m > 0 && pattern[0] == '^') {
        cost = length;
        i = 1;
    }
    while (i < m && cost < 1e300) {
        char c = pattern[i];
        bool escape = c == '%' && i + 1 < m;
        if (c == '(' || c == ')') {
            ++i;
            continue;
        }
        if (escape && pattern[i + 1] == 'b') {  // %bxy scans ahead for the balance
            cost *= positions;
            i += 4;
            continue;
        }
        if (escape && pattern[i + 1] == 'f') {  // %f[set] is a frontier, never repeated
            i = skip_set(pattern, m, i + 2);
            continue;
        }
        i = escape ? i + 2 : c == '[' ? skip_set(pattern, m, i) : i + 1;
        if (i < m && (pattern[i] == '*' || pattern[i] == '+' || pattern[i] == '-')) {
            cost *= positions;
            ++i;
        } else if (i < m && pattern[i] == '?') {
            cost *= 2;
            ++i;
        }
    }
    return cost;
}

}  // namespace jobcenter::lua_pattern
