// Text made safe inside HTML and XML elements and attribute values, and the frame of a printable HTML document:
// complete, with print CSS, no external resources.
#pragma once

#include <string>
#include <string_view>

#include "pricing/exports/document_language.hpp"

namespace jobcenter::pricing {

// & < > " ' as character references.
std::string escape_markup(std::string_view text);

// A row of a two-column table of facts: the label (markup) and the value (escaped here).
std::string fact_row(std::string_view label, std::string_view value);

// <!DOCTYPE html> ... with `title` (escaped here) and `body` (markup, as given).
std::string html_page(Language language, std::string_view title, std::string_view body);

}  // namespace jobcenter::pricing
