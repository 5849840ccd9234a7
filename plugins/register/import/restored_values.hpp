// The values of a row whose leading zeros a spreadsheet dropped, put back (normalize/lost_zeros.hpp): held
// beside the row's fields as given, for its keys, its matching and its golden record.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace jobcenter::register_plugin {

// The columns whose lost zeros an import restores, in the order the report lists them.
enum class RestoredColumn : std::size_t { postcode, phone, business_id };
constexpr std::array<std::string_view, 3> restored_column_names{"postcode", "phone", "business_id"};
constexpr std::size_t restored_column_count = restored_column_names.size();

// Up to one restored value per column, held in the row itself (no allocation per row); each at most
// `longest` characters ("0401112222", "0201256-6", "00100").
class RestoredValues {
public:
    static constexpr std::size_t longest = 12;

    void set(RestoredColumn column, std::string_view value) {
        const auto c = static_cast<std::size_t>(column);
        length_[c] = static_cast<std::uint8_t>(value.copy(text_[c].data(), longest));
    }
    std::optional<std::string_view> get(RestoredColumn column) const {
        const auto c = static_cast<std::size_t>(column);
        if (length_[c] == 0) return std::nullopt;
        return std::string_view(text_[c].data(), length_[c]);
    }
    bool has(RestoredColumn column) const { return length_[static_cast<std::size_t>(column)] != 0; }

private:
    std::array<std::array<char, longest>, restored_column_count> text_{};
    std::array<std::uint8_t, restored_column_count> length_{};
};

}  // namespace jobcenter::register_plugin
