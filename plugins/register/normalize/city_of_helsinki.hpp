// The City of Helsinki and its divisions in orderer names: the City's spellings in Finnish, Swedish and
// English, and each division's spellings mapped to one canonical division.
#pragma once

#include <string_view>

#include "register/normalize/key_text.hpp"
#include "register/normalize/normalize.hpp"

namespace jobcenter::register_plugin::city_of_helsinki {

// The canonical divisions: what department_key holds.
namespace division {
constexpr std::string_view kanslia = "kaupunginkanslia";
constexpr std::string_view kasko = "kasvatuksen ja koulutuksen toimiala";
constexpr std::string_view kymp = "kaupunkiympariston toimiala";
constexpr std::string_view kuva = "kulttuurin ja vapaa ajan toimiala";
constexpr std::string_view sotepe = "sosiaali terveys ja pelastustoimiala";
constexpr std::string_view stara = "stara";
constexpr std::string_view liikenne = "liikenneliikelaitos";
constexpr std::string_view palvelukeskus = "palvelukeskus helsinki";
constexpr std::string_view talpa = "taloushallintopalveluliikelaitos";
constexpr std::string_view tyollisyys = "tyollisyyspalvelut";
}  // namespace division

// Fills the city fields of `name` (key, city_of_helsinki, department_key) when `words` name the City of
// Helsinki or one of its divisions; false, leaving `name` as it is, otherwise.
bool read_name(key_text::Words words, NormalizedName& name);

// Whether a department key is one of the canonical divisions (rather than the words of a unit or site that
// followed the City's name without a division).
bool is_division(std::string_view department_key);

// A canonical division as people write it ("Kulttuurin ja vapaa-ajan toimiala"); the key itself for another.
std::string_view division_display_name(std::string_view department_key);

}  // namespace jobcenter::register_plugin::city_of_helsinki
