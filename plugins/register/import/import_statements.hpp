// The statements an import writes with: each one's columns listed once, in bind order, its SQL text
// written from that list and every value bound at its column's position in the same list.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "jobcenter/database.hpp"
#include "register/clustering/orderer_category.hpp"
#include "register/import/import_keys.hpp"
#include "register/import/import_rows.hpp"

namespace jobcenter::register_plugin {

// One statement's bound columns (or one table row's, for a statement of several rows), in bind order.
template <std::size_t N>
struct ColumnList {
    std::array<std::string_view, N> names;

    static constexpr int size() { return static_cast<int>(N); }
    // The 0-based position of `column`; evaluated while compiling, so a column not in the list is an error.
    consteval int at(std::string_view column) const {
        for (std::size_t i = 0; i < N; ++i)
            if (names[i] == column) return static_cast<int>(i);
        throw std::invalid_argument("no such column");
    }
    // "a, b, c", as the SQL text lists them.
    std::string joined() const {
        std::string out;
        for (std::string_view name : names) out.append(out.empty() ? "" : ", ").append(name);
        return out;
    }
};

template <class... Names>
consteval ColumnList<sizeof...(Names)> columns(Names... names) {
    return {{std::string_view(names)...}};
}

// The columns of `a`, then those of `b`.
template <std::size_t A, std::size_t B>
consteval ColumnList<A + B> operator+(const ColumnList<A>& a, const ColumnList<B>& b) {
    ColumnList<A + B> out{};
    for (std::size_t i = 0; i < A; ++i) out.names[i] = a.names[i];
    for (std::size_t i = 0; i < B; ++i) out.names[A + i] = b.names[i];
    return out;
}

// "INSERT INTO table(<columns>) VALUES $ROWS", for run_batched.
template <std::size_t N>
std::string insert_sql(std::string_view table, const ColumnList<N>& columns) {
    return "INSERT INTO " + std::string(table) + "(" + columns.joined() + ") VALUES $ROWS";
}

// "UPDATE table SET (<all but the last column>) = (?,...) WHERE <last column> = ?N".
template <std::size_t N>
std::string update_sql(std::string_view table, const ColumnList<N>& columns) {
    std::string set, values;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        set.append(i ? ", " : "").append(columns.names[i]);
        values.append(i ? ",?" : "?");
    }
    return "UPDATE " + std::string(table) + " SET (" + set + ") = (" + values + ") WHERE " +
           std::string(columns.names[N - 1]) + " = ?" + std::to_string(N);
}

// A column of statement `Columns`, named where a value is bound; checked while compiling.
template <const auto& Columns>
struct ColumnName {
    int position;
    // Implicit, so that a call names the column with a string literal.
    consteval ColumnName(const char* name) : position(Columns.at(name)) {}
};

// Binds one value to parameter `index` of `s`: text without copying it (every text bound here outlives
// the statement's run), numbers and NULL as they are.
inline void bind_value(Statement& s, int index, std::string_view text) { s.bind_view(index, text); }
inline void bind_value(Statement& s, int index, const std::string& text) { s.bind_view(index, text); }
inline void bind_value(Statement& s, int index, const std::optional<std::string_view>& text) { s.bind_view(index, text); }
inline void bind_value(Statement& s, int index, const std::optional<std::string>& text) {
    if (text) s.bind_view(index, *text);
    else s.bind(index, nullptr);
}
template <class Number>
void bind_value(Statement& s, int index, const Number& value) {
    s.bind(index, value);
}

// A field as a nullable value: none when empty.
inline std::optional<std::string_view> non_empty(std::string_view s) {
    if (s.empty()) return std::nullopt;
    return s;
}

// A business ID as stored: the canonical form of a valid one, else none.
inline std::optional<std::string_view> valid_business_id(const BusinessId& business) {
    if (!business.valid) return std::nullopt;
    return std::string_view(business.canonical);
}

// The values of one row of statement `Columns`, whose parameters start at `first`: each bound by its
// column's name. Text is bound in place and must stay alive until the statement has run.
template <const auto& Columns>
class RowValues {
public:
    RowValues(Statement& statement, int first) : statement_(statement), first_(first) {}
    template <class Value>
    RowValues& set(ColumnName<Columns> column, const Value& value) {
        bind_value(statement_, first_ + column.position, value);
        return *this;
    }

private:
    Statement& statement_;
    int first_;
};

// An imported row's columns of source_record: its fields as given and their normalised keys.
inline constexpr auto record_columns =
    columns("import_id", "content_hash", "name", "business_id_raw", "street", "postcode", "city", "phone", "email",
            "name_key", "legal_form", "city_of_helsinki", "department_key", "business_id", "phone_e164", "email_key",
            "email_generic", "email_free", "street_key", "postcode_key", "city_key");
// A new record.
inline constexpr auto record_insert = columns("id") + record_columns + columns("unit", "source_id", "orderer_id");
// A stored record the file changes.
inline constexpr auto record_update = record_columns + columns("id");

// Where a row came from, the row as given and its contact person (source_record_given).
inline constexpr auto given_columns = columns("file", "line", "raw", "contact_person");
inline constexpr auto given_insert = columns("record_id") + given_columns + columns("first_imported_at", "updated_at");
inline constexpr auto given_update = given_columns + columns("updated_at", "record_id");

// A new record's first orderer, made of its own fields.
inline constexpr auto orderer_insert =
    columns("id", "name", "category", "business_id", "business_id_raw", "street", "postcode", "city", "phone", "email",
            "created_by_unit", "created_at", "updated_at");

// The orderer each new record of an import that links gets (a VALUES list: column1, column2).
inline constexpr auto record_orderer_values = columns("id", "orderer_id");

// The statements' SQL text, written once from the lists above.
struct ImportSql {
    std::string record_insert, record_update, given_insert, given_update, orderer_insert;
    std::string record_orderer_update;  // "UPDATE source_record SET orderer_id = v.column2 FROM (VALUES $ROWS) ..."
};
const ImportSql& import_sql();

// Whether contact fields are bound as given (a source record) or with lost zeros restored (an orderer).
enum class FieldValues { given, keyed };

// Binds the row's street, postcode, city, phone and email (none when empty).
template <const auto& Columns>
void bind_contact_fields(RowValues<Columns>& values, const ImportRow& row, FieldValues which = FieldValues::given) {
    auto value = [&](StoredField f) { return non_empty(which == FieldValues::given ? row.field(f) : row.keyed(f)); };
    values.set("street", value(StoredField::street))
        .set("postcode", value(StoredField::postcode))
        .set("city", value(StoredField::city))
        .set("phone", value(StoredField::phone))
        .set("email", value(StoredField::email));
}

// Binds a row's fields and their normalised keys to the record columns of `values`.
template <const auto& Columns>
void bind_record(RowValues<Columns>& values, const ImportRow& row, const RowKeys& keys, std::int64_t import_id) {
    const auto& name = keys.name;
    const auto& email = keys.email;
    values.set("import_id", import_id)
        .set("content_hash", row.content_hash())
        .set("name", row.field(StoredField::name))
        .set("business_id_raw", non_empty(row.field(StoredField::business_id)));
    bind_contact_fields(values, row);
    values.set("name_key", name.key)
        .set("legal_form", non_empty(name.legal_form))
        .set("city_of_helsinki", name.city_of_helsinki)
        .set("department_key", non_empty(name.department_key))
        .set("business_id", valid_business_id(keys.business))
        .set("phone_e164", keys.phone)
        .set("email_key", email.valid ? std::optional<std::string_view>(email.address) : std::nullopt)
        .set("email_generic", email.generic_mailbox)
        .set("email_free", email.free_mail)
        .set("street_key", non_empty(keys.address.street_key))
        .set("postcode_key", non_empty(keys.address.postcode))
        .set("city_key", non_empty(keys.address.city_key));
}

// Binds where `row` came from (`file`), the row as given (`raw`) and its contact person.
template <const auto& Columns>
void bind_given(RowValues<Columns>& values, const ImportRow& row, const std::string& raw, const std::string& file) {
    values.set("file", file)
        .set("line", static_cast<std::int64_t>(row.record->line))
        .set("raw", raw)
        .set("contact_person", non_empty(row.field(StoredField::contact_person)));
}

// Binds a new record's first orderer: its own fields, with lost zeros restored, and the category its name
// tells (its golden record).
inline void bind_orderer(RowValues<orderer_insert>& values, std::int64_t id, const ImportRow& row, const RowKeys& keys,
                         const std::string& now) {
    values.set("id", id)
        .set("name", row.field(StoredField::name))
        .set("category", category_name(record_category(keys.name.key, keys.name.legal_form, keys.name.city_of_helsinki)))
        .set("business_id", valid_business_id(keys.business))
        .set("business_id_raw", non_empty(row.field(StoredField::business_id)));
    bind_contact_fields(values, row, FieldValues::keyed);
    values.set("created_by_unit", row.unit)
        .set("created_at", now)
        .set("updated_at", now);
}

// Binds a new source record: its id (none: the one SQLite gives), the row and its keys, and its orderer.
inline void bind_record_insert(Statement& s, int first, std::optional<std::int64_t> id, const ImportRow& row,
                               const RowKeys& keys, std::int64_t import_id, std::optional<std::int64_t> orderer_id) {
    RowValues<record_insert> values(s, first);
    values.set("id", id);
    bind_record(values, row, keys, import_id);
    values.set("unit", row.unit).set("source_id", row.source_id).set("orderer_id", orderer_id);
}

// Binds a new record's row as given, first imported `now`.
inline void bind_given_insert(Statement& s, int first, std::int64_t record_id, const ImportRow& row,
                              const std::string& raw, const std::string& file, const std::string& now) {
    RowValues<given_insert> values(s, first);
    values.set("record_id", record_id);
    bind_given(values, row, raw, file);
    values.set("first_imported_at", now).set("updated_at", now);
}

}  // namespace jobcenter::register_plugin
