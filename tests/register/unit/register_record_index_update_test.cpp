// An index brought up to date in memory (records changed in place, given other orderers, added after the
// last one), and a copy of one, are the index made anew from the records as they now are: the same values
// with the same ids, words, weights and counts of names sharing a value.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "register/index/record_index.hpp"

namespace {
using namespace jobcenter::register_plugin;

struct IndexRow {
    std::int64_t id, orderer;
    std::string name, phone{}, email{}, street{};
};

// Rows as the database would give them back (StoredRows), ascending ids.
StoredRows stored(const std::vector<IndexRow>& rows) {
    StoredRows out;
    for (const auto& r : rows) {
        StoredRows::Row row{};
        row.id = r.id;
        row.orderer_id = r.orderer;
        const std::string texts[StoredRows::texts] = {r.name, "", "", "", r.phone, r.email, r.street, "", ""};
        for (int i = 0; i < StoredRows::texts; ++i) {
            row.offset[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(out.text.size());
            out.text += texts[i];
        }
        row.offset[StoredRows::texts] = static_cast<std::uint32_t>(out.text.size());
        out.rows.push_back(row);
    }
    return out;
}

RecordIndex made_from(const std::vector<IndexRow>& rows) {
    RecordIndex index;
    const StoredRows all = stored(rows);
    for (const auto& row : all.rows) index.add_stored(all.keys(row));
    index.finish();
    return index;
}

// Every record's keys and orderer, its name's words with their weights, and how many names share its values;
// the same values with the same ids (a load numbers them in the order it meets them), none left over.
void expect_same_register(const RecordIndex& a, const RecordIndex& b) {
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a.value_count(), b.value_count());
    for (std::uint32_t v = 0; v < a.value_count(); ++v) EXPECT_EQ(a.text(v), b.text(v)) << "value " << v;
    for (std::size_t i = 0; i < a.size(); ++i) {
        SCOPED_TRACE("record at " + std::to_string(i));
        const IndexedRecord &x = a.records[i], &y = b.records[i];
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.orderer_id, y.orderer_id);
        for (auto field : {&IndexedRecord::name, &IndexedRecord::phone, &IndexedRecord::email, &IndexedRecord::email_domain,
                           &IndexedRecord::street}) {
            EXPECT_EQ(x.*field, y.*field);
            EXPECT_EQ(a.names_sharing(x.*field), b.names_sharing(y.*field));
        }
        ASSERT_EQ(x.token_count, y.token_count);
        EXPECT_FLOAT_EQ(x.name_norm, y.name_norm);
        for (std::uint32_t t = 0; t < x.token_count; ++t) {
            EXPECT_EQ(a.tokens[x.first_token + t].token, b.tokens[y.first_token + t].token);
            EXPECT_FLOAT_EQ(a.tokens[x.first_token + t].weight, b.tokens[y.first_token + t].weight);
            EXPECT_EQ(a.token_records[x.first_token + t], b.token_records[y.first_token + t]);
        }
    }
}

const std::vector<IndexRow> first_rows = {
    {1, 1, "kukkakauppa aurinko", "+358911111", "info@aurinko.fi", "mannerheimintie 1"},
    {2, 2, "kukkakauppa aurinko oy", "+358911111", "", "mannerheimintie 1"},
    {3, 3, "rautakauppa kivi", "+358922222", "kivi@gmail.com", ""},
    {4, 4, "kahvila omena", "", "", "aleksanterinkatu 5"},
    {5, 5, "omena kahvila", "+358933333", "", "aleksanterinkatu 5"},
};

TEST(RegisterRecordIndexUpdate, RecordsChangedMovedAndAddedWeighAsInAnIndexMadeAnew) {
    RecordIndex kept = made_from(first_rows);
    std::vector<IndexRow> now = first_rows;
    now[1].orderer = 1;                                                // given another orderer only
    // Changed in place: a word no record had (met earlier than the words of records after it), and a phone
    // and email no record has any more.
    now[2] = {3, 3, "saapas rautakauppa", "+358911111", "", "mannerheimintie 1"};
    now.push_back({6, 6, "kukkakauppa aurinko", "+358944444", "", ""});    // added
    now.push_back({7, 6, "saapas", "", "kivi@gmail.com", ""});
    ASSERT_TRUE(kept.update_stored(stored({now[1], now[2], now[5], now[6]})));
    EXPECT_FALSE(kept.weighed()) << "records changed: weights to compute again";
    kept.finish();
    expect_same_register(kept, made_from(now));
}

TEST(RegisterRecordIndexUpdate, OnlyOrderersChangedKeepsTheWeights) {
    RecordIndex kept = made_from(first_rows);
    std::vector<IndexRow> now = first_rows;
    now[4].orderer = 4;
    ASSERT_TRUE(kept.update_stored(stored({now[4]})));
    EXPECT_TRUE(kept.weighed());
    ASSERT_TRUE(kept.set_orderer(1, 2));
    now[0].orderer = 2;
    EXPECT_FALSE(kept.set_orderer(99, 2)) << "no such record";
    expect_same_register(kept, made_from(now));
}

TEST(RegisterRecordIndexUpdate, ARecordBetweenItsRecordsIsRefusedAndChangesNothing) {
    std::vector<IndexRow> gapped = first_rows;
    gapped.erase(gapped.begin() + 2);  // ids 1, 2, 4, 5
    RecordIndex kept = made_from(gapped);
    EXPECT_FALSE(kept.update_stored(stored({{1, 9, "toinen nimi"}, {3, 3, "rautakauppa kivi"}})));
    EXPECT_TRUE(kept.weighed());
    expect_same_register(kept, made_from(gapped));
}

TEST(RegisterRecordIndexUpdate, ACopyIsTheSameRegisterAndAddingToItLeavesTheOriginal) {
    const RecordIndex original = made_from(first_rows);
    RecordIndex copy = original.copy_with_room(2);
    expect_same_register(copy, original);
    EXPECT_EQ(copy.lookup("kahvila"), original.lookup("kahvila"));
    std::vector<IndexRow> more = first_rows;
    more.push_back({6, 6, "kahvila aurinko", "+358955555", "", ""});
    more.push_back({7, 7, "uusi yritys", "", "", ""});
    ASSERT_TRUE(copy.update_stored(stored({more[5], more[6]})));
    copy.finish();
    expect_same_register(copy, made_from(more));
    expect_same_register(original, made_from(first_rows));
    EXPECT_EQ(original.lookup("uusi"), no_value);
}

}  // namespace
