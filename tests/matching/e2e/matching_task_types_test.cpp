// End-to-end tests of the matching plugin's commands: the task-type code list.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "support/cli_fixture.hpp"

namespace {
using MatchingTaskTypes = jobcenter::testing::CliTest;

TEST_F(MatchingTaskTypes, ListsTheCodeListWholeAndByArea) {
    auto all = jc_json({"matching", "task-types"});
    EXPECT_GE(all.at("count").as_int64(), 20);
    auto cleaning = jc_json({"matching", "task-types", "--area", "cleaning"});
    for (const auto& row : cleaning.at("rows").as_array()) EXPECT_EQ(row.at("area").as_string(), "cleaning");
}

}  // namespace
