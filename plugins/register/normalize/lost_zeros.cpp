// Restoring the leading zeros of postcodes, business IDs and Finnish phone numbers that a spreadsheet's
// numeric column dropped (lost_zeros.hpp).
#include "register/normalize/lost_zeros.hpp"

#include "register/normalize/business_id.hpp"
#include "register/normalize/key_text.hpp"

namespace jobcenter::register_plugin {
namespace {

using key_text::all_digits;
using key_text::trim;

constexpr std::size_t postcode_length = 5;
constexpr std::size_t business_id_digits = 8;
constexpr std::size_t mobile_digits = 9;  // 04x or 050 and seven digits, without the 0

bool is_mobile_without_zero(std::string_view digits) {
    return digits.size() == mobile_digits && (digits.front() == '4' || digits.starts_with("50"));
}

bool is_helsinki_landline_without_zero(std::string_view digits) {
    return (digits.size() == 8 || digits.size() == 9) && digits.front() == '9';
}

}  // namespace

std::optional<std::string> restored_postcode(std::string_view given) {
    const std::string_view digits = trim(given);
    if (!all_digits(digits) || digits.size() < 3 || digits.size() >= postcode_length) return std::nullopt;
    return std::string(postcode_length - digits.size(), '0') + std::string(digits);
}

std::optional<std::string> restored_business_id(std::string_view given) {
    const std::string_view digits = trim(given);
    if (!all_digits(digits) || digits.size() != business_id_digits - 1) return std::nullopt;
    const BusinessId padded = parse_business_id("0" + std::string(digits));
    if (!padded.valid) return std::nullopt;
    return padded.canonical;
}

std::optional<std::string> restored_finnish_phone(std::string_view given) {
    const std::string_view digits = trim(given);
    if (!all_digits(digits) || digits.front() == '0') return std::nullopt;
    if (!is_mobile_without_zero(digits) && !is_helsinki_landline_without_zero(digits)) return std::nullopt;
    return "0" + std::string(digits);
}

namespace {

EnteredValue entered(std::string_view field, std::string_view given, std::optional<std::string> restored) {
    if (!restored) return {std::string(given), std::nullopt};
    return {*restored, std::string(field) + " " + std::string(given) + " read as " + *restored +
                           ": its leading zeros were missing, as when a spreadsheet reads the column as numbers"};
}

}  // namespace

EnteredValue entered_postcode(std::string_view given) { return entered("postcode", given, restored_postcode(given)); }

EnteredBusinessId entered_business_id(std::string_view given) {
    BusinessId id = parse_business_id(given);
    if (id.valid) return {std::move(id), std::nullopt};
    EnteredValue restored = entered("business ID", given, restored_business_id(given));
    if (!restored.note) return {std::move(id), std::nullopt};
    return {parse_business_id(restored.value), std::move(restored.note)};
}

EnteredValue entered_phone(std::string_view given, std::string_view country) {
    if (country != "358") return {std::string(given), std::nullopt};
    return entered("phone", given, restored_finnish_phone(given));
}

}  // namespace jobcenter::register_plugin
