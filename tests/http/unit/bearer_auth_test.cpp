// Unit tests of the bearer token of a request: the secret taken from the Authorization header, and the
// 401 and 429 replies for a missing, unknown or throttled token.
#include <gtest/gtest.h>

#include "http/bearer_auth.hpp"

namespace {
using namespace jobcenter::http_api;
using jobcenter::AuthOutcome;
using jobcenter::AuthResult;

TEST(BearerAuth, TakesTheSecretOfABearerHeader) {
    EXPECT_EQ(bearer_secret("Bearer jc_abc"), "jc_abc");
    EXPECT_EQ(bearer_secret("bearer   jc_abc  "), "jc_abc");
    EXPECT_EQ(bearer_secret("BEARER\tjc_abc"), "jc_abc");
    EXPECT_EQ(bearer_secret("Basic dXNlcjpwYXNz"), "");
    EXPECT_EQ(bearer_secret("Bearer"), "");
    EXPECT_EQ(bearer_secret("Bearer   "), "");
    EXPECT_EQ(bearer_secret("Bearerjc_abc"), "");
    EXPECT_EQ(bearer_secret(""), "");
}

TEST(BearerAuth, AnswersAMissingOrUnknownToken401AndAThrottledOne429) {
    const Response missing = authentication_refusal({AuthOutcome::missing, std::nullopt, {}});
    EXPECT_EQ(missing.result(), http::status::unauthorized);
    EXPECT_EQ(missing[http::field::www_authenticate], "Bearer realm=\"jobcenter\"");
    const auto missing_body = boost::json::parse(missing.body());
    EXPECT_EQ(missing_body.at("error").at("kind"), "unauthorized");
    EXPECT_EQ(missing_body.at("error").at("where"), "Authorization");

    const Response unknown = authentication_refusal({AuthOutcome::unknown, std::nullopt, {}});
    EXPECT_EQ(unknown.result(), http::status::unauthorized);
    EXPECT_EQ(unknown[http::field::www_authenticate], "Bearer realm=\"jobcenter\", error=\"invalid_token\"");

    const Response throttled = authentication_refusal({AuthOutcome::throttled, std::nullopt, std::chrono::seconds(8)});
    EXPECT_EQ(throttled.result(), http::status::too_many_requests);
    EXPECT_EQ(throttled[http::field::retry_after], "8");
    EXPECT_EQ(boost::json::parse(throttled.body()).at("error").at("kind"), "throttled");
    EXPECT_EQ(throttled[http::field::cache_control], "no-store");
    EXPECT_EQ(throttled["X-Content-Type-Options"], "nosniff");
}

}  // namespace
