// The language of a printed document (Finnish by default, or English) and how each writes dates, amounts and
// decimal figures: "15.1.2026", "1 234,50 €", "25,5" in Finnish; "15 January 2026", "€1,234.50", "25.5" in English.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jobcenter/money.hpp"

namespace jobcenter::pricing {

enum class Language { fi, en };

// "fi" or "en"; nullopt for anything else.
std::optional<Language> language_named(std::string_view code);
std::string_view language_code(Language language);

// An ISO date "YYYY-MM-DD" as the language writes it.
std::string date_in(std::string_view iso_date, Language language);
std::string money_in(Money amount, Language language);
// A decimal figure as stored ("25.5", "1.5") with the language's decimal mark.
std::string decimal_in(std::string_view text, Language language);

}  // namespace jobcenter::pricing
