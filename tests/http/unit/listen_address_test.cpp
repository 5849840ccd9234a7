// Unit tests of "ADDRESS:PORT" as --listen and the config's `listen` give it.
#include <gtest/gtest.h>

#include "http/listen_address.hpp"
#include "jobcenter/errors.hpp"

namespace {
using namespace jobcenter::http_api;

TEST(ListenAddress, ReadsIpv4AndBracketedIpv6WithAnyPort) {
    const auto v4 = parse_listen("127.0.0.1:8080", "--listen");
    EXPECT_EQ(v4.address().to_string(), "127.0.0.1");
    EXPECT_EQ(v4.port(), 8080);
    EXPECT_EQ(endpoint_text(parse_listen("[::1]:0", "--listen")), "[::1]:0");
    EXPECT_EQ(endpoint_text(parse_listen("0.0.0.0:65535", "--listen")), "0.0.0.0:65535");
    EXPECT_EQ(endpoint_text(listen_endpoint("::1", 8080, "listen")), "[::1]:8080");
}

TEST(ListenAddress, RefusesWhatIsNotAddressColonPortNamingWhere) {
    for (const char* text : {"127.0.0.1", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:65536", "localhost:8080", ":8080",
                             "::1:8080x"}) {
        try {
            parse_listen(text, "--listen");
            ADD_FAILURE() << "accepted " << text;
        } catch (const jobcenter::UsageError& e) {
            EXPECT_EQ(e.where(), "--listen") << text;
        }
    }
}

}  // namespace
