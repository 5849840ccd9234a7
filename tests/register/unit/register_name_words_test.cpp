// Tests of the name-word index: blocks filled and added as new records come, written again when records
// leave or arrive in the middle, and the lookups the entry-time check makes.
#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <sstream>

#include "register/index/name_words.hpp"

namespace jobcenter::register_plugin {
namespace {

class NameWords : public ::testing::Test {
protected:
    Database db = Database::open(":memory:");
    NameWords() {
        std::ifstream in(std::string(JOBCENTER_SOURCE_DIR) + "/schema/register/010_name_word_blocks.sql");
        std::stringstream sql;
        sql << in.rdbuf();
        // The migration's tables, without the rows it converts from the table it replaces.
        const std::string text = sql.str();
        for (std::size_t at = text.find("CREATE TABLE"); at != std::string::npos; at = text.find("CREATE TABLE", at + 1))
            db.exec(text.substr(at, text.find(") WITHOUT ROWID;", at) + 16 - at));
    }
    // (first record, count) of each block of `word`, in order.
    std::vector<std::pair<std::int64_t, std::int64_t>> blocks(const std::string& word) {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        auto q = db.prepare("SELECT first_record, count FROM name_word_block WHERE word = ? ORDER BY first_record");
        q.bind(1, word);
        while (q.step()) out.emplace_back(q.get_int(0), q.get_int(1));
        return out;
    }
    void add_range(const std::string& word, std::int64_t first, std::int64_t last) {
        NameWordChanges changes;
        for (std::int64_t id = first; id <= last; ++id) changes.add(id, {word});
        changes.write(db);
    }
};

using Blocks = std::vector<std::pair<std::int64_t, std::int64_t>>;

TEST_F(NameWords, EncodesIdsAsAJsonArrayAndReadsThemInOrder) {
    EXPECT_EQ(encode_record_ids({3, 15, 1002}), "[3,15,1002]");
    EXPECT_EQ(encode_record_ids({}), "[]");
    EXPECT_EQ(decode_record_ids("[1002, 3,15]"), (std::vector<std::int64_t>{3, 15, 1002}));
    EXPECT_TRUE(decode_record_ids("[]").empty());
}

TEST_F(NameWords, NewerRecordsFillTheLastBlockThenStartNewOnes) {
    const auto k = static_cast<std::int64_t>(name_word_block_size);
    add_range("kallio", 1, 2 * k + 10);
    EXPECT_EQ(blocks("kallio"), (Blocks{{1, k}, {k + 1, k}, {2 * k + 1, 10}}));
    add_range("kallio", 2 * k + 11, 2 * k + 20);
    EXPECT_EQ(blocks("kallio"), (Blocks{{1, k}, {k + 1, k}, {2 * k + 1, 20}})) << "the last block filled, no new one";
    add_range("kallio", 2 * k + 21, 3 * k + 5);
    EXPECT_EQ(blocks("kallio"), (Blocks{{1, k}, {k + 1, k}, {2 * k + 1, k}, {3 * k + 1, 5}}));
    EXPECT_EQ(records_with_word_count(db, "kallio"), 3 * k + 5);
    std::vector<std::int64_t> all(static_cast<std::size_t>(3 * k + 5));
    std::iota(all.begin(), all.end(), 1);
    EXPECT_EQ(records_with_word(db, "kallio", all.size()), all);
    EXPECT_TRUE(records_with_word(db, "kallio", all.size() - 1).empty()) << "more than the limit: too common to say anything";
}

TEST_F(NameWords, RecordsLeavingOrInTheMiddleRewriteTheWord) {
    add_range("siivous", 10, 20);
    NameWordChanges changes;
    changes.remove(12, "siivous kallio");  // an import renamed record 12
    changes.remove(15, "siivous");
    changes.add(15, {"siivous"});  // record 15 was re-imported and keeps the word
    changes.add(5, {"siivous", "siivous"});  // an older record renamed into the word, the word twice
    changes.write(db);
    EXPECT_EQ(records_with_word(db, "siivous", 100), (std::vector<std::int64_t>{5, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20}));
    EXPECT_EQ(blocks("siivous"), (Blocks{{5, 11}}));
    EXPECT_EQ(records_with_word_count(db, "siivous"), 11);
    EXPECT_TRUE(blocks("kallio").empty()) << "a word no record had stays out";
    EXPECT_EQ(records_with_words_count(db, {"kallio", "siivous"}), (std::map<std::string, std::int64_t>{{"siivous", 11}}));
    NameWordChanges all_gone;
    for (std::int64_t id : records_with_word(db, "siivous", 100)) all_gone.remove(id, "siivous");
    all_gone.write(db);
    EXPECT_TRUE(blocks("siivous").empty());
    EXPECT_TRUE(records_with_words_count(db, {"siivous"}).empty()) << "a word no record has any more is gone";
}

TEST_F(NameWords, PrefixesAndCountsOfSeveralWords) {
    NameWordChanges changes;
    changes.add(1, {"virtanen", "siivous"});
    changes.add(2, {"virtasen", "virtanen"});
    changes.add(3, {"virta"});
    changes.add(4, {"nurmi"});
    changes.write(db);
    EXPECT_EQ(records_with_word(db, "virt", 10, true), (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_TRUE(records_with_word(db, "virt", 3, true).empty()) << "four words under the prefix count against the limit";
    EXPECT_TRUE(records_with_word(db, "puutarha", 10).empty());
    EXPECT_EQ(records_with_words_count(db, {"virtanen", "nurmi", "puutarha"}),
              (std::map<std::string, std::int64_t>{{"nurmi", 1}, {"virtanen", 2}}));
    EXPECT_EQ(records_with_word_count(db, "puutarha"), 0);
}

}  // namespace
}  // namespace jobcenter::register_plugin
