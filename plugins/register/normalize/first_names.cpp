// The first-name table (see first_names.hpp): the most common given names in Finland, folded (ä -> a, ö -> o).
#include "register/normalize/first_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace jobcenter::register_plugin {
namespace {

// Sorted, for a binary search: to add a name, keep the order.
constexpr std::array<std::string_view, 151> first_names{
    "aila", "aino", "aki", "aleksi", "anita", "anja", "anna", "anne", "anneli",
    "anni", "annika", "antero", "anti", "antti", "ari", "arja", "arto", "atte",
    "eeva", "eija", "eila", "eino", "elina", "elisa", "elisabet", "emilia", "emma",
    "erik", "erkki", "esa", "hanna", "hannele", "hannu", "harri", "heidi", "heikki",
    "helena", "heli", "helmi", "henna", "henri", "henrik", "ilkka", "ilona", "irma",
    "jaakko", "jani", "janne", "jari", "jarmo", "jenni", "jere", "jesse", "joel",
    "johanna", "johannes", "joni", "jorma", "jouni", "juha", "juhani", "jukka", "julia",
    "jussi", "juuso", "jyrki", "kaarina", "kai", "kaija", "kaisa", "kalevi", "kari",
    "karoliina", "kati", "katja", "kimmo", "kirsi", "kristiina", "lasse", "laura", "leena",
    "liisa", "lotta", "maarit", "maija", "maria", "marika", "marja", "marjatta", "marjo",
    "markku", "marko", "markus", "matias", "matti", "merja", "mervi", "mika", "mikael",
    "mikko", "minna", "mirja", "niina", "niklas", "niko", "noora", "olli", "oskari",
    "outi", "paivi", "pasi", "pauliina", "pekka", "pentti", "petri", "petteri", "pia",
    "pirjo", "raija", "riikka", "riitta", "risto", "ritva", "sami", "sanna", "sari",
    "satu", "seppo", "simo", "sirpa", "sofia", "susanna", "suvi", "taina", "tapani",
    "tapio", "tarja", "teemu", "terhi", "tiina", "timo", "tomi", "tommi", "toni",
    "tuija", "tuomas", "tuula", "ulla", "veikko", "ville", "virpi",
};

static_assert(std::is_sorted(first_names.begin(), first_names.end()), "first_names must stay sorted");

}  // namespace

bool is_first_name(std::string_view folded_word) {
    return std::binary_search(first_names.begin(), first_names.end(), folded_word);
}

}  // namespace jobcenter::register_plugin
