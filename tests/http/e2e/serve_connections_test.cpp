// End-to-end tests of how `jobcenter serve` treats connections: a client sending a byte a second is cut off
// at request_timeout, a silent kept-alive connection is closed at idle_timeout, and SIGTERM stops accepting
// while a request in flight completes and the process exits 0.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http/support/serve_fixture.hpp"
#include "jobcenter/database.hpp"

namespace {
namespace json = boost::json;
using jobcenter::testing::HttpConnection;
using Clock = std::chrono::steady_clock;

class ServeConnections : public jobcenter::testing::ServeTest {
protected:
    std::string pakila_staff;

    void SetUp() override {
        ASSERT_EQ(jc({"demo"}).exit_code, 0);
        pakila_staff = add_token("crm-pakila", "pakila", "staff");
    }
    // jobcenter_http_in_flight as /metrics reports it (the metrics request itself included).
    long in_flight() {
        const std::string text = get("/metrics").body();
        const std::string name = "\njobcenter_http_in_flight ";
        const auto at = text.find(name);
        return at == std::string::npos ? -1 : std::stol(text.substr(at + name.size()));
    }
};

TEST_F(ServeConnections, AClientSendingAByteASecondIsCutOff) {
    settings["request_timeout_seconds"] = "2";
    start();
    HttpConnection slow = connect();
    const std::string request = "POST /api/register/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + pakila_staff +
                                "\r\nContent-Length: 20\r\n\r\n{\"name\":\"Kukka Oy\"}";
    const auto began = Clock::now();
    bool cut_off = false;
    boost::system::error_code ec;
    for (char byte : request) {
        boost::asio::write(slow.socket(), boost::asio::buffer(&byte, 1), ec);
        if (ec) {
            cut_off = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::seconds(1));
        if (Clock::now() - began > std::chrono::seconds(30)) break;
    }
    if (!cut_off) cut_off = slow.closed_by_server();
    EXPECT_TRUE(cut_off) << "the connection was not closed";
    EXPECT_LT(Clock::now() - began, std::chrono::seconds(2 + 8)) << "closed near request_timeout, not at the end";
    EXPECT_EQ(get("/healthz").status, 200u) << "the server goes on serving others";
}

TEST_F(ServeConnections, ASilentKeptAliveConnectionIsClosedAtIdleTimeout) {
    settings["idle_timeout_seconds"] = "1";
    start();
    HttpConnection connection = connect();
    EXPECT_EQ(connection.get("/healthz").status, 200u);
    EXPECT_TRUE(connection.closed_by_server());
}

TEST_F(ServeConnections, SigtermLetsTheRequestInFlightFinishAndExitsZero) {
    start();
    const auto orderer =
        jc_json({"register", "check", "--name", "Kallion Kukka"}).at("matches").at(0).at("orderer").as_int64();
    HttpConnection idle = connect();
    EXPECT_EQ(idle.get("/healthz").status, 200u);

    // Another process holds the write lock: the contact waits for it inside the server.
    auto holder = jobcenter::Database::open(db);
    auto lock = std::make_unique<jobcenter::Transaction>(holder);
    HttpConnection writer = connect();
    const json::object contact{{"orderer", orderer}, {"staff", "Pekka"}, {"outcome", "waiting"}, {"note", "in flight"}};
    const std::string body = json::serialize(contact);
    writer.send_raw("POST /api/register/contact-add HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + pakila_staff +
                    "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                    body);
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (in_flight() < 2 && Clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_EQ(in_flight(), 2) << "the contact is being answered";

    server->signal(SIGTERM);
    EXPECT_TRUE(idle.closed_by_server()) << "an idle connection is closed at once";
    EXPECT_THROW(connect(), boost::system::system_error) << "no new connections";
    lock->commit();
    lock.reset();

    const auto reply = writer.read_reply();
    EXPECT_EQ(reply.status, 200u) << reply.body();
    EXPECT_FALSE(reply.message.keep_alive()) << "the connection closes after it";
    EXPECT_EQ(server->wait(), 0) << server->stderr_text();
    server.reset();
    const json::value listed = jc_json({"register", "contact", "list", std::to_string(orderer)});
    EXPECT_NE(json::serialize(listed).find("in flight"), std::string::npos) << listed;
}

}  // namespace
