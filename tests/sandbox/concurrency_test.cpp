// Parallel clients while the state changes underneath: answers stay well-formed and counts add up.

#include <atomic>
#include <thread>

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

TEST(ConcurrencyTest, ParallelSearchesWhileOrdersKeysAndFaultsChange) {
    SandboxHarness harness;
    harness.sandbox().resetStats();
    constexpr int kThreads = 4;
    constexpr int kCallsPerThread = 40;
    std::atomic<int> answered{0};
    std::atomic<int> badStatus{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < kThreads; ++t) {
        clients.emplace_back([&] {
            for (int i = 0; i < kCallsPerThread; ++i) {
                try {
                    HttpResult result = harness.searchOrders(R"({"search":{"cursorPaging":{"limit":5}}})");
                    if (result.status != 200 && result.status != 503) ++badStatus;
                    ++answered;
                } catch (const Poco::Exception&) {
                    ++badStatus;
                }
            }
        });
    }
    for (int i = 0; i < 20; ++i) {
        harness.sandbox().generateOrders(harness.site().siteId, 1);
        harness.addKey({"SCOPE.DC-STORES.READ-ORDERS"});
        wix_sandbox::Fault fault;
        fault.status = 503;
        harness.sandbox().injectFault(fault);
    }
    for (std::thread& client : clients) client.join();
    EXPECT_EQ(badStatus.load(), 0);
    EXPECT_EQ(answered.load(), kThreads * kCallsPerThread);
    EXPECT_EQ(harness.sandbox().stats().total, static_cast<std::uint64_t>(kThreads * kCallsPerThread));
    EXPECT_EQ(harness.sandbox().orderCount(harness.site().siteId), 24u);
}

}  // namespace
}  // namespace sandbox_test
