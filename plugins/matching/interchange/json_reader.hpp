// Reading the interchange file's JSON with the path of every value kept, so that an error names it:
// "clients[12].skills[0].level: must be 1–5". Every reader throws InputError with the path as `where`.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/errors.hpp"
#include "jobcenter/money.hpp"
#include "matching/model/calendar.hpp"

namespace jobcenter::matching {

// One JSON object and where it stands in the file.
class JsonObjectReader {
public:
    // Throws when `value` is not an object, or has a key outside `known`.
    JsonObjectReader(const boost::json::value& value, std::string path, std::initializer_list<std::string_view> known);

    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const;
    bool has(std::string_view key) const;  // present and not null
    [[noreturn]] void fail(std::string_view key, const std::string& message) const;

    std::string text(std::string_view key) const;  // required, non-empty after trimming
    std::optional<std::string> optional_text(std::string_view key) const;
    bool boolean(std::string_view key) const;
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min, std::int64_t max) const;
    Day day(std::string_view key) const;
    std::optional<Day> optional_day(std::string_view key) const;
    // Hours as a number or decimal text ("2", 2.5, "2,5"), in whole minutes, within [min, max] minutes.
    int minutes_of_hours(std::string_view key, int min, int max) const;
    Money money(std::string_view key) const;  // decimal text "120.00"
    // An array (absent or null = empty); each element is given to `read` with its path.
    const boost::json::array& array(std::string_view key) const;
    const boost::json::value& value(std::string_view key) const;  // required, any type

private:
    const boost::json::object* object_;
    std::string path_;
};

// "clients[12]"
std::string element_path(std::string_view array_path, std::size_t index);
// The text of a string element, or InputError naming its path.
std::string string_element(const boost::json::value& v, const std::string& path);

}  // namespace jobcenter::matching
