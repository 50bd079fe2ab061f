// orders.import of the loaded Wix plugin against the sandbox: every order once, the cursor, the import
// rule, isolation of bad orders, Wix outages and revoked keys.
#include <gtest/gtest.h>

#include "estore/sdk/fake_host.h"
#include "estore/sdk/json_access.h"
#include "estore/sdk/plugin_loader.h"
#include "wix_sandbox/server/sandbox.h"

using estore::host_api::ErrorCategory;
using estore::host_api::JobReport;

namespace {

const std::string kStore = "wix-1";

class OrderImportContract : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = estore::sdk::PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "wix");
        ASSERT_TRUE(loaded.ok()) << loaded.error->message;
        _store = loaded.plugin->createStore();
        wix_sandbox::SandboxOptions options;
        options.seed = 11;
        options.ordersPerSite = 0;
        _sandbox = std::make_unique<wix_sandbox::Sandbox>(options);
        _sandbox->start();
        _host.setConfig("wix.api_base_url", _sandbox->baseUrl());
        _host.setConfig("wix.retry_base_ms", "5");
        _host.setConfig("wix.retry_max_ms", "50");
        _host.setSecret(kStore, "api_key", _sandbox->defaultApiKey());
        _site = _sandbox->defaultSite().siteId;
    }
    void TearDown() override { _sandbox->stop(); }

    JobReport runImport(const std::string& rule = "approved") { return runImportInto(_host, rule); }

    JobReport runImportInto(estore::sdk::FakeHost& host, const std::string& rule) {
        estore::host_api::JobRequest job;
        job.store = {kStore,
                     "wix",
                     {{"site_id", _site},
                      {"warehouse", "GLAVNO"},
                      {"cost_center", "SPLET"},
                      {"import_orders", "true"},
                      {"import_since", "2020-01-01"},
                      {"import_rule", rule}}};
        job.jobId = "orders.import";
        return _store->runJob(job, host.services());
    }

    std::uint64_t searches() { return _sandbox->stats().perRoute["POST /ecom/v1/orders/search"]; }

    wix_sandbox::Fault fault(int status, int count, bool drop = false) {
        wix_sandbox::Fault f;
        f.path = "/ecom/v1/orders/search";
        f.status = status;
        f.count = count;
        f.drop = drop;
        return f;
    }

    estore::sdk::StoreHandle _store;
    std::unique_ptr<wix_sandbox::Sandbox> _sandbox;
    estore::sdk::FakeHost _host;
    std::string _site;
};

}  // namespace

TEST_F(OrderImportContract, EveryOrderArrivesOnceWithFewSearches) {
    auto ids = _sandbox->generateOrders(_site, 250);
    _sandbox->resetStats();
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    EXPECT_EQ(_host.orderCount(), 250u);
    EXPECT_EQ(report.counts["created"], 250);
    EXPECT_LE(searches(), 250u / 100 + 1);
    for (const auto& id : ids) EXPECT_TRUE(_host.order(kStore, id).has_value()) << id;
    ASSERT_TRUE(_host.get(kStore, "orders.cursor").has_value());

    // Nothing new: the next run re-reads only the overlap window and stores nothing new.
    JobReport again = runImport();
    ASSERT_TRUE(again.outcome.ok());
    EXPECT_EQ(again.counts["created"], 0);
    EXPECT_EQ(again.counts["updated"], 0);
    EXPECT_EQ(_host.orderCount(), 250u);
}

TEST_F(OrderImportContract, OnlyPaidOrdersUnderThePaidRule) {
    _sandbox->generateOrders(_site, 200);
    ASSERT_TRUE(runImport("paid").outcome.ok());
    const auto paidOnly = _host.orders(kStore);
    estore::sdk::FakeHost everything;
    everything.setConfig("wix.api_base_url", _sandbox->baseUrl());
    everything.setSecret(kStore, "api_key", _sandbox->defaultApiKey());
    // The same shop into a second, empty host, under the other rule.
    ASSERT_TRUE(runImportInto(everything, "approved").outcome.ok());
    const auto all = everything.orders(kStore);
    ASSERT_FALSE(paidOnly.empty());
    EXPECT_LT(paidOnly.size(), all.size()) << "the generated shop has unpaid orders too";
    for (const auto& order : paidOnly)
        EXPECT_TRUE(order.paymentStatus == "PAID" || order.paymentStatus == "PARTIALLY_REFUNDED" ||
                    order.paymentStatus == "FULLY_REFUNDED")
            << order.number << " " << order.paymentStatus;
}

TEST_F(OrderImportContract, FaultsDuringTheImportChangeNothingInTheResult) {
    _sandbox->generateOrders(_site, 230);
    _host.setConfig("wix.retry_attempts", "8");  // six faults in a row hit the first search
    _sandbox->injectFault(fault(429, 2));
    _sandbox->injectFault(fault(503, 2));
    _sandbox->injectFault(fault(0, 2, true));
    wix_sandbox::Fault html;
    html.path = "/ecom/v1/payments/list-by-ids";
    html.status = 502;
    html.contentType = "text/html";
    html.body = "<html><body>Bad Gateway</body></html>";
    _sandbox->injectFault(html);
    wix_sandbox::Fault slow;
    slow.latencyMs = 200;
    slow.count = 3;
    _sandbox->injectFault(slow);
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    EXPECT_EQ(_host.orderCount(), 230u);
    EXPECT_EQ(report.counts["created"], 230);
}

TEST_F(OrderImportContract, AnOutageEndsTheRunRetryablyAndTheNextRunFinishes) {
    _sandbox->generateOrders(_site, 150);
    _host.setConfig("wix.retry_attempts", "2");
    wix_sandbox::Fault down = fault(503, -1);
    _sandbox->injectFault(down);
    JobReport failed = runImport();
    EXPECT_EQ(failed.outcome.category, ErrorCategory::Transient);
    EXPECT_GT(failed.outcome.retryAfterSeconds, 0);
    EXPECT_EQ(_host.orderCount(), 0u);
    EXPECT_FALSE(_host.get(kStore, "orders.cursor").has_value()) << "no page stored, so the cursor stays";
    _sandbox->clearFaults();
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.detail;
    EXPECT_EQ(_host.orderCount(), 150u);
}

TEST_F(OrderImportContract, ABadOrderIsLoggedAndRetriedWithoutBlockingTheOthers) {
    _sandbox->generateOrders(_site, 20);
    const std::string bad =
        R"({"id":"bbbbbbbb-0000-4000-8000-000000000001","number":"99999","status":"APPROVED",
        "paymentStatus":"PAID","currency":"EUR","createdDate":"2026-11-01T10:00:00.000Z",
        "updatedDate":"2026-11-01T10:00:00.000Z","lineItems":[{"id":"1","quantity":1,
        "productName":{"original":"Pokvarjen"},"price":{"amount":"abc"}}],
        "priceSummary":{"total":{"amount":"1.00"},"tax":{"amount":"0"}}})";
    const std::string badId = _sandbox->addOrder(_site, bad);
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.detail;
    EXPECT_EQ(_host.orderCount(), 20u);
    EXPECT_EQ(report.counts["failed"], 1);
    bool logged = false;
    for (const auto& a : _host.activity())
        if (a.code == "wix.order.skipped" && a.message.sl.find("99999") != std::string::npos &&
            a.message.en.find("99999") != std::string::npos)
            logged = true;
    EXPECT_TRUE(logged) << "the activity log names the order's number";
    EXPECT_NE(_host.get(kStore, "orders.retry").value_or("").find(badId), std::string::npos);
}

TEST_F(OrderImportContract, ARevokedKeyStopsTheImportAndAsksForNewCredentials) {
    _sandbox->generateOrders(_site, 5);
    _sandbox->revokeKey(_sandbox->defaultApiKey());
    JobReport report = runImport();
    EXPECT_EQ(report.outcome.category, ErrorCategory::Auth);
    ASSERT_EQ(_host.attention().count(kStore), 1u);
    EXPECT_EQ(_host.attention().at(kStore).code, "wix.auth.invalid_key");
    EXPECT_EQ(_host.orderCount(), 0u);
    for (const auto& a : _host.activity())
        EXPECT_EQ(a.detail.find(_sandbox->defaultApiKey()), std::string::npos);
}

TEST_F(OrderImportContract, ChangesInWixUpdateTheSameDocumentsAndNeverAddOne) {
    // Placed orders come paid or unpaid, as in a real shop: pick one of each, and one more to cancel.
    std::vector<std::string> unpaid, paid;
    for (int i = 0; i < 40 && (unpaid.size() < 2 || paid.empty()); ++i) {
        const std::string id = _sandbox->placeOrder(_site);
        const auto order = estore::sdk::parseJsonObject(_sandbox->orderJson(_site, id)).object;
        const std::string status = order->getValue<std::string>("paymentStatus");
        (status == "PAID" ? paid : unpaid).push_back(id);
    }
    ASSERT_GE(unpaid.size(), 2u);
    ASSERT_FALSE(paid.empty());
    ASSERT_TRUE(runImport().outcome.ok());
    const std::size_t documents = _host.orderCount();
    const std::string toPay = unpaid[0], toCancel = unpaid[1], toRefund = paid[0];
    const auto before = _host.order(kStore, toPay);
    ASSERT_TRUE(before.has_value());

    _sandbox->changeOrder(_site, toPay, wix_sandbox::OrderChange::Pay);
    _sandbox->changeOrder(_site, toCancel, wix_sandbox::OrderChange::Cancel);
    _sandbox->changeOrder(_site, toRefund, wix_sandbox::OrderChange::Refund);
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.detail;
    EXPECT_EQ(_host.orderCount(), documents) << "changes never add a document";
    EXPECT_EQ(report.counts["created"], 0);
    EXPECT_EQ(report.counts["updated"], 3);
    EXPECT_EQ(_host.order(kStore, toPay)->paymentStatus, "PAID");
    EXPECT_FALSE(_host.order(kStore, toPay)->paidAt.empty());
    EXPECT_GT(_host.order(kStore, toPay)->updatedAtMillis, before->updatedAtMillis);
    EXPECT_EQ(_host.order(kStore, toCancel)->status, "CANCELED");
    EXPECT_EQ(_host.order(kStore, toRefund)->paymentStatus, "FULLY_REFUNDED");
}

TEST_F(OrderImportContract, ASearchThatReturnsAPageAgainStopsTheImportInsteadOfPagingForever) {
    // A stand-in (or a broken Wix) that answers every search with the same cursor.
    wix_sandbox::Fault same = fault(200, -1);
    same.contentType = "application/json";
    same.body =
        R"({"orders":[],"metadata":{"count":0,"cursors":{"next":"c-same","prev":""},"hasNext":true}})";
    _sandbox->injectFault(same);
    _sandbox->resetStats();
    JobReport report = runImport();
    EXPECT_EQ(report.outcome.code, "wix.paging_stuck") << report.outcome.detail;
    EXPECT_TRUE(report.outcome.retryable()) << "tried again on the next run, not in a loop now";
    EXPECT_NE(report.outcome.message.en.find("already sent"), std::string::npos);
    EXPECT_FALSE(report.outcome.message.sl.empty());
    EXPECT_EQ(searches(), 2u) << "the first page, and the one that repeated its cursor";
    EXPECT_FALSE(_host.get(kStore, "orders.cursor").has_value()) << "nothing was imported: no cursor moved";
}
