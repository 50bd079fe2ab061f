// A store's page in headless Chromium with a worker (estore-host run) beside the pages: "Zaženi zdaj"
// and its progress to the end, the webhook URL generated once and used, then revoked.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <chrono>
#include <thread>

#include "admin_fixture.h"

namespace estore::test {

namespace {

using Clock = std::chrono::steady_clock;

int postJson(unsigned short port, const std::string& path, const std::string& body) {
    Poco::Net::HTTPClientSession session("127.0.0.1", port);
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::string ignored;
    Poco::StreamCopier::copyToString(session.receiveResponse(response), ignored);
    return static_cast<int>(response.getStatus());
}

}  // namespace

TEST_F(AdminPagesTest, RunNowImportsTheOrdersWhileThePageShowsTheJobToItsEnd) {
    const std::string storeId = addStoreByCli();
    startWorker();
    signInWithBrowser();
    auto& b = browser();
    b.open(url("/stores/" + storeId));
    // The first import is due at once after add-store; wait until the worker has done it, then ask again.
    const auto settled = Clock::now() + std::chrono::seconds(60);
    while (b.text("#jobs tr[data-job=\"orders.import\"] .state").find("uspešno") == std::string::npos &&
           Clock::now() < settled) {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        b.open(url("/stores/" + storeId));
    }
    const std::string before = b.text("#jobs tr[data-job=\"orders.import\"] td:nth-child(2)");
    b.clickAndWait("#run-orders\\.import");
    // Right after the click the job is due (or already running): the page polls until it is done, then
    // shows itself again with the new last run.
    const std::string state = b.text("#jobs tr[data-job=\"orders.import\"] .state");
    EXPECT_TRUE(state.find("na vrsti") != std::string::npos || state.find("teče") != std::string::npos ||
                state.find("uspešno") != std::string::npos)
        << state;
    screenshot("1-run-now");
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    while (Clock::now() < deadline &&
           (b.exists("#jobs[data-poll]") ||
            b.text("#jobs tr[data-job=\"orders.import\"] .state").find("uspešno") == std::string::npos))
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    EXPECT_FALSE(b.exists("#jobs[data-poll]")) << "the page stops polling once the job is done";
    EXPECT_NE(b.text("#jobs tr[data-job=\"orders.import\"] .state").find("uspešno"), std::string::npos);
    EXPECT_NE(b.text("#jobs tr[data-job=\"orders.import\"] td:nth-child(2)"), before) << "planned again";
    EXPECT_NE(b.text("#shop").find("Naročila"), std::string::npos);
    EXPECT_NE(b.text("#activity").find("Uvoženih naročil"), std::string::npos) << b.text("#activity");
    screenshot("2-run-done");
    EXPECT_GT(
        std::stoi(b.evaluate("document.querySelector('#shop').innerText.match(/Naročila\\s+(\\d+)/)[1]")), 0);
}

TEST_F(AdminPagesTest, TheWebhookUrlIsShownOnceWithTheStepsInWixTakesAnOrderAndStopsWhenRevoked) {
    const std::string storeId = addStoreByCli();
    const unsigned short webhookPort = startWorker();
    signInWithBrowser();
    auto& b = browser();
    b.open(url("/stores/" + storeId));
    EXPECT_NE(b.text("#webhook-state").find("še ni izdan"), std::string::npos);
    b.clickAndWait("#webhook-generate");
    const std::string shown = b.text("#webhook-url");
    ASSERT_NE(shown.find("/estore/webhook/"), std::string::npos) << b.text("main");
    EXPECT_NE(b.text("#webhook-steps").find("Send via webhook"), std::string::npos);
    EXPECT_NE(b.text("#webhook-steps").find("All keys and values"), std::string::npos);
    EXPECT_TRUE(b.exists("#webhook-copy[data-copy=webhook-url]"));
    screenshot("1-webhook-url");
    const std::string path = shown.substr(shown.find("/estore/webhook/"));
    b.clickAndWait("#back");
    EXPECT_NE(b.text("#webhook-state").find("je izdan"), std::string::npos);
    EXPECT_EQ(b.html().find(path), std::string::npos) << "the URL is shown only once";

    // Wix Automations posts a new order to it: the worker fetches and stores that order.
    auto placed = Poco::JSON::Parser()
                      .parse(_sandbox->post("/_sandbox/orders/place", "{}"))
                      .extract<Poco::JSON::Object::Ptr>();
    const std::string orderId = placed->getValue<std::string>("orderId");
    const std::string number = placed->getObject("order")->get("number").toString();
    EXPECT_EQ(postJson(webhookPort, path,
                       "{\"data\":{\"order\":{\"id\":\"" + orderId + "\",\"number\":\"" + number + "\"}}}"),
              200);
    const auto deadline = Clock::now() + std::chrono::seconds(60);
    bool stored = false;
    while (!stored && Clock::now() < deadline) {
        stored = host({"orders", storeId, "--json"}).out.find(orderId) != std::string::npos;
        if (!stored) std::this_thread::sleep_for(std::chrono::milliseconds(300));
    }
    EXPECT_TRUE(stored) << "the order the webhook named was imported";

    b.clickAndWait("#webhook-revoke");
    EXPECT_NE(b.text("#webhook-state").find("še ni izdan"), std::string::npos);
    EXPECT_NE(b.text("#activity").find("preklican"), std::string::npos);
    screenshot("2-revoked");
    EXPECT_EQ(postJson(webhookPort, path, "{\"data\":{\"order\":{\"id\":\"" + orderId + "\"}}}"), 404);
}

}  // namespace estore::test

namespace estore::test {

TEST_F(AdminPagesTest, EditingSettingsIsValidatedLiveAndARefusalChangesNothing) {
    const std::string storeId = addStoreByCli();
    signInWithBrowser();
    auto& b = browser();
    b.open(url("/stores/" + storeId));
    b.clickAndWait("#edit-settings");
    EXPECT_EQ(b.evaluate("document.querySelector('#f_api_key').value"), "");
    EXPECT_NE(b.evaluate("document.querySelector('#f_api_key').placeholder").find("nastavljeno"),
              std::string::npos);
    EXPECT_EQ(b.evaluate("document.querySelector('#f_site_id').value"), _identity.siteId);
    b.type("#f_site_id", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    b.clickAndWait("#submit");
    EXPECT_FALSE(b.text("#field-site_id .error").empty()) << b.text("main");
    EXPECT_NE(b.text("#form-error").find("nič ni spremenjeno"), std::string::npos);
    screenshot("1-refused");
    EXPECT_NE(host({"stores", "--json"}).out.find(_identity.siteId), std::string::npos)
        << "the stored site stays";

    b.type("#f_site_id", _identity.siteId);
    b.setChecked("#f_sync_stock", true);
    b.clickAndWait("#submit");
    EXPECT_NE(b.text("#saved").find("Nastavitve so shranjene"), std::string::npos) << b.text("main");
    EXPECT_TRUE(b.exists("#jobs tr[data-job=\"stock.push\"]")) << b.text("#jobs");
    EXPECT_NE(b.text("#settings").find("nastavljeno"), std::string::npos) << "the key was kept";
    screenshot("2-saved");
    EXPECT_EQ(b.html().find(_identity.apiKey), std::string::npos);
}

}  // namespace estore::test
