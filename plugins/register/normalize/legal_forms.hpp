// Legal forms of organisations in names ("Oy", "Ab", "Ky", "Ltd", "GmbH", ...): found at either end of a
// name or inside it, removed from its words, and reported by family.
#pragma once

#include <string_view>
#include <vector>

#include "register/normalize/key_text.hpp"

namespace jobcenter::register_plugin::legal_forms {

// Strips legal forms at both ends ("Oy Esimerkki Ab") and the unambiguous ones inside; returns the family
// of the first one found ("oy"), or "". `storage` holds the words when some inside ones had to be removed.
std::string_view strip(key_text::Words& words, std::vector<std::string_view>& storage);

}  // namespace jobcenter::register_plugin::legal_forms
