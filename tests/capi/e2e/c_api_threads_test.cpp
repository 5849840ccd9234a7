// One handle shared by many threads calling at once, as jobcenter.h allows: every call answers, and every write
// acknowledged is in the database afterwards.
#include <thread>
#include <vector>

#include "capi/support/capi_fixture.hpp"

namespace {
using namespace jobcenter::testing;

using CApiThreads = CApiTest;

TEST_F(CApiThreads, EightThreadsCheckAndLogContactsAtOnceAndEveryWriteIsCounted) {
    constexpr int threads = 8;
    constexpr int calls_per_thread = 200;
    const std::string secret = secrets.at("crm-pakila");
    std::vector<int> acknowledged(threads, 0), checked(threads, 0), failed(threads, 0);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            const std::string contact =
                R"({"orderer": 1, "staff": "thread-)" + std::to_string(t) + R"(", "outcome": "waiting"})";
            for (int i = 0; i < calls_per_thread; ++i) {
                const bool write = i % 2 == 1;
                char* reply = nullptr;
                const jc_status status =
                    write ? jc_call(handle, secret.c_str(), "register.contact-add", contact.c_str(), &reply)
                          : jc_call(handle, secret.c_str(), "register.check", R"({"name": "Esimerkki Siivous"})", &reply);
                if (status != JC_OK || !reply) ++failed[t];
                else if (write) ++acknowledged[t];
                else ++checked[t];
                jc_free(reply);
            }
        });
    for (auto& thread : pool) thread.join();

    for (int t = 0; t < threads; ++t) {
        EXPECT_EQ(failed[t], 0) << "thread " << t;
        EXPECT_EQ(checked[t], calls_per_thread / 2) << "thread " << t;
        EXPECT_EQ(acknowledged[t], calls_per_thread / 2) << "thread " << t;
        EXPECT_EQ(count("SELECT count(*) FROM contact_log WHERE staff = 'thread-" + std::to_string(t) + "'"),
                  acknowledged[t]);
    }
    EXPECT_EQ(count("SELECT count(*) FROM contact_log"), threads * calls_per_thread / 2);
}

}  // namespace
