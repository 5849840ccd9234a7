// Whether two words are one keyboard slip apart: the likeness that street names, name words and site names
// all allow.
#pragma once

#include <cstddef>
#include <string_view>

namespace jobcenter::register_plugin {

// True when a and b are at most one insertion, deletion, substitution or adjacent swap apart.
inline bool within_one_edit(std::string_view a, std::string_view b) {
    std::size_t la = a.size(), lb = b.size();
    if (la > lb) return within_one_edit(b, a);
    if (lb - la > 1) return false;
    std::size_t i = 0;
    while (i < la && a[i] == b[i]) ++i;
    if (i == la) return true;
    if (la == lb) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);  // swap
    }
    return a.substr(i) == b.substr(i + 1);  // one extra letter in b
}

}  // namespace jobcenter::register_plugin
