// Common Finnish and Finland-Swedish first names, folded as name keys hold words: what tells a name that is a
// person's ("Nieminen Merja", "Tmi Merja Nieminen") from a firm's.
#pragma once

#include <string_view>

namespace jobcenter::register_plugin {

bool is_first_name(std::string_view folded_word);

}  // namespace jobcenter::register_plugin
