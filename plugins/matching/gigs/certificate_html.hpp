// The printable work certificate: a complete standalone HTML5 document in Finnish or English, with print CSS,
// the unit's title, the client's name, a table of the work, total hours and the day it was made. Every value
// from the database is escaped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "matching/gigs/work_history.hpp"

namespace jobcenter::matching {

enum class CertificateLanguage { fi, en };

// "fi" or "en"; nullopt for anything else.
std::optional<CertificateLanguage> parse_certificate_language(std::string_view code);

// Text made safe inside HTML elements and attribute values: & < > " ' as character references.
std::string html_escape(std::string_view text);

std::string certificate_html(const WorkHistory& history, CertificateLanguage language, Day made_on);

}  // namespace jobcenter::matching
