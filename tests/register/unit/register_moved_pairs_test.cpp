// The moved-pairs finder on small hand-made registers: which records an incremental run must start from
// besides the new and changed ones, when a word's count, a shared value's count of names, a record's
// rarest words or a common block's window of nearest names moved since the last run.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "register/incremental/moved_pairs.hpp"
#include "register/index/blocking.hpp"
#include "register/index/count_steps.hpp"

namespace {
using namespace jobcenter::register_plugin;
using Positions = std::vector<std::uint32_t>;

struct MovedPairsRow {
    std::string name;
    std::string phone{}, email{}, street{};
};

// The register as it is now: record i (id i + 1) at position i, its name's words split at spaces.
RecordIndex build(const std::vector<MovedPairsRow>& rows) {
    RecordIndex index;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        IndexedRecord r;
        r.id = static_cast<std::int64_t>(i) + 1;
        r.name = index.intern(rows[i].name);
        r.phone = index.intern(rows[i].phone);
        r.email = index.intern(rows[i].email);
        r.street = index.intern(rows[i].street);
        std::vector<std::string> words;
        for (auto word : name_key_words(rows[i].name)) words.emplace_back(word);
        index.add(r, words);
    }
    index.finish();
    return index;
}

Positions moved_records(const RecordIndex& index, const RegisterChanges& changes) {
    const MatchRules rules;
    MovedPairs moved(index, rules, changes);
    CandidateNeighbours candidates(index, rules.blocking);
    return moved.records(candidates);
}

// Names no two of which are spellings of one another.
const std::vector<std::string> unlike_names = {"aurinko", "bensiini", "cembalo", "dynamo",  "ehtoo",   "fasaani",
                                               "gorilla", "hiekka",   "ilves",   "jousi",   "kivi",    "laituri",
                                               "mansikka", "norsu",   "omena",   "pyykki",  "rusina",  "saapas"};

// Records that no change touches: each name's words and values its own.
void add_background(std::vector<MovedPairsRow>& rows) {
    const char* names[] = {"tausta yksi", "tausta kaksi", "tausta kolme", "toinen tausta"};
    for (const char* name : names) rows.push_back({name, "", "", ""});
}

std::uint32_t position_of_next(const std::vector<MovedPairsRow>& rows) { return static_cast<std::uint32_t>(rows.size()); }

Positions sorted(Positions positions) {
    std::sort(positions.begin(), positions.end());
    return positions;
}

TEST(RegisterMovedPairs, AWordWhoseCountCrossesAStepMovesItsRecords) {
    ASSERT_NE(count_step(7), count_step(8));
    std::vector<MovedPairsRow> rows;
    add_background(rows);
    Positions with_word;
    for (std::size_t k = 0; k < 7; ++k) {
        with_word.push_back(position_of_next(rows));
        rows.push_back({"kukkakauppa " + unlike_names[k]});
    }
    const std::uint32_t added = position_of_next(rows);
    rows.push_back({"kukkakauppa " + unlike_names[7]});  // the word's eighth record
    const RecordIndex index = build(rows);
    with_word.push_back(added);
    EXPECT_EQ(moved_records(index, {{added}, {}}), sorted(with_word));
}

TEST(RegisterMovedPairs, ACountThatStaysWithinItsStepMovesNothing) {
    ASSERT_EQ(count_step(9), count_step(10));
    std::vector<MovedPairsRow> rows;
    add_background(rows);
    for (std::size_t k = 0; k < 9; ++k) rows.push_back({"kukkakauppa " + unlike_names[k], "+358401000000"});
    // The tenth record with the word, and the tenth name with the phone.
    const std::uint32_t added = position_of_next(rows);
    rows.push_back({"kukkakauppa " + unlike_names[9], "+358401000000"});
    const RecordIndex index = build(rows);
    EXPECT_EQ(moved_records(index, {{added}, {}}), Positions{added});
}

enum class SharedField { phone, email, street };

MovedPairsRow carrying(SharedField field, std::string name) {
    MovedPairsRow row{std::move(name)};
    switch (field) {
        case SharedField::phone: row.phone = "+358401000000"; break;
        case SharedField::email: row.email = "info@yhteinen.fi"; break;
        case SharedField::street: row.street = "yhteinen katu 1"; break;
    }
    return row;
}

std::uint32_t value_of(const IndexedRecord& r, SharedField field) {
    switch (field) {
        case SharedField::phone: return r.phone;
        case SharedField::email: return r.email;
        case SharedField::street: return r.street;
    }
    return no_value;
}

TEST(RegisterMovedPairs, AValueWhoseCountOfNamesMovesAStepMovesItsCarriers) {
    ASSERT_NE(count_step(7), count_step(8));
    for (SharedField field : {SharedField::phone, SharedField::email, SharedField::street}) {
        std::vector<MovedPairsRow> rows;
        add_background(rows);
        Positions carriers;
        for (std::size_t k = 0; k < 7; ++k) {
            carriers.push_back(position_of_next(rows));
            rows.push_back(carrying(field, unlike_names[k]));
        }
        const std::uint32_t added = position_of_next(rows);
        rows.push_back(carrying(field, unlike_names[7]));  // the value's eighth name
        const RecordIndex index = build(rows);
        const int field_number = static_cast<int>(field);
        ASSERT_EQ(index.names_sharing(value_of(index.records[added], field)), 8u) << field_number;
        carriers.push_back(added);
        EXPECT_EQ(moved_records(index, {{added}, {}}), sorted(carriers)) << field_number;
    }
}

TEST(RegisterMovedPairs, ARecordWhoseRarestWordsChangedIsFound) {
    // Blocking chooses a name's two rarest words. "betasana" is in 13 records at the last run and 15 now,
    // "gammasana" in 14 both times (each count within its step): a name with both and a rarer word chose
    // "betasana" then and "gammasana" now. One whose third word is commoner still chooses "betasana".
    ASSERT_EQ(count_step(13), count_step(15));
    std::vector<MovedPairsRow> rows;
    add_background(rows);
    const std::uint32_t rechosen = position_of_next(rows);
    rows.push_back({"harvinainen betasana gammasana"});
    rows.push_back({"harvinaisempi betasana deltasana"});
    for (std::size_t k = 0; k < 11; ++k) rows.push_back({"betasana " + unlike_names[k]});
    for (std::size_t k = 0; k < 13; ++k) rows.push_back({"gammasana " + unlike_names[k]});
    for (std::size_t k = 0; k < 18; ++k) rows.push_back({"deltasana " + unlike_names[k]});
    const Positions added = {position_of_next(rows), position_of_next(rows) + 1};
    rows.push_back({"betasana uusi"});
    rows.push_back({"betasana uudempi"});
    const RecordIndex index = build(rows);
    EXPECT_EQ(moved_records(index, {added, {}}), sorted({added[0], added[1], rechosen}));
}

TEST(RegisterMovedPairs, ARecordLeavingACommonBlockShiftsTheWindowAcrossIt) {
    // Twenty records of one name: a block too common to pair whole, so each record meets its six nearest by
    // name (ties by position). Record 10 changed its name in place and left: the records six places apart
    // across it were seven apart at the last run, and now meet (their identical names score at the link).
    const MatchRules rules;
    ASSERT_EQ(rules.blocking.window, 6u);
    ASSERT_LT(rules.blocking.pair_whole, 19u);
    ASSERT_EQ(count_step(19), count_step(20));
    std::vector<MovedPairsRow> rows;
    for (int k = 0; k < 20; ++k) rows.push_back({"kotipalvelu"});
    rows[10].name = "muutettu nimi";
    add_background(rows);
    const RecordIndex index = build(rows);
    ReplacedKeys left;
    left.position = 10;
    left.name_key = "kotipalvelu";
    EXPECT_EQ(moved_records(index, {{}, {left}}), (Positions{4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
}

}  // namespace
