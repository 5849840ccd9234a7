// An orderer's golden record: per field, which of its source records' values survives and why (field
// survivorship with provenance). The most common value wins, ties to the oldest record, unless a person
// chose the source record of a field when merging.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "jobcenter/database.hpp"
#include "register/clustering/orderer_category.hpp"

namespace jobcenter::register_plugin {

// The fields a golden record takes from source records, in this order.
enum class Golden : std::size_t { name, business_id, street, postcode, city, phone, email };
// Their names, in the same order.
constexpr std::array<const char*, 7> golden_fields{"name", "business_id", "street", "postcode", "city", "phone", "email"};
constexpr std::size_t golden_field_count = golden_fields.size();

// A field's position in the arrays indexed by field (golden_fields, SourceValues, GoldenRecord).
constexpr std::size_t index_of(Golden field) { return static_cast<std::size_t>(field); }
consteval bool golden_named(Golden field, std::string_view name) { return golden_fields[index_of(field)] == name; }
static_assert(golden_named(Golden::name, "name") && golden_named(Golden::business_id, "business_id") &&
              golden_named(Golden::street, "street") && golden_named(Golden::postcode, "postcode") &&
              golden_named(Golden::city, "city") && golden_named(Golden::phone, "phone") &&
              golden_named(Golden::email, "email"));

// The index of a golden field's name, or nullopt when it is not one.
std::optional<std::size_t> golden_field_index(std::string_view name);

// One source record's values, as the golden record compares them (empty: absent).
struct SourceValues {
    std::int64_t record_id = 0;
    std::string unit, source_id;
    std::array<std::string, golden_field_count> compare;  // the normalised key values are grouped by
    std::array<std::string, golden_field_count> shown;    // the value as the unit gave it (the golden record
                                                          // shows the oldest record's spelling of the winner)
    std::string business_id_raw;                          // as given, for an invalid business ID
    OrdererCategory category = OrdererCategory::unknown;  // as the record's name tells (record_category)
};

struct GoldenField {
    std::string value;               // empty: no source has one
    std::int64_t record_id = 0;      // the source record it comes from
    std::size_t agreeing = 0;        // sources giving this value
    std::size_t with_value = 0;      // sources giving any value
    std::int64_t chosen_in = 0;      // the event in which a person chose it (0: the most common value)
};

struct GoldenRecord {
    std::array<GoldenField, golden_field_count> fields;
    std::string business_id_raw;  // the invalid business ID shown when no source has a valid one
    OrdererCategory category = OrdererCategory::unknown;  // inferred from the sources, or a person's
    CategorySource category_source = CategorySource::inferred;
};

// Field index -> (record id, event id): the source record a person chose for a field, and when.
using FieldChoices = std::map<std::size_t, std::pair<std::int64_t, std::int64_t>>;

// Chooses each field's value and infers the category (inferred_category). `chosen`: field index ->
// (record id, event id) a person picked; a choice whose record is not among `sources` or has no value for
// the field is ignored.
GoldenRecord choose_golden(const std::vector<SourceValues>& sources,
                           const FieldChoices& chosen = {});

// The source records of an orderer, ordered by id.
std::vector<SourceValues> load_sources(Database& db, std::int64_t orderer_id);
// The field choices people made for an orderer: field index -> (record id, event id).
FieldChoices load_choices(Database& db, std::int64_t orderer_id);

// The categories people set (register set-category, register add --category), by the orderer each now
// lives in (the one it was set on, or the one that was merged into, however many merges on): the
// latest of those set on it and on the orderers merged into it. A person's category wins over inference.
std::map<std::int64_t, OrdererCategory> load_category_choices(Database& db);

// Binds an orderer's golden columns from parameter `first` on, golden_columns_bound of them: id, name,
// business_id, business_id_raw, street, postcode, city, phone, email, updated_at (an empty value as NULL,
// the name always as text).
constexpr int golden_columns_bound = 10;
void bind_golden(Statement& s, int first, std::int64_t orderer_id, const GoldenRecord& golden, const std::string& now);

// A new orderer whose fields are those of one source record (a cluster's or a split-off part's first
// record, until its golden record is refreshed); returns its id.
std::int64_t create_orderer_from_record(Database& db, std::int64_t source_record_id, const std::string& now);

// Recomputes an orderer's golden record (and category, unless a person's choice stands) from its source
// records and writes it. An orderer without source records (entered by hand) keeps its fields.
void refresh_golden_record(Database& db, std::int64_t orderer_id, const std::string& now);

// The same for many orderers in one pass over their source records (after a dedupe run).
void refresh_golden_records(Database& db, const std::vector<std::int64_t>& orderer_ids, const std::string& now);

// {"name": {"value", "from": "unit/source_id", "rule", ...}, ...} for `register show`.
boost::json::object provenance_json(const GoldenRecord& golden, const std::vector<SourceValues>& sources);

}  // namespace jobcenter::register_plugin
