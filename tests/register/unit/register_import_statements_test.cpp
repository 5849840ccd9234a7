// The import's statements: their SQL text as written from the column lists, and each value bound to the
// column it is named by.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "jobcenter/database.hpp"
#include "register/import/import_keys.hpp"
#include "register/import/import_statements.hpp"
#include "register/store/values_batch.hpp"

namespace {
using namespace jobcenter::register_plugin;
using jobcenter::Database;

constexpr auto two_and_one = columns("a", "b") + columns("c");
static_assert(two_and_one.size() == 3 && two_and_one.at("a") == 0 && two_and_one.at("c") == 2);
static_assert(record_insert.at("id") == 0 && record_insert.at("import_id") == 1 && record_insert.at("orderer_id") == 24);
static_assert(record_update.at("id") == record_columns.size());

// Each statement's text written out in full: what the column lists must produce.
TEST(ImportStatements, SqlListsTheColumnsInBindOrder) {
    const std::string record_columns_text =
        "import_id, content_hash, name, business_id_raw, street, postcode, city, phone, email, name_key, legal_form, "
        "city_of_helsinki, department_key, business_id, phone_e164, email_key, email_generic, email_free, street_key, "
        "postcode_key, city_key";
    const ImportSql& sql = import_sql();
    const std::pair<std::string, std::string> written_and_expected[] = {
        {sql.record_insert,
         "INSERT INTO source_record(id, " + record_columns_text + ", unit, source_id, orderer_id) VALUES $ROWS"},
        {sql.record_update, "UPDATE source_record SET (" + record_columns_text +
                                ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?22"},
        {sql.given_insert, "INSERT INTO source_record_given(record_id, file, line, raw, contact_person, "
                           "first_imported_at, updated_at) VALUES $ROWS"},
        {sql.given_update, "UPDATE source_record_given SET (file, line, raw, contact_person, updated_at) = "
                           "(?,?,?,?,?) WHERE record_id = ?6"},
        {sql.orderer_insert, "INSERT INTO orderer(id, name, category, business_id, business_id_raw, street, postcode, "
                             "city, phone, email, created_by_unit, created_at, updated_at) VALUES $ROWS"},
        {sql.record_orderer_update, "UPDATE source_record SET orderer_id = v.column2 FROM (VALUES $ROWS) AS v WHERE "
                                    "source_record.id = v.column1"},
    };
    for (const auto& [written, expected] : written_and_expected) EXPECT_EQ(written, expected);
}

TEST(ImportStatements, EachValueLandsInTheColumnItIsNamedBy) {
    Database db = Database::open(":memory:");
    db.exec("CREATE TABLE t(" + record_insert.joined() + ")");
    CsvRecord record{7, {}};
    ImportRow row;
    row.record = &record;
    row.unit = "pakila";
    row.source_id = "A-1";
    row.fields = {"Kallion Lukko Oy", "", "Sturenkatu 72", "00440", "Helsinki", "040 123 4567", "", "Maija"};
    row.hash_digits = content_hash_digits(row.unit, row.fields);
    const RowKeys keys = normalize_row(row, "358");
    auto insert = db.prepare(values_sql(insert_sql("t", record_insert), record_insert.size(), 1));
    bind_record_insert(insert, 1, 12, row, keys, 3, 40);
    insert.run();
    auto q = db.prepare("SELECT id, import_id, content_hash, name, business_id_raw, street, postcode, phone_e164, "
                        "email_key, unit, source_id, orderer_id FROM t");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.get_int(0), 12);
    EXPECT_EQ(q.get_int(1), 3);
    EXPECT_EQ(q.get_text(2), std::string(row.content_hash()));
    EXPECT_EQ(q.get_text(3), "Kallion Lukko Oy");
    EXPECT_TRUE(q.is_null(4));
    EXPECT_EQ(q.get_text(5), "Sturenkatu 72");
    EXPECT_EQ(q.get_text(6), "00440");
    EXPECT_EQ(q.get_text(7), "+358401234567");
    EXPECT_TRUE(q.is_null(8));
    EXPECT_EQ(q.get_text(9), "pakila");
    EXPECT_EQ(q.get_text(10), "A-1");
    EXPECT_EQ(q.get_int(11), 40);
}

}  // namespace
