// Tests on the labelled record-linkage data sets in ../shared/data (not part of the repository): the CSV
// reader on three published files and a whole import of the Chicago registers. The suite has the ctest
// label shared-data; without the data it fails, saying where it looked.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "register/import/csv_reader.hpp"
#include "register/support/register_cli_fixture.hpp"

namespace {
using namespace jobcenter::register_plugin;
namespace fs = std::filesystem;

// A file of the shared data sets: under $JOBCENTER_SHARED when set, else ../shared beside the checkout.
// Fails the test when it is missing, instead of passing without having looked.
fs::path shared_data_file(const std::string& relative) {
    const char* given = std::getenv("JOBCENTER_SHARED");
    const fs::path path = fs::path(given && *given ? given : JOBCENTER_SHARED_DIR) / "data" / relative;
    if (!fs::exists(path))
        ADD_FAILURE() << "the labelled data file " << path.string()
                      << " is missing: this suite (ctest label shared-data) needs the shared data sets; set "
                         "JOBCENTER_SHARED to the folder that holds data/, or leave the suite out with "
                         "`ctest -LE shared-data`";
    return path;
}

std::vector<std::string> texts(const std::vector<std::string_view>& fields) { return {fields.begin(), fields.end()}; }

TEST(RegisterCsv, ChicagoEarlyChildhoodCentres) {
    const auto path = shared_data_file("dedupe-examples/csv_example_input_with_true_ids.csv");
    CsvTable t = read_csv_file(path);
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.encoding, "UTF-8");
    ASSERT_EQ(t.records.size(), 3337u);
    ASSERT_EQ(t.header.size(), 33u);
    EXPECT_EQ(t.header[0], "True Id");
    EXPECT_EQ(t.header[3], "Site name");
    EXPECT_EQ(t.header[28], "Email Address");
    EXPECT_EQ(t.records[0].line, 2u);
    EXPECT_EQ(t.records[0].fields[3], "Chicago Commons\nAssociation St Catherine's - St. Lucy School");
    EXPECT_EQ(t.records[0].fields[11], "Chicago Commons\nAssociation");
    EXPECT_EQ(t.records[1].line, 5u);
    EXPECT_EQ(t.records[1].fields[3], "Precious Little One's Learning Center, Inc.");  // trimmed inside quotes
    EXPECT_EQ(t.records[1].fields[4], "221 E. 51st St.");
    EXPECT_EQ(t.records.back().fields[3], "Chesterfield Tom Thumb Day Care Center & Kindergarten");
}

TEST(RegisterCsv, RestaurantsWithCommaSpaceSeparators) {
    const auto path = shared_data_file("restaurants/restaurant-nophone-training.csv");
    CsvTable t = read_csv_file(path);
    EXPECT_EQ(t.delimiter, ',');
    EXPECT_EQ(t.header, (std::vector<std::string>{"name", "address", "city", "cuisine", "unique_id"}));
    ASSERT_EQ(t.records.size(), 864u);
    EXPECT_EQ(texts(t.records[0].fields),
              (std::vector<std::string>{"arnie morton's of chicago", "435 s. la cienega blv.", "los angeles", "american", "'0'"}));
    EXPECT_EQ(t.records.back().fields[0], "wa-ha-ka oaxaca mexican grill");
    EXPECT_EQ(t.records.back().fields[4], "'752'");
    for (const auto& r : t.records) {
        ASSERT_FALSE(r.fields[0].empty()) << "line " << r.line;
        ASSERT_NE(r.fields[0].front(), '"') << "line " << r.line;
        ASSERT_TRUE(r.fields[2].empty() || r.fields[2].front() != ' ') << "line " << r.line;
    }
}

TEST(RegisterCsv, FebrlWithSpacesBeforeHeaders) {
    const auto path = shared_data_file("febrl/febrl_dataset3.csv");
    CsvTable t = read_csv_file(path);
    EXPECT_EQ(t.delimiter, ',');
    ASSERT_EQ(t.header.size(), 11u);
    EXPECT_EQ(t.header[0], "rec_id");
    EXPECT_EQ(t.header[1], "given_name");
    EXPECT_EQ(t.header[10], "soc_sec_id");
    ASSERT_EQ(t.records.size(), 5000u);
    EXPECT_EQ(t.records[0].fields[0], "rec-1496-org");
    EXPECT_EQ(t.records[0].fields[1], "mitchell");
    EXPECT_EQ(t.records[3].fields[2], "");  // isabelle has no surname
    EXPECT_EQ(t.records[4999].line, 5001u);
}

class SharedDataImport : public jobcenter::testing::RegisterCliTest {
protected:
    void SetUp() override { add_unit("pakila"); }
};

TEST_F(SharedDataImport, ChicagoRegistersImportWhole) {
    const auto chicago = shared_data_file("dedupe-examples/csv_example_input_with_true_ids.csv");
    auto r = jc_json({"register", "import", chicago.string(), "--unit", "pakila", "--id-column", "Id", "--map",
                      "name=Site name", "--map", "postcode=Zip", "--map", "email=Email Address", "--phone-country", "1"});
    EXPECT_EQ(r.at("added").as_int64(), 3337);
    EXPECT_EQ(r.at("skipped").as_int64(), 0);
}

}  // namespace
