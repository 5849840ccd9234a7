// Reading a command's JSON request: typed getters that name the missing or malformed field.
#pragma once

#include "jobcenter/export.hpp"

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobcenter/money.hpp"

namespace jobcenter::params {

// Each getter throws UsageError when a required field is missing and InputError when it has the wrong
// type or form, naming the field.
JOBCENTER_API std::string required_string(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::optional<std::string> optional_string(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::int64_t required_integer(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::optional<std::int64_t> optional_integer(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::optional<double> optional_number(const boost::json::object& request, std::string_view field);
JOBCENTER_API bool flag(const boost::json::object& request, std::string_view field);  // absent means false
JOBCENTER_API Money required_money(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::optional<Money> optional_money(const boost::json::object& request, std::string_view field);
// An ISO calendar date "YYYY-MM-DD", checked to exist (2026-02-30 is refused).
JOBCENTER_API std::optional<std::string> optional_date(const boost::json::object& request, std::string_view field);
JOBCENTER_API std::vector<std::string> string_list(const boost::json::object& request, std::string_view field);

// True when `text` is a real ISO calendar date "YYYY-MM-DD".
JOBCENTER_API bool is_iso_date(std::string_view text);

}  // namespace jobcenter::params
