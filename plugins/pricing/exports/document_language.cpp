// Dates, amounts and decimals in Finnish and English.
#include "pricing/exports/document_language.hpp"

#include <array>
#include <cstdlib>

namespace jobcenter::pricing {
namespace {

constexpr std::array<std::string_view, 12> english_months{"January", "February", "March",     "April",   "May",      "June",
                                                          "July",    "August",   "September", "October", "November", "December"};

int number_at(std::string_view iso, std::size_t from, std::size_t length) {
    return std::atoi(std::string(iso.substr(from, length)).c_str());
}

// "1234567" as "1,234,567".
std::string grouped_thousands(std::string digits) {
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

}  // namespace

std::optional<Language> language_named(std::string_view code) {
    if (code == "fi") return Language::fi;
    if (code == "en") return Language::en;
    return std::nullopt;
}

std::string_view language_code(Language language) { return language == Language::fi ? "fi" : "en"; }

std::string date_in(std::string_view iso_date, Language language) {
    if (iso_date.size() != 10) return std::string(iso_date);
    const int year = number_at(iso_date, 0, 4), month = number_at(iso_date, 5, 2), day = number_at(iso_date, 8, 2);
    if (month < 1 || month > 12) return std::string(iso_date);
    if (language == Language::fi) return std::to_string(day) + "." + std::to_string(month) + "." + std::to_string(year);
    return std::to_string(day) + " " + std::string(english_months[static_cast<std::size_t>(month - 1)]) + " " +
           std::to_string(year);
}

std::string money_in(Money amount, Language language) {
    if (language == Language::fi) return amount.to_display_fi();
    const std::string plain = (amount < Money{} ? -amount : amount).to_string();  // "1234.50"
    const auto point = plain.find('.');
    return std::string(amount < Money{} ? "-" : "") + "€" + grouped_thousands(plain.substr(0, point)) + plain.substr(point);
}

std::string decimal_in(std::string_view text, Language language) {
    std::string out(text);
    if (language == Language::fi)
        for (auto& c : out)
            if (c == '.') c = ',';
    return out;
}

}  // namespace jobcenter::pricing
