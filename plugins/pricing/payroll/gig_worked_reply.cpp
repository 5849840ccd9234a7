// Each part of the gig-worked reply, field by field.
#include "pricing/payroll/gig_worked_reply.hpp"

#include "jobcenter/errors.hpp"

namespace jobcenter::pricing {
namespace json = boost::json;
namespace {

[[noreturn]] void malformed(const std::string& path, std::string_view expected) {
    throw InternalError("matching.gig-worked replied without " + std::string(expected), path);
}

const json::value& field(const json::object& o, std::string_view key, const std::string& path) {
    const json::value* v = o.if_contains(key);
    if (!v) malformed(path + "." + std::string(key), "this field");
    return *v;
}

std::string text_field(const json::object& o, std::string_view key, const std::string& path) {
    const json::value& v = field(o, key, path);
    if (!v.is_string()) malformed(path + "." + std::string(key), "a text");
    return std::string(v.get_string());
}

std::int64_t integer_field(const json::object& o, std::string_view key, const std::string& path) {
    const json::value& v = field(o, key, path);
    if (!v.is_int64() && !v.is_uint64()) malformed(path + "." + std::string(key), "a whole number");
    return v.to_number<std::int64_t>();
}

const json::object& object_field(const json::object& o, std::string_view key, const std::string& path) {
    const json::value& v = field(o, key, path);
    if (!v.is_object()) malformed(path + "." + std::string(key), "an object");
    return v.get_object();
}

WorkedOccurrence read_occurrence(const json::value& v, const std::string& path) {
    if (!v.is_object()) malformed(path, "an object");
    const json::object& o = v.get_object();
    WorkedOccurrence w;
    w.gig = integer_field(o, "gig", path);
    w.date = text_field(o, "date", path);
    w.minutes = integer_field(o, "minutes", path);
    w.order_id = text_field(o, "order", path);
    w.client_id = text_field(o, "client", path);
    w.unit = text_field(o, "unit", path);
    w.orderer_id = integer_field(o, "orderer_id", path);
    w.task_type = text_field(o, "task_type", path);
    const std::string contract = text_field(o, "contract", path);
    auto parsed = contract_named(contract);
    if (!parsed) malformed(path + ".contract", "commission or employment");
    w.contract = *parsed;
    const json::value* corrected = o.if_contains("corrected");
    w.corrected = corrected && corrected->is_bool() && corrected->get_bool();
    return w;
}

WorkOrder read_order(const std::string& id, const json::value& v, const std::string& path) {
    if (!v.is_object()) malformed(path, "an object");
    const std::string start = text_field(v.get_object(), "start", path);
    if (start.size() < 10) malformed(path + ".start", "a start time YYYY-MM-DDTHH:MM");
    return {id, start.substr(0, 10), v.get_object()};
}

WorkerClient read_client(const std::string& id, const json::value& v, const std::string& path) {
    if (!v.is_object()) malformed(path, "an object");
    const json::object& o = v.get_object();
    WorkerClient c{id, text_field(o, "name", path), text_field(o, "unit", path), {}};
    if (const json::value* benefits = o.if_contains("benefits"); benefits && benefits->is_array())
        for (const auto& code : benefits->get_array())
            if (code.is_string()) c.benefits.emplace_back(code.get_string());
    return c;
}

}  // namespace

void read_gig_worked(const json::value& reply, PayrollInput& input) {
    if (!reply.is_object()) malformed("reply", "an object");
    const json::object& r = reply.get_object();
    const json::value& occurrences = field(r, "occurrences", "reply");
    if (!occurrences.is_array()) malformed("reply.occurrences", "a list");
    input.occurrences.reserve(occurrences.get_array().size());
    std::size_t i = 0;
    for (const auto& v : occurrences.get_array())
        input.occurrences.push_back(read_occurrence(v, "reply.occurrences[" + std::to_string(i++) + "]"));
    for (const auto& [id, v] : object_field(r, "orders", "reply"))
        input.orders.emplace(std::string(id), read_order(std::string(id), v, "reply.orders." + std::string(id)));
    for (const auto& [id, v] : object_field(r, "clients", "reply"))
        input.clients.emplace(std::string(id), read_client(std::string(id), v, "reply.clients." + std::string(id)));
}

}  // namespace jobcenter::pricing
