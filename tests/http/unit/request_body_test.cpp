// Unit tests of a POST body read as a command's request: an object, {} when empty, and 400 with a message
// naming the problem for malformed JSON, too deep nesting and anything but an object.
#include <gtest/gtest.h>

#include "http/http_reply.hpp"
#include "http/request_body.hpp"

namespace {
using jobcenter::http_api::command_request;
using jobcenter::http_api::HttpRefusal;

HttpRefusal refusal_of(const std::string& body, unsigned depth = 32) {
    try {
        command_request(body, depth);
    } catch (const HttpRefusal& refusal) {
        return refusal;
    }
    ADD_FAILURE() << "accepted: " << body;
    return {};
}

TEST(RequestBody, ReadsAnObjectAndTakesAnEmptyBodyForNoFields) {
    EXPECT_EQ(command_request(R"({"name":"Esimerkki Oy","limit":5})", 32).at("limit").as_int64(), 5);
    EXPECT_TRUE(command_request("", 32).empty());
    EXPECT_TRUE(command_request(" \r\n", 32).empty());
}

TEST(RequestBody, RefusesMalformedJsonDeepNestingAndNonObjects) {
    const HttpRefusal malformed = refusal_of(R"({"name": "Esimerkki)");
    EXPECT_EQ(malformed.status, boost::beast::http::status::bad_request);
    EXPECT_EQ(malformed.where, "body");
    EXPECT_NE(malformed.message.find("not valid JSON"), std::string::npos) << malformed.message;

    const std::string deep = std::string(40, '[') + std::string(40, ']');
    const HttpRefusal too_deep = refusal_of(R"({"a":)" + deep + "}");
    EXPECT_EQ(too_deep.status, boost::beast::http::status::bad_request);
    EXPECT_EQ(too_deep.message, "the request nests deeper than 32 levels of objects and arrays (max_json_depth)");
    EXPECT_NO_THROW(command_request(R"({"a":)" + std::string(30, '[') + std::string(30, ']') + "}", 32));

    EXPECT_EQ(refusal_of("[1,2]").message, "the request must be a JSON object");
    EXPECT_EQ(refusal_of("\"text\"").message, "the request must be a JSON object");
}

}  // namespace
