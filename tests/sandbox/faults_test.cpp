// Injected faults: status + body, default bodies, counts, latency and dropped connections.

#include <chrono>
#include <thread>

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

using wix_sandbox::Fault;

const std::string kSearch = "/ecom/v1/orders/search";

class FaultsTest : public ::testing::Test {
protected:
    HttpResult version() {
        return harness.client().wix("GET", "/stores/v3/provision/version", "", harness.key(),
                                    harness.site().siteId);
    }

    SandboxHarness harness;
};

TEST_F(FaultsTest, StatusWithHtmlBodyIsServedOnceThenNormal) {
    Fault fault;
    fault.path = kSearch;
    fault.status = 503;
    fault.body = "<html><body>Service Unavailable</body></html>";
    fault.contentType = "text/html";
    harness.sandbox().injectFault(fault);

    HttpResult failed = harness.searchOrders("{}");
    EXPECT_EQ(failed.status, 503);
    EXPECT_EQ(failed.contentType, "text/html");
    EXPECT_EQ(failed.body, fault.body);
    EXPECT_EQ(harness.searchOrders("{}").status, 200);
}

TEST_F(FaultsTest, BodylessFaultsGetWixBodies) {
    Fault serverError;
    serverError.status = 500;
    harness.sandbox().injectFault(serverError);
    HttpResult result = version();
    EXPECT_EQ(result.status, 500);
    EXPECT_EQ(result.body, R"({"message":"","details":{}})");

    Fault exhausted;
    exhausted.status = 429;
    harness.sandbox().injectFault(exhausted);
    EXPECT_EQ(version().errorCode(), "RESOURCE_EXHAUSTED");
}

TEST_F(FaultsTest, PathPrefixOnlyHitsMatchingRoutes) {
    Fault fault;
    fault.path = "/ecom/";
    fault.status = 504;
    fault.count = -1;
    harness.sandbox().injectFault(fault);
    EXPECT_EQ(version().status, 200);
    EXPECT_EQ(harness.searchOrders("{}").status, 504);
    EXPECT_EQ(harness.searchOrders("{}").status, 504);
    harness.sandbox().clearFaults();
    EXPECT_EQ(harness.searchOrders("{}").status, 200);
}

TEST_F(FaultsTest, CountLimitsHowManyRequestsFail) {
    Fault fault;
    fault.status = 502;
    fault.count = 2;
    harness.sandbox().injectFault(fault);
    EXPECT_EQ(version().status, 502);
    EXPECT_EQ(version().status, 502);
    EXPECT_EQ(version().status, 200);
}

TEST_F(FaultsTest, WildcardSparesTheControlApi) {
    Fault fault;
    fault.status = 503;
    fault.count = -1;
    harness.sandbox().injectFault(fault);
    EXPECT_EQ(harness.client().send("GET", "/_sandbox/state").status, 200);
    EXPECT_EQ(version().status, 503);
}

TEST_F(FaultsTest, MethodNarrowsTheFault) {
    Fault fault;
    fault.method = "GET";
    fault.status = 500;
    fault.count = -1;
    harness.sandbox().injectFault(fault);
    EXPECT_EQ(harness.searchOrders("{}").status, 200);
    EXPECT_EQ(version().status, 500);
}

TEST_F(FaultsTest, LatencyDelaysTheNormalAnswer) {
    Fault fault;
    fault.latencyMs = 300;
    harness.sandbox().injectFault(fault);
    const auto start = std::chrono::steady_clock::now();
    HttpResult result = version();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(result.status, 200);
    EXPECT_GE(elapsed, std::chrono::milliseconds(300));
    const auto again = std::chrono::steady_clock::now();
    version();
    EXPECT_LT(std::chrono::steady_clock::now() - again, std::chrono::milliseconds(300));
}

TEST_F(FaultsTest, DropClosesTheConnectionWithoutAnswer) {
    Fault fault;
    fault.path = kSearch;
    fault.drop = true;
    harness.sandbox().injectFault(fault);
    EXPECT_THROW(harness.searchOrders("{}"), Poco::Exception);
    EXPECT_EQ(harness.searchOrders("{}").status, 200);
    EXPECT_EQ(harness.sandbox().stats().perStatus[0], 1u);
}

TEST_F(FaultsTest, DropAfterLatency) {
    Fault fault;
    fault.drop = true;
    fault.latencyMs = 150;
    harness.sandbox().injectFault(fault);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_THROW(version(), Poco::Exception);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
}

TEST_F(FaultsTest, ControlApiInjectsAndClearsFaults) {
    HttpResult added = harness.client().send(
        "POST", "/_sandbox/faults",
        R"({"path":"/ecom/v1/orders/search","status":503,"body":"<html>busy</html>","contentType":"text/html","count":-1})");
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(harness.searchOrders("{}").status, 503);
    EXPECT_EQ(harness.searchOrders("{}").body, "<html>busy</html>");
    EXPECT_EQ(harness.client().send("DELETE", "/_sandbox/faults").status, 200);
    EXPECT_EQ(harness.searchOrders("{}").status, 200);

    harness.client().send("POST", "/_sandbox/faults", R"({"path":"*","drop":true})");
    EXPECT_THROW(version(), Poco::Exception);
}

TEST_F(FaultsTest, StopIsNotHeldUpByALongLatency) {
    Fault fault;
    fault.latencyMs = 60000;
    harness.sandbox().injectFault(fault);
    std::thread caller([&] {
        try {
            version();
        } catch (const Poco::Exception&) {
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto start = std::chrono::steady_clock::now();
    harness.sandbox().stop();
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    caller.join();
}

}  // namespace
}  // namespace sandbox_test
