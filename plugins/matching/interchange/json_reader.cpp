// Path-keeping readers of the interchange file's values.
#include "matching/interchange/json_reader.hpp"

#include <cmath>

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

std::string_view kind_of(const json::value& v) {
    switch (v.kind()) {
        case json::kind::null: return "null";
        case json::kind::bool_: return "a boolean";
        case json::kind::int64:
        case json::kind::uint64:
        case json::kind::double_: return "a number";
        case json::kind::string: return "a string";
        case json::kind::array: return "an array";
        case json::kind::object: return "an object";
    }
    return "a value";
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

// "1 minute", "45 minutes", "12 hours", "2.5 hours".
std::string duration_text(int minutes) {
    if (minutes < 60) return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
    const auto hours = hours_of(minutes).to_string();
    return hours + (minutes == 60 ? " hour" : " hours");
}

}  // namespace

std::string element_path(std::string_view array_path, std::size_t index) {
    return std::string(array_path) + "[" + std::to_string(index) + "]";
}

std::string string_element(const json::value& v, const std::string& path) {
    if (!v.is_string()) throw InputError("must be a string, not " + std::string(kind_of(v)), path);
    auto text = trimmed(v.as_string());
    if (text.empty()) throw InputError("must not be empty", path);
    return text;
}

JsonObjectReader::JsonObjectReader(const json::value& value, std::string path, std::initializer_list<std::string_view> known)
    : object_(value.if_object()), path_(std::move(path)) {
    if (!object_) throw InputError("must be an object, not " + std::string(kind_of(value)), path_);
    for (const auto& [key, _] : *object_) {
        bool listed = false;
        for (auto k : known) listed = listed || k == key;
        if (!listed) {
            std::string names;
            for (auto k : known) names += (names.empty() ? "" : ", ") + std::string(k);
            throw InputError("unknown field (the fields are: " + names + ")", path_of(key));
        }
    }
}

std::string JsonObjectReader::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool JsonObjectReader::has(std::string_view key) const {
    auto it = object_->find(key);
    return it != object_->end() && !it->value().is_null();
}

void JsonObjectReader::fail(std::string_view key, const std::string& message) const { throw InputError(message, path_of(key)); }

const json::value& JsonObjectReader::value(std::string_view key) const {
    if (!has(key)) fail(key, "is required");
    return object_->at(key);
}

std::string JsonObjectReader::text(std::string_view key) const { return string_element(value(key), path_of(key)); }

std::optional<std::string> JsonObjectReader::optional_text(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return text(key);
}

bool JsonObjectReader::boolean(std::string_view key) const {
    const auto& v = value(key);
    if (!v.is_bool()) fail(key, "must be true or false, not " + std::string(kind_of(v)));
    return v.as_bool();
}

std::int64_t JsonObjectReader::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
    const auto& v = value(key);
    std::optional<std::int64_t> n;
    if (v.is_int64()) n = v.as_int64();
    if (v.is_uint64() && v.as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) n = static_cast<std::int64_t>(v.as_uint64());
    if (v.is_double() && std::floor(v.as_double()) == v.as_double() && std::fabs(v.as_double()) < 1e15)
        n = static_cast<std::int64_t>(v.as_double());
    const std::string range = "must be a whole number " + std::to_string(min) + "–" + std::to_string(max);
    if (!n) fail(key, range + ", not " + (v.is_number() ? json::serialize(v) : std::string(kind_of(v))));
    if (*n < min || *n > max) fail(key, range + ", not " + std::to_string(*n));
    return *n;
}

std::optional<std::int64_t> JsonObjectReader::optional_integer(std::string_view key, std::int64_t min, std::int64_t max) const {
    if (!has(key)) return std::nullopt;
    return integer(key, min, max);
}

Day JsonObjectReader::day(std::string_view key) const {
    auto text_value = text(key);
    auto d = parse_day(text_value);
    if (!d) fail(key, "must be a date YYYY-MM-DD that exists, not '" + text_value + "'");
    return *d;
}

std::optional<Day> JsonObjectReader::optional_day(std::string_view key) const {
    if (!has(key)) return std::nullopt;
    return day(key);
}

int JsonObjectReader::minutes_of_hours(std::string_view key, int min, int max) const {
    const auto& v = value(key);
    Decimal hours;
    try {
        if (v.is_string()) hours = Decimal::parse(v.as_string());
        else if (v.is_number()) hours = Decimal::from_double(v.to_number<double>());
        else fail(key, "must be hours as a number or decimal text, not " + std::string(kind_of(v)));
    } catch (const InputError&) {
        fail(key, "must be hours as a number or decimal text such as 2.5, not " + json::serialize(v));
    }
    const std::int64_t micro_minutes = hours.micros() * 60;
    if (micro_minutes % Decimal::scale != 0) fail(key, "must be whole minutes (" + hours.to_string() + " h is not)");
    const std::int64_t minutes = micro_minutes / Decimal::scale;
    if (minutes < min || minutes > max)
        fail(key, "must be from " + duration_text(min) + " to " + duration_text(max) + ", not " + hours.to_string() + " h");
    return static_cast<int>(minutes);
}

Money JsonObjectReader::money(std::string_view key) const {
    const auto& v = value(key);
    if (!v.is_string()) fail(key, "must be money as decimal text such as \"120.00\", not " + std::string(kind_of(v)));
    try {
        return Money::parse(v.as_string());
    } catch (const InputError& e) {
        fail(key, e.what());
    }
}

const json::array& JsonObjectReader::array(std::string_view key) const {
    static const json::array empty;
    if (!has(key)) return empty;
    const auto& v = object_->at(key);
    if (!v.is_array()) fail(key, "must be an array, not " + std::string(kind_of(v)));
    return v.as_array();
}

}  // namespace jobcenter::matching
