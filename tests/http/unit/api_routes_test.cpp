// Unit tests of the endpoints a request path names and of the bounded route labels the metrics use.
#include <gtest/gtest.h>

#include "http/api_routes.hpp"

namespace {
using namespace jobcenter::http_api;
namespace json = boost::json;

TEST(ApiRoutes, NamesEachEndpointOfTheContract) {
    EXPECT_EQ(route_target("/healthz").endpoint, Endpoint::health);
    EXPECT_EQ(route_target("/metrics").endpoint, Endpoint::metrics);
    EXPECT_EQ(route_target("/api/plugins").endpoint, Endpoint::plugins);
    EXPECT_EQ(route_target("/api/whoami?x=1").endpoint, Endpoint::whoami);
    const RouteTarget command = route_target("/api/register/review-list");
    EXPECT_EQ(command.endpoint, Endpoint::command);
    EXPECT_EQ(command.group, "register");
    EXPECT_EQ(command.command, "review-list");
    for (const char* path : {"/api", "/api/", "/api/register", "/api/register/", "/api/Register/check",
                             "/api/register/check/more", "/api/register/che%63k", "/api//check"})
        EXPECT_EQ(route_target(path).endpoint, Endpoint::api_unknown) << path;
    EXPECT_EQ(route_target("/").endpoint, Endpoint::static_file);
    EXPECT_EQ(route_target("/app.js").endpoint, Endpoint::static_file);
}

TEST(ApiRoutes, CommandsArePostedAndEverythingElseIsGot) {
    EXPECT_EQ(method_of(Endpoint::command), boost::beast::http::verb::post);
    for (auto endpoint : {Endpoint::health, Endpoint::metrics, Endpoint::plugins, Endpoint::whoami, Endpoint::static_file})
        EXPECT_EQ(method_of(endpoint), boost::beast::http::verb::get);
}

TEST(ApiRoutes, LabelsOnlyKnownCommandsByTheirPath) {
    const json::object described{
        {"plugins", json::array{json::object{{"name", "register"},
                                             {"commands", json::array{json::object{{"name", "check"}}, "contact-add"}}}}}};
    const auto commands = known_commands(described);
    EXPECT_EQ(commands, (std::set<std::string>{"register/check", "register/contact-add"}));
    EXPECT_EQ(route_label(route_target("/api/register/check"), commands), "/api/register/check");
    EXPECT_EQ(route_label(route_target("/api/register/contact-add"), commands), "/api/register/contact-add");
    EXPECT_EQ(route_label(route_target("/api/register/no-such-command"), commands), "other");
    EXPECT_EQ(route_label(route_target("/api/x1/y2"), commands), "other");
    EXPECT_EQ(route_label(route_target("/api/nothing"), commands), "other");
    EXPECT_EQ(route_label(route_target("/healthz"), commands), "/healthz");
    EXPECT_EQ(route_label(route_target("/some/file.js"), commands), "static");
}

}  // namespace
