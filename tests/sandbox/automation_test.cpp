// Automations "Send via webhook" (reference §11.1): placed and paid orders POSTed to a loopback receiver
// in the chosen shape, with retries, duplicates, delays and reordering; stop() with deliveries pending.

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "test_client.h"
#include "webhook_receiver.h"

namespace sandbox_test {
namespace {

using Clock = std::chrono::steady_clock;
using wix_sandbox::Automation;
using wix_sandbox::AutomationStats;
using wix_sandbox::OrderChange;

Poco::JSON::Object::Ptr parse(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// Polls until `done` holds; deliveries finish on the sandbox's worker, after the receiver answered.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const Clock::time_point end = Clock::now() + timeout;
    while (Clock::now() < end) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return done();
}

std::string orderIdOf(const ReceivedWebhook& webhook) {
    return parse(webhook.body)->getObject("data")->getObject("order")->getValue<std::string>("id");
}

class AutomationTest : public ::testing::Test {
protected:
    Automation automation(const std::string& shape = "data_order") const {
        Automation automation;
        automation.url = receiver.url();
        automation.shape = shape;
        return automation;
    }
    std::string siteId() const { return harness.site().siteId; }
    wix_sandbox::Sandbox& sandbox() { return harness.sandbox(); }
    /// A generated APPROVED order that can still be paid.
    std::string unpaidOrder() {
        sandbox().generateOrders(siteId(), 40);
        const HttpResult result = harness.searchOrders(
            R"({"search":{"filter":{"status":"APPROVED","paymentStatus":"NOT_PAID"},"cursorPaging":{"limit":1}}})");
        return result.json()->getArray("orders")->getObject(0)->getValue<std::string>("id");
    }
    AutomationStats settledStats() {
        eventually([&] { return sandbox().automationStats().pending == 0; });
        return sandbox().automationStats();
    }

    WebhookReceiver receiver;  // declared first: outlives the sandbox's worker
    SandboxHarness harness;
};

TEST_F(AutomationTest, PlacedAndPaidOrdersEachPostTheDataOrderShape) {
    const std::string unpaid = unpaidOrder();
    sandbox().addAutomation(automation());
    const std::string placed = sandbox().placeOrder(siteId());
    sandbox().changeOrder(siteId(), unpaid, OrderChange::Pay);

    ASSERT_TRUE(receiver.waitFor(2));
    const std::vector<ReceivedWebhook> got = receiver.received();
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].path, "/hook");
    EXPECT_EQ(got[0].contentType, "application/json");

    const Poco::JSON::Object::Ptr first = parse(got[0].body);
    const Poco::JSON::Object::Ptr order = first->getObject("data")->getObject("order");
    const Poco::JSON::Object::Ptr stored = parse(sandbox().orderJson(siteId(), placed));
    EXPECT_EQ(order->getValue<std::string>("id"), placed);
    EXPECT_TRUE(order->get("number").isString());
    EXPECT_EQ(order->getValue<std::string>("number"), stored->getValue<std::string>("number"));
    EXPECT_EQ(order->getValue<std::string>("status"), "APPROVED");
    EXPECT_EQ(order->getObject("contact")->getValue<std::string>("email"),
              stored->getObject("buyerInfo")->getValue<std::string>("email"));
    EXPECT_EQ(order->getObject("totals")->getValue<std::string>("total"),
              stored->getObject("priceSummary")->getObject("total")->getValue<std::string>("amount"));
    EXPECT_EQ(order->getArray("lineItems")->size(), stored->getArray("lineItems")->size());
    EXPECT_EQ(first->getObject("trigger")->getValue<std::string>("name"), "Order placed");

    const Poco::JSON::Object::Ptr second = parse(got[1].body);
    EXPECT_EQ(orderIdOf(got[1]), unpaid);
    EXPECT_EQ(second->getObject("data")->getObject("order")->getValue<std::string>("paymentStatus"), "PAID");
    EXPECT_EQ(second->getObject("trigger")->getValue<std::string>("event"), "paid");

    const AutomationStats stats = settledStats();
    EXPECT_EQ(stats.total.sent, 2u);
    EXPECT_EQ(stats.total.succeeded, 2u);
    EXPECT_EQ(stats.perEvent.at("placed").deliveries, 1u);
    EXPECT_EQ(stats.perEvent.at("paid").succeeded, 1u);
}

TEST_F(AutomationTest, RotateCyclesShapesAndNumberTypes) {
    Automation rotating = automation("rotate");
    rotating.events = {Automation::kPlaced};
    sandbox().addAutomation(rotating);
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(sandbox().placeOrder(siteId()));

    ASSERT_TRUE(receiver.waitFor(5));
    const std::vector<ReceivedWebhook> got = receiver.received();
    EXPECT_TRUE(parse(got[0].body)->getObject("data")->getObject("order")->get("number").isString());
    const Poco::JSON::Object::Ptr flat = parse(got[1].body);
    EXPECT_EQ(flat->getValue<std::string>("orderId"), ids[1]);
    EXPECT_TRUE(flat->get("orderNumber").isInteger());
    EXPECT_EQ(flat->getValue<std::string>("triggerEvent"), "placed");
    EXPECT_EQ(parse(got[2].body)->getObject("order")->getValue<std::string>("id"), ids[2]);
    EXPECT_TRUE(parse(got[2].body)->getObject("order")->get("number").isString());
    EXPECT_TRUE(parse(got[3].body)->getObject("data")->get("number").isInteger());
    EXPECT_EQ(got[4].contentType, "application/x-www-form-urlencoded");
    std::map<std::string, std::string> form;
    for (const auto& [name, value] : Poco::URI("/?" + got[4].body).getQueryParameters()) form[name] = value;
    EXPECT_EQ(form["orderId"], ids[4]);
    EXPECT_EQ(form["triggerEvent"], "placed");
}

TEST_F(AutomationTest, RetriesOn500UntilTheReceiverAnswers200) {
    receiver.answerNext({500, 500});
    Automation retrying = automation();
    retrying.retry = true;
    retrying.retryBackoffMs = 20;
    sandbox().addAutomation(retrying);
    sandbox().placeOrder(siteId());

    ASSERT_TRUE(receiver.waitFor(3));
    ASSERT_TRUE(eventually([&] { return sandbox().automationStats().total.succeeded == 1; }));
    const std::vector<ReceivedWebhook> got = receiver.received();
    EXPECT_EQ(got[0].body, got[2].body);
    EXPECT_GE(got[2].at - got[1].at, std::chrono::milliseconds(35));  // back-off doubles: 20, then 40
    const AutomationStats stats = settledStats();
    EXPECT_EQ(stats.total.deliveries, 1u);
    EXPECT_EQ(stats.total.sent, 3u);
    EXPECT_EQ(stats.total.failed, 2u);
    EXPECT_EQ(stats.total.retries, 2u);
    EXPECT_EQ(stats.total.abandoned, 0u);
}

TEST_F(AutomationTest, WithoutRetryAFailedDeliveryIsAbandoned) {
    receiver.answerNext({500});
    sandbox().addAutomation(automation());
    sandbox().placeOrder(siteId());

    ASSERT_TRUE(eventually([&] { return sandbox().automationStats().total.abandoned == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(receiver.received().size(), 1u);
    EXPECT_EQ(sandbox().automationStats().total.retries, 0u);
}

TEST_F(AutomationTest, ConnectionFailuresAreRetriedUpToMaxAttempts) {
    unsigned short closedPort = 0;
    {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
        closedPort = socket.address().port();
    }
    Automation unreachable = automation();
    unreachable.url = "http://127.0.0.1:" + std::to_string(closedPort) + "/hook";
    unreachable.retry = true;
    unreachable.maxAttempts = 3;
    unreachable.retryBackoffMs = 5;
    sandbox().addAutomation(unreachable);
    sandbox().placeOrder(siteId());

    ASSERT_TRUE(eventually([&] { return sandbox().automationStats().total.abandoned == 1; }));
    const AutomationStats stats = sandbox().automationStats();
    EXPECT_EQ(stats.total.sent, 3u);
    EXPECT_EQ(stats.total.failed, 3u);
    EXPECT_EQ(stats.total.retries, 2u);
}

TEST_F(AutomationTest, DuplicateSendsTheSameDeliveryTwice) {
    Automation duplicating = automation();
    duplicating.duplicate = 1.0;
    duplicating.events = {Automation::kPlaced};
    sandbox().addAutomation(duplicating);
    sandbox().placeOrder(siteId());
    sandbox().placeOrder(siteId());

    ASSERT_TRUE(receiver.waitFor(4));
    const AutomationStats stats = settledStats();
    std::vector<ReceivedWebhook> got = receiver.received();
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(stats.total.deliveries, 4u);
    EXPECT_EQ(stats.total.duplicates, 2u);
    std::vector<std::string> bodies;
    for (const ReceivedWebhook& webhook : got) bodies.push_back(webhook.body);
    for (const std::string& body : bodies) EXPECT_EQ(std::count(bodies.begin(), bodies.end(), body), 2);
}

TEST_F(AutomationTest, DelayHoldsDeliveriesWithoutBlockingTheRequest) {
    Automation delayed = automation();
    delayed.delayMs = 300;
    sandbox().addAutomation(delayed);

    const Clock::time_point before = Clock::now();
    const HttpResult placed = harness.client().send("POST", "/_sandbox/orders/place", "{}");
    const Clock::duration requestTime = Clock::now() - before;
    ASSERT_EQ(placed.status, 200) << placed.body;
    EXPECT_LT(requestTime, std::chrono::milliseconds(250));
    EXPECT_EQ(sandbox().automationStats().pending, 1u);

    ASSERT_TRUE(receiver.waitFor(1));
    EXPECT_GE(receiver.received()[0].at - before, std::chrono::milliseconds(300));
    EXPECT_EQ(orderIdOf(receiver.received()[0]), placed.json()->getValue<std::string>("orderId"));
}

TEST_F(AutomationTest, ReorderShufflesDeliveriesWithinTheWindow) {
    Automation shuffling = automation();
    shuffling.reorder = true;
    shuffling.reorderWindowMs = 500;
    shuffling.events = {Automation::kPlaced};
    sandbox().addAutomation(shuffling);
    std::vector<std::string> placed;
    for (int i = 0; i < 8; ++i) placed.push_back(sandbox().placeOrder(siteId()));

    ASSERT_TRUE(receiver.waitFor(8));
    std::vector<std::string> arrived;
    for (const ReceivedWebhook& webhook : receiver.received()) arrived.push_back(orderIdOf(webhook));
    EXPECT_TRUE(std::is_permutation(arrived.begin(), arrived.end(), placed.begin(), placed.end()));
    EXPECT_NE(arrived, placed);  // the jitter is seeded, so this shuffle repeats on every run
}

TEST_F(AutomationTest, NonLoopbackUrlsAreRefused) {
    for (const std::string url : {"http://example.com/hook", "http://10.1.2.3/hook", "https://127.0.0.1/hook",
                                  "http://127.0.0.1.example.com/", "not a url"}) {
        Automation outside = automation();
        outside.url = url;
        EXPECT_THROW(sandbox().addAutomation(outside), Poco::InvalidArgumentException) << url;
    }
    EXPECT_EQ(
        harness.client().send("POST", "/_sandbox/automations", R"({"url":"http://192.168.1.1/x"})").status,
        400);
    EXPECT_EQ(
        harness.client()
            .send("POST", "/_sandbox/automations", "{\"url\":\"" + receiver.url() + "\",\"shape\":\"xml\"}")
            .status,
        400);
    EXPECT_EQ(
        harness.client()
            .send("POST", "/_sandbox/automations",
                  "{\"url\":\"" + receiver.url() + "\",\"siteId\":\"00000000-0000-0000-0000-000000000000\"}")
            .status,
        404);
    sandbox().placeOrder(siteId());
    EXPECT_EQ(sandbox().automationStats().total.deliveries, 0u);
}

TEST_F(AutomationTest, StopWithPendingDeliveriesIsClean) {
    Automation delayed = automation();
    delayed.delayMs = 10000;
    sandbox().addAutomation(delayed);
    for (int i = 0; i < 3; ++i) sandbox().placeOrder(siteId());
    EXPECT_EQ(sandbox().automationStats().pending, 3u);

    const Clock::time_point before = Clock::now();
    sandbox().stop();
    EXPECT_LT(Clock::now() - before, std::chrono::milliseconds(1500));
    const AutomationStats stats = sandbox().automationStats();
    EXPECT_EQ(stats.total.dropped, 3u);
    EXPECT_EQ(stats.pending, 0u);
    EXPECT_TRUE(receiver.received().empty());
}

TEST_F(AutomationTest, ControlApiConfiguresAutomationsAndReportsDeliveries) {
    const HttpResult added = harness.client().send(
        "POST", "/_sandbox/automations",
        "{\"url\":\"" + receiver.url("/hook?token=s3cret") + R"(","events":["placed"],"shape":"flat"})");
    ASSERT_EQ(added.status, 200) << added.body;
    EXPECT_EQ(added.json()->getObject("automation")->getValue<std::string>("siteId"), siteId());
    ASSERT_EQ(harness.client().send("POST", "/_sandbox/orders/place", "{}").status, 200);

    ASSERT_TRUE(receiver.waitFor(1));
    EXPECT_EQ(receiver.received()[0].path, "/hook?token=s3cret");
    ASSERT_TRUE(eventually([&] { return sandbox().automationStats().total.succeeded == 1; }));
    const HttpResult deliveries = harness.client().send("GET", "/_sandbox/automations/deliveries");
    ASSERT_EQ(deliveries.status, 200);
    EXPECT_EQ(deliveries.json()->getValue<int>("sent"), 1);
    EXPECT_EQ(deliveries.json()->getObject("events")->getObject("placed")->getValue<int>("succeeded"), 1);

    EXPECT_EQ(harness.client().send("DELETE", "/_sandbox/automations").status, 200);
    EXPECT_EQ(harness.client().send("GET", "/_sandbox/automations/deliveries").json()->getValue<int>("sent"),
              0);
    sandbox().placeOrder(siteId());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(receiver.received().size(), 1u);
}

}  // namespace
}  // namespace sandbox_test
