// Tests of the register's own migrations on a register written before them: the data a unit imported
// comes through each schema change unchanged.
#include <gtest/gtest.h>

#include <tuple>

#include "migrations.hpp"
#include "register/clustering/orderer_category.hpp"
#include "register/normalize/normalize.hpp"
#include "support/test_support.hpp"

namespace jobcenter {
namespace {

using jobcenter::testing::TempDir;
namespace fs = std::filesystem;

// Copies the source tree's migrations of `component` numbered up to `last` into `to`.
void copy_migrations(const std::string& component, int last, const fs::path& to) {
    fs::create_directories(to);
    for (const auto& entry : fs::directory_iterator(fs::path(JOBCENTER_SOURCE_DIR) / "schema" / component)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() == ".sql" && std::stoi(name.substr(0, 3)) <= last)
            fs::copy_file(entry.path(), to / name, fs::copy_options::overwrite_existing);
    }
}

// Applies the register's migrations up to number `last` to `db` (those not yet applied).
void migrate_register(Database& db, const TempDir& dir, int last) {
    copy_migrations("register", last, dir / "register");
    apply_migrations(db, dir / "register", "register");
}

std::vector<std::string> columns_of(Database& db, const std::string& table) {
    std::vector<std::string> names;
    auto q = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    q.bind(1, table);
    while (q.step()) names.push_back(q.get_text(0));
    return names;
}

// A register in `dir` with the host's migrations and the register's up to number `last`.
Database register_up_to(const TempDir& dir, int last) {
    auto db = Database::open(dir / "register.db");
    copy_migrations("host", 999, dir / "host");
    apply_migrations(db, dir / "host", "host");
    migrate_register(db, dir, last);
    return db;
}

// 009 moves where a record came from and its row as given out of source_record into source_record_given,
// row for row, and the raw view reads them there.
TEST(RegisterMigrations, GivenFieldsMoveToTheirOwnTable) {
    TempDir dir;
    auto db = register_up_to(dir, 8);
    db.exec(
        "INSERT INTO unit(name, title, organisation, created_at) VALUES ('pakila', 'Pakila', 'KUTY', '2026-01-01');"
        "INSERT INTO import_batch(id, unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
        "  imported_at, imported_by, header) VALUES (1, 'pakila', 'p.csv', 'UTF-8', ';', 1, 1, 0, 0, 0, 't', 'staff', "
        "  '[\"id\",\"Yritys\",\"Puhelin\"]');"
        "INSERT INTO orderer(id, name, category, created_by_unit, created_at, updated_at) "
        "  VALUES (5, 'Alfa Oy', 'unknown', 'pakila', 't', 't');"
        "INSERT INTO source_record(id, unit, source_id, orderer_id, import_id, file, line, raw, content_hash, name, "
        "  business_id_raw, street, postcode, city, phone, email, contact_person, name_key, phone_e164, "
        "  first_imported_at, updated_at) VALUES (7, 'pakila', '1', 5, 1, 'p.csv', 2, '[\"1\",\"Alfa Oy\",\"09 1234\"]', "
        "  'abc', 'Alfa Oy', '1234567-8', 'Katu 1', '00100', 'Helsinki', '09 1234', 'a@alfa.fi', 'Maija', 'alfa', "
        "  '+3589 1234', '2026-01-01', '2026-01-02');");

    migrate_register(db, dir, 9);

    EXPECT_EQ(columns_of(db, "source_record"),
              (std::vector<std::string>{"id", "unit", "source_id", "orderer_id", "import_id", "content_hash", "name",
                                        "business_id_raw", "street", "postcode", "city", "phone", "email", "name_key",
                                        "legal_form", "city_of_helsinki", "department_key", "business_id", "phone_e164",
                                        "email_key", "email_generic", "email_free", "street_key", "postcode_key",
                                        "city_key"}));
    auto given = db.prepare(
        "SELECT file, line, raw, contact_person, first_imported_at, updated_at FROM source_record_given WHERE record_id = 7");
    ASSERT_TRUE(given.step());
    std::vector<std::string> values;
    for (int c = 0; c < 6; ++c) values.push_back(given.get_text(c));
    EXPECT_EQ(values, (std::vector<std::string>{"p.csv", "2", "[\"1\",\"Alfa Oy\",\"09 1234\"]", "Maija", "2026-01-01",
                                                "2026-01-02"}));
    std::vector<std::pair<std::string, std::string>> raw;
    for (auto q = db.prepare("SELECT header, value FROM source_record_raw WHERE record_id = 7 ORDER BY position"); q.step();)
        raw.emplace_back(q.get_text(0), q.get_text(1));
    EXPECT_EQ(raw, (std::vector<std::pair<std::string, std::string>>{{"id", "1"}, {"Yritys", "Alfa Oy"}, {"Puhelin", "09 1234"}}));
    auto kept = db.prepare("SELECT orderer_id, name, name_key, phone_e164, street, phone FROM source_record WHERE id = 7");
    ASSERT_TRUE(kept.step());
    EXPECT_EQ(kept.get_int(0), 5);
    EXPECT_EQ(kept.get_text(1), "Alfa Oy");
    EXPECT_EQ(kept.get_text(2), "alfa");
    EXPECT_EQ(kept.get_text(3), "+3589 1234");
    EXPECT_EQ(kept.get_text(4), "Katu 1");
    EXPECT_EQ(kept.get_text(5), "09 1234");
}

// 010 turns the rows of source_name_token (one per word and record) into blocks of up to 64 records.
TEST(RegisterMigrations, NameWordsBecomeBlocks) {
    TempDir dir;
    auto db = register_up_to(dir, 9);
    // The words as an older import left them (the table's foreign key wants the records).
    db.exec("PRAGMA foreign_keys = OFF");
    for (int id = 1; id <= 300; ++id)
        db.exec("INSERT INTO source_name_token(token, record_id) VALUES ('kallio', " + std::to_string(id) + ")" +
                (id % 100 == 0 ? ", ('nurmi', " + std::to_string(id) + ")" : std::string()));
    db.exec("PRAGMA foreign_keys = ON");

    migrate_register(db, dir, 10);

    std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>> blocks;
    for (auto q = db.prepare("SELECT b.word, b.first_record, b.count, sum(j.value) FROM name_word_block b, json_each(b.records) j "
                             "GROUP BY b.word, b.first_record ORDER BY 1, 2");
         q.step();)
        blocks.emplace_back(q.get_text(0), q.get_int(1), q.get_int(2), q.get_int(3));
    using Blocks = std::vector<std::tuple<std::string, std::int64_t, std::int64_t, std::int64_t>>;
    // Ids 1..300 of "kallio" in blocks of 64: 1-64, 65-128, 129-192, 193-256, 257-300.
    auto sum = [](std::int64_t first, std::int64_t last) { return (first + last) * (last - first + 1) / 2; };
    EXPECT_EQ(blocks, (Blocks{{"kallio", 1, 64, sum(1, 64)}, {"kallio", 65, 64, sum(65, 128)},
                              {"kallio", 129, 64, sum(129, 192)}, {"kallio", 193, 64, sum(193, 256)},
                              {"kallio", 257, 44, sum(257, 300)}, {"nurmi", 100, 3, 600}}));
    std::vector<std::pair<std::string, std::int64_t>> totals;
    for (auto q = db.prepare("SELECT word, records FROM name_word ORDER BY word"); q.step();) totals.emplace_back(q.get_text(0), q.get_int(1));
    EXPECT_EQ(totals, (std::vector<std::pair<std::string, std::int64_t>>{{"kallio", 300}, {"nurmi", 3}}));
    auto gone = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'source_name_token'");
    ASSERT_TRUE(gone.step());
    EXPECT_EQ(gone.get_int(0), 0);
}

// 011 moves the check's five key indexes of source_record into record_key, and its triggers keep the table in
// step with every later write of source_record.
TEST(RegisterMigrations, KeyIndexesBecomeRecordKeysKeptByTriggers) {
    TempDir dir;
    auto db = register_up_to(dir, 10);
    db.exec(
        "INSERT INTO unit(name, title, organisation, created_at) VALUES ('pakila', 'Pakila', 'KUTY', '2026-01-01');"
        "INSERT INTO import_batch(id, unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
        "  imported_at, imported_by) VALUES (1, 'pakila', 'p.csv', 'UTF-8', ';', 2, 2, 0, 0, 0, 't', 'staff');"
        "INSERT INTO source_record(id, unit, source_id, import_id, content_hash, name, name_key, business_id, phone_e164, "
        "  email_key, street_key) VALUES (7, 'pakila', '1', 1, 'a', 'Alfa Oy', 'alfa', '1234567-8', '+35891234', "
        "  'info@alfa.fi', 'katu 1'), (8, 'pakila', '2', 1, 'b', 'Beta', 'beta', NULL, '+35891234', NULL, NULL),"
        "  (10, 'pakila', '4', 1, 'd', '-', '', NULL, NULL, NULL, NULL);");

    migrate_register(db, dir, 11);

    using Keys = std::vector<std::tuple<std::int64_t, std::string, std::int64_t>>;
    auto keys = [&db] {
        Keys out;
        for (auto q = db.prepare("SELECT kind, value, record_id FROM record_key ORDER BY kind, value, record_id"); q.step();)
            out.emplace_back(q.get_int(0), q.get_text(1), q.get_int(2));
        return out;
    };
    EXPECT_EQ(keys(), (Keys{{1, "1234567-8", 7}, {2, "+35891234", 7}, {2, "+35891234", 8}, {3, "info@alfa.fi", 7},
                            {4, "katu 1", 7}, {5, "alfa", 7}, {5, "beta", 8}}));
    auto indexes = db.prepare("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE type = 'index' "
                              "AND tbl_name = 'source_record' AND sql IS NOT NULL ORDER BY name)");
    ASSERT_TRUE(indexes.step());
    EXPECT_EQ(indexes.get_text(0), "source_record_orderer");

    // Written later, by any writer: a new record, a changed key, a removed record.
    db.exec("INSERT INTO source_record(id, unit, source_id, import_id, content_hash, name, name_key, email_key) "
            "VALUES (9, 'pakila', '3', 1, 'c', 'Gamma', 'gamma', 'gamma@example.fi');"
            "UPDATE source_record SET phone_e164 = '+358401111', name_key = 'beta oy' WHERE id = 8;"
            "UPDATE source_record SET orderer_id = NULL WHERE id = 9;"
            "DELETE FROM source_record WHERE id = 7;"
            "DELETE FROM source_record WHERE id = 10;");
    EXPECT_EQ(keys(), (Keys{{2, "+358401111", 8}, {3, "gamma@example.fi", 9}, {5, "beta oy", 8}, {5, "gamma", 9}}));
}

// 015: categories given before it were a person's (register add --category): each becomes a standing
// choice, and every other orderer's category is to be inferred.
TEST(RegisterMigrations, CategoriesGivenBeforeArePersonsChoices) {
    TempDir dir;
    auto db = register_up_to(dir, 14);
    db.exec("INSERT INTO unit(name, title, organisation, created_at) VALUES ('pakila', 'Pakila', 'KUTY', '2026-01-01');"
            "INSERT INTO orderer(id, name, category, created_by_unit, created_at, updated_at) VALUES "
            "  (1, 'Alfa Oy', 'unknown', 'pakila', 't1', 't1'), (2, 'Merja Nieminen', 'private_person', 'pakila', 't2', 't2');");

    migrate_register(db, dir, 15);

    using Row = std::tuple<std::int64_t, std::string, std::string>;
    std::vector<Row> orderers;
    for (auto q = db.prepare("SELECT id, category, category_source FROM orderer ORDER BY id"); q.step();)
        orderers.emplace_back(q.get_int(0), q.get_text(1), q.get_text(2));
    EXPECT_EQ(orderers, (std::vector<Row>{{1, "unknown", "inferred"}, {2, "private_person", "person"}}));
    std::vector<Row> choices;
    for (auto q = db.prepare("SELECT orderer_id, category, decided_at FROM orderer_category_choice ORDER BY id"); q.step();)
        choices.emplace_back(q.get_int(0), q.get_text(1), q.get_text(2));
    EXPECT_EQ(choices, (std::vector<Row>{{2, "private_person", "t2"}}));
}

// 015 infers the category of every orderer stored before it by the rule the golden record applies from
// then on: the same category, record for record and orderer for orderer, as the C++ rule gives.
TEST(RegisterMigrations, StoredOrderersGetTheCategoryTheGoldenRecordWouldInfer) {
    TempDir dir;
    auto db = register_up_to(dir, 14);
    db.exec("INSERT INTO unit(name, title, organisation, created_at) VALUES ('pakila', 'Pakila', 'KUTY', '2026-01-01');"
            "INSERT INTO import_batch(id, unit, file, encoding, delimiter, rows_read, added, updated, unchanged, skipped, "
            "  imported_at, imported_by) VALUES (1, 'pakila', 'p.csv', 'UTF-8', ';', 1, 1, 0, 0, 0, 't', 'staff');");
    // Orderer -> the names of its records.
    const std::vector<std::vector<std::string>> orderers{
        {"Esimerkki Oy"}, {"Väylä ry", "Väylä"}, {"Alfred Kordelinin säätiö"}, {"Kallion seurakunta"},
        {"Helsingin kaupunki, Kasvatuksen ja koulutuksen toimiala", "Kasko"}, {"Merja Nieminen"},
        {"Pakilan Omakotiyhdistys"}, {"Kulttuurisäätiö Kaiku"}, {"Helsingin seurakuntayhtymä"},
        {"Puutarha Oy", "Puutarha ry"}, {"Tmi Nieminen", "Nieminen ry", "Nieminen ry"}, {"Seurakuntaopisto Oy"}};
    std::vector<std::string> expected;
    auto record = db.prepare("INSERT INTO source_record(unit, source_id, orderer_id, import_id, content_hash, name, name_key, "
                             "legal_form, city_of_helsinki) VALUES ('pakila', ?, ?, 1, 'h', ?, ?, ?, ?)");
    auto orderer = db.prepare("INSERT INTO orderer(id, name, category, created_by_unit, created_at, updated_at) "
                              "VALUES (?, ?, 'unknown', 'pakila', 't', 't')");
    int source_id = 0;
    for (std::size_t o = 0; o < orderers.size(); ++o) {
        const auto id = static_cast<std::int64_t>(o + 1);
        orderer.bind_all(id, orderers[o].front());
        orderer.run();
        std::vector<register_plugin::OrdererCategory> categories;
        for (const auto& name : orderers[o]) {
            const auto n = register_plugin::normalize_name(name);
            std::optional<std::string> legal_form;
            if (!n.legal_form.empty()) legal_form = n.legal_form;
            record.bind_all(std::to_string(++source_id), id, name, n.key, legal_form,
                            static_cast<std::int64_t>(n.city_of_helsinki));
            record.run();
            categories.push_back(register_plugin::record_category(n.key, n.legal_form, n.city_of_helsinki));
        }
        expected.emplace_back(register_plugin::category_name(register_plugin::inferred_category(categories)));
    }

    migrate_register(db, dir, 15);

    std::vector<std::string> migrated;
    for (auto q = db.prepare("SELECT category FROM orderer ORDER BY id"); q.step();) migrated.push_back(q.get_text(0));
    EXPECT_EQ(migrated, expected);
    EXPECT_EQ(expected, (std::vector<std::string>{"company", "association", "foundation", "parish", "city", "unknown",
                                                  "association", "foundation", "parish", "company", "association",
                                                  "company"}));
}

}  // namespace
}  // namespace jobcenter
