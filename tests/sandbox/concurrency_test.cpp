// Parallel clients while the state changes underneath: answers stay well-formed and counts add up; the
// per-site stats tell requests of one site in flight together from requests one after the other.

#include <atomic>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/String.h>
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

TEST(ConcurrencyTest, StatsShowPerSiteWhetherRequestsWereInFlightTogether) {
    wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
    options.maxThreads = 8;  // the concurrent requests and the sequential ones all served at once
    SandboxHarness harness(options);
    const std::string busy = harness.site().siteId;
    const std::string calm = harness.addSite(wix_sandbox::CatalogVersion::V3).siteId;
    // Every Wix answer 400 ms late: requests sent together are in flight together.
    wix_sandbox::Fault slow;
    slow.latencyMs = 400;
    slow.count = -1;
    harness.sandbox().injectFault(slow);
    harness.sandbox().resetStats();

    constexpr int kConcurrent = 4;
    constexpr int kSequential = 3;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::atomic<int> answered{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < kConcurrent; ++t) {
        clients.emplace_back([&] {
            ++ready;
            while (!go) std::this_thread::yield();
            if (harness.searchOrders("{}", busy).status == 200) ++answered;
        });
    }
    while (ready < kConcurrent) std::this_thread::yield();
    go = true;
    // Meanwhile the other site, one request after the other (its id in upper case: sites compare
    // case-insensitively).
    for (int i = 0; i < kSequential; ++i)
        EXPECT_EQ(harness.searchOrders("{}", Poco::toUpper(calm)).status, 200);
    for (std::thread& client : clients) client.join();
    EXPECT_EQ(answered.load(), kConcurrent);
    // Neither the control API nor a request without wix-site-id counts for a site.
    harness.client().send("GET", "/_sandbox/state");
    EXPECT_EQ(harness.client()
                  .send("POST", "/ecom/v1/orders/search", "{}", {{"Authorization", harness.key()}})
                  .status,
              400);

    const wix_sandbox::SiteRequestStats together = harness.sandbox().siteStats(busy);
    EXPECT_EQ(together.requests, static_cast<std::uint64_t>(kConcurrent));
    EXPECT_GE(together.maxInFlight, 2u);
    EXPECT_LE(together.maxInFlight, static_cast<std::uint64_t>(kConcurrent));
    // Each request that raised the count above one began while another was in flight.
    EXPECT_GE(together.overlapping, together.maxInFlight - 1);
    EXPECT_LE(together.overlapping, static_cast<std::uint64_t>(kConcurrent - 1));
    const wix_sandbox::SiteRequestStats apart = harness.sandbox().siteStats(Poco::toUpper(calm));
    EXPECT_EQ(apart.requests, static_cast<std::uint64_t>(kSequential));
    EXPECT_EQ(apart.maxInFlight, 1u);
    EXPECT_EQ(apart.overlapping, 0u);
    const wix_sandbox::RequestStats stats = harness.sandbox().stats();
    EXPECT_EQ(stats.total, static_cast<std::uint64_t>(kConcurrent + kSequential + 1));
    EXPECT_EQ(stats.perSite.size(), 2u);

    HttpResult json = harness.client().send("GET", "/_sandbox/stats");
    ASSERT_EQ(json.status, 200) << json.body;
    Poco::JSON::Object::Ptr sites = json.json()->getObject("sites");
    ASSERT_TRUE(sites) << json.body;
    EXPECT_EQ(sites->size(), 2u);
    Poco::JSON::Object::Ptr busyJson = sites->getObject(busy);
    ASSERT_TRUE(busyJson) << json.body;
    EXPECT_EQ(busyJson->getValue<std::uint64_t>("requests"), together.requests);
    EXPECT_EQ(busyJson->getValue<std::uint64_t>("maxInFlight"), together.maxInFlight);
    EXPECT_EQ(busyJson->getValue<std::uint64_t>("overlapping"), together.overlapping);
    Poco::JSON::Object::Ptr calmJson = sites->getObject(Poco::toLower(calm));
    ASSERT_TRUE(calmJson) << json.body;
    EXPECT_EQ(calmJson->getValue<int>("requests"), kSequential);
    EXPECT_EQ(calmJson->getValue<int>("maxInFlight"), 1);
    EXPECT_EQ(calmJson->getValue<int>("overlapping"), 0);

    EXPECT_EQ(harness.client().send("DELETE", "/_sandbox/stats").status, 200);
    EXPECT_TRUE(harness.sandbox().stats().perSite.empty());
    EXPECT_EQ(harness.sandbox().siteStats(busy).requests, 0u);
    EXPECT_EQ(harness.client().send("GET", "/_sandbox/stats").json()->getObject("sites")->size(), 0u);
}

}  // namespace
}  // namespace sandbox_test
