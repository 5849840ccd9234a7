// Unicode text folding (utf8proc): case-folded NFKC text, and accent-free matching keys split into tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jobcenter::register_plugin {

// NFKC + Unicode case folding ("ÄÄNEKOSKI" -> "äänekoski", "ﬁ" -> "fi", "Straße" -> "strasse").
// Bytes that are not valid UTF-8 become U+FFFD; this never throws on bad input.
std::string fold_case(std::string_view text);

// A matching key: fold_case, diacritics stripped ("Äänekoski" -> "aanekoski"; also ø->o, æ->ae, œ->oe,
// ł->l, đ/ð->d, þ->th), apostrophes dropped ("Morton's" -> "mortons"), every other non-letter,
// non-digit character a separator, separators collapsed to one space and trimmed.
std::string fold_key(std::string_view text);

// As fold_key, but the ASCII characters in `keep` stay as they are instead of separating words
// (the address parser keeps ".-#" to see "Aleksanterink." and "1-3"). Non-ASCII dashes count as '-'.
std::string fold_key_keeping(std::string_view text, std::string_view keep);

// The words of a folded key (split at spaces), as views into `folded`.
std::vector<std::string_view> split_tokens(std::string_view folded);
void split_tokens(std::string_view folded, std::vector<std::string_view>& out);  // reuses out's storage

bool is_ascii(std::string_view text);

namespace detail {
// The utf8proc reference paths the table-driven fast paths must agree with (exposed for the tests).
std::string fold_case_unicode(std::string_view text);
std::string fold_key_unicode(std::string_view text, std::string_view keep);
}  // namespace detail

}  // namespace jobcenter::register_plugin
