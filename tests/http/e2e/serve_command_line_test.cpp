// End-to-end tests of the `serve` word itself: its help, the options it refuses (the config names the files
// and each token the unit and role), a listen address it cannot use, and the warning for a non-loopback one.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>

#include "http/support/serve_fixture.hpp"

namespace {

class ServeCommandLine : public jobcenter::testing::ServeTest {};

TEST_F(ServeCommandLine, HelpNamesTheConfigAndTheListenAddress) {
    const auto help = jobcenter::testing::run_jobcenter({"serve", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("jobcenter [--verbose] serve --config FILE [--listen ADDRESS:PORT]"), std::string::npos)
        << help.out;
    const auto global = jobcenter::testing::run_jobcenter({"--help"});
    EXPECT_NE(global.out.find("serve --config FILE"), std::string::npos) << global.out;
}

TEST_F(ServeCommandLine, RefusesAMissingConfigAndOptionsTheTokenOrConfigDecide) {
    const auto bare = jobcenter::testing::run_jobcenter({"serve"});
    EXPECT_EQ(bare.exit_code, 2);
    EXPECT_NE(bare.err.find("serve needs --config FILE"), std::string::npos) << bare.err;

    write_config();
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--db", db}, {"--role", "admin"},
                                                 {"--unit", "pakila"}, {"--plugins", "/tmp"}}) {
        std::vector<std::string> args{"serve", "--config", config_file.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto refused = jobcenter::testing::run_jobcenter(args);
        EXPECT_EQ(refused.exit_code, 2) << extra[0];
        EXPECT_NE(refused.err.find(extra[0] + ": " + extra[0] + " does not go with serve"), std::string::npos)
            << refused.err;
    }
    const auto stray = jobcenter::testing::run_jobcenter({"serve", "--config", config_file.string(), "extra"});
    EXPECT_EQ(stray.exit_code, 2);
    EXPECT_NE(stray.err.find("unexpected argument 'extra'"), std::string::npos) << stray.err;
    const auto bad_listen =
        jobcenter::testing::run_jobcenter({"serve", "--config", config_file.string(), "--listen", "localhost:80"});
    EXPECT_EQ(bad_listen.exit_code, 2);
    EXPECT_NE(bad_listen.err.find("--listen: 'localhost' is not an IP address"), std::string::npos) << bad_listen.err;
}

TEST_F(ServeCommandLine, APortInUseIsRefusedNamingListen) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor taken(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    write_config();
    const auto port = std::to_string(taken.local_endpoint().port());
    const auto refused =
        jobcenter::testing::run_jobcenter({"serve", "--config", config_file.string(), "--listen", "127.0.0.1:" + port});
    EXPECT_EQ(refused.exit_code, 5);
    EXPECT_NE(refused.err.find("listen: cannot listen on 127.0.0.1:" + port), std::string::npos) << refused.err;
}

TEST_F(ServeCommandLine, ANonLoopbackAddressIsServedWithAWarning) {
    start({"--listen", "0.0.0.0:0"});
    EXPECT_EQ(server->first_line().rfind("listening on 0.0.0.0:", 0), 0u) << server->first_line();
    EXPECT_EQ(get("/healthz").status, 200u);
    ASSERT_EQ(stop(), 0);
    EXPECT_NE(server->stderr_text().find("which is not a loopback address"), std::string::npos) << server->stderr_text();
    server.reset();
}

}  // namespace
