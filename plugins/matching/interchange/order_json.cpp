// Reading and writing a work order's interchange JSON.
#include "matching/interchange/order_json.hpp"

#include "matching/interchange/client_json.hpp"
#include "matching/interchange/json_reader.hpp"

namespace jobcenter::matching {
namespace json = boost::json;
namespace {

OrdererRef read_orderer(const JsonObjectReader& r) {
    const auto& v = r.value("orderer");
    if (v.is_int64() || v.is_uint64()) return r.integer("orderer", 1, INT64_MAX);
    if (!v.is_object()) r.fail("orderer", "must be a register orderer id or {\"business_id\": ..., \"name\": ...}");
    JsonObjectReader o(v, r.path_of("orderer"), {"business_id", "name"});
    return OrdererByDetails{o.optional_text("business_id"), o.text("name")};
}

template <class Enum>
Enum code_field(const JsonObjectReader& r, std::string_view key, std::optional<Enum> fallback = std::nullopt) {
    if (!r.has(key) && fallback) return *fallback;
    auto text = r.text(key);
    auto parsed = parse_code<Enum>(text);
    if (!parsed) r.fail(key, "unknown code '" + text + "': use one of " + codes_of<Enum>());
    return *parsed;
}

std::optional<Repeat> read_repeat(const JsonObjectReader& r, Minute start) {
    if (!r.has("repeat")) return std::nullopt;
    JsonObjectReader rep(r.value("repeat"), r.path_of("repeat"), {"every_days", "until"});
    Repeat repeat{static_cast<int>(rep.integer("every_days", 1, 366)), rep.day("until")};
    if (repeat.until < day_of(start)) rep.fail("until", "must not be before the start (" + day_text(day_of(start)) + ")");
    const std::int64_t count = (repeat.until - day_of(start)) / repeat.every_days + 1;
    if (count > max_occurrences)
        rep.fail("until", "gives " + std::to_string(count) + " occurrences; at most " + std::to_string(max_occurrences));
    return repeat;
}

}  // namespace

OrderInput order_from_json(const json::value& value, const std::string& path, const std::set<std::string>& task_types) {
    JsonObjectReader r(value, path,
                       {"id", "orderer", "orderer_name", "occurrences", "task_type", "min_level", "description", "postcode", "start", "hours", "repeat",
                        "seats", "contract", "early_education_months", "support_person", "status"});
    OrderInput in;
    in.path = path;
    Order& o = in.order;
    o.id = r.text("id");
    if (o.id.size() > 64) r.fail("id", "must be at most 64 bytes");
    in.orderer = read_orderer(r);
    o.task_type = r.text("task_type");
    if (!task_types.count(o.task_type))
        r.fail("task_type", "unknown task type '" + o.task_type + "' (see `jobcenter matching task-types`)");
    if (auto level = r.optional_integer("min_level", 1, 5)) o.min_level = static_cast<int>(*level);
    o.description = r.text("description");
    o.postcode = r.optional_text("postcode");
    if (o.postcode && (o.postcode->size() != 5 || o.postcode->find_first_not_of("0123456789") != std::string::npos))
        r.fail("postcode", "must be a Finnish postcode of five digits, not '" + *o.postcode + "'");
    auto start_text = r.text("start");
    auto start = parse_local_time(start_text);
    if (!start) r.fail("start", "must be a local time YYYY-MM-DDTHH:MM (Europe/Helsinki), not '" + start_text + "'");
    o.start = *start;
    o.minutes = r.minutes_of_hours("hours", 1, 12 * 60);
    o.repeat = read_repeat(r, o.start);
    o.seats = static_cast<int>(r.integer("seats", 1, 100));
    o.contract = code_field<Contract>(r, "contract");
    if (auto months = r.optional_integer("early_education_months", 0, 120)) o.early_education_months = static_cast<int>(*months);
    o.support_person = r.optional_text("support_person");
    o.status = code_field<OrderStatus>(r, "status", OrderStatus::open);
    return in;
}

json::object order_to_json(const Order& o) {
    json::value repeat = nullptr;
    if (o.repeat) repeat = json::object{{"every_days", o.repeat->every_days}, {"until", day_text(o.repeat->until)}};
    json::object out{{"id", o.id},
                     {"orderer", o.orderer_id},
                     {"orderer_name", o.orderer_name},
                     {"task_type", o.task_type},
                     {"min_level", o.min_level ? json::value(*o.min_level) : json::value(nullptr)},
                     {"description", o.description},
                     {"postcode", o.postcode ? json::value(*o.postcode) : json::value(nullptr)},
                     {"start", local_time_text(o.start)},
                     {"hours", hours_json(o.minutes)},
                     {"repeat", repeat},
                     {"seats", o.seats},
                     {"contract", code_of(o.contract)},
                     {"early_education_months", o.early_education_months ? json::value(*o.early_education_months) : json::value(nullptr)},
                     {"support_person", o.support_person ? json::value(*o.support_person) : json::value(nullptr)},
                     {"status", code_of(o.status)}};
    return out;
}

}  // namespace jobcenter::matching
