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
    std::uint64_t tipLookups() { return _sandbox->stats().perRoute["GET /tips/v1/tips/order/{id}"]; }

    /// Orders placed now that wait for their payment (cash on delivery, a bank transfer), as a tip is
    /// set before the buyer pays.
    std::vector<std::string> placeUnpaid(std::size_t count) {
        std::vector<std::string> unpaid;
        for (int i = 0; i < 60 && unpaid.size() < count; ++i) {
            const std::string id = _sandbox->placeOrder(_site);
            const auto order = estore::sdk::parseJsonObject(_sandbox->orderJson(_site, id)).object;
            if (order->getValue<std::string>("paymentStatus") == "NOT_PAID") unpaid.push_back(id);
        }
        EXPECT_EQ(unpaid.size(), count);
        return unpaid;
    }

    /// The review flag of that code on the stored order, or nullptr.
    const estore::host_api::ReviewFlag* flagOf(const std::string& orderId, const std::string& code) {
        const auto order = _host.order(kStore, orderId);
        if (!order) return nullptr;
        for (const auto& flag : order->flags)
            if (flag.code == code) {
                _flag = flag;
                return &_flag;
            }
        return nullptr;
    }

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
    estore::host_api::ReviewFlag _flag;
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

TEST_F(OrderImportContract, WixTipsTellsWhichFeeIsATipAndTheTippedOrderWaitsForAPerson) {
    const auto unpaid = placeUnpaid(2);
    ASSERT_EQ(unpaid.size(), 2u);
    _sandbox->tipOrder(_site, unpaid[0], "4.00");
    for (const auto& id : unpaid) _sandbox->changeOrder(_site, id, wix_sandbox::OrderChange::Pay);
    _sandbox->resetStats();
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    const auto* tip = flagOf(unpaid[0], "tip_included");
    ASSERT_NE(tip, nullptr) << "the tipped order is held for a person";
    EXPECT_NE(tip->reason.sl.find("»Tip«, 4,00 EUR"), std::string::npos) << tip->reason.sl;
    EXPECT_EQ(flagOf(unpaid[1], "tip_included"), nullptr);
    // Only the order with a fee no app claims was asked about: the generated fees name their app.
    EXPECT_EQ(tipLookups(), 1u);
}

TEST_F(OrderImportContract, AKeyWithoutTheTipsPermissionFlagsAFeeThatMayBeATipInsteadOfGuessing) {
    const auto unpaid = placeUnpaid(1);
    ASSERT_EQ(unpaid.size(), 1u);
    _sandbox->tipOrder(_site, unpaid[0], "2.50");
    wix_sandbox::ApiKeyInfo key;
    key.accountId = _sandbox->defaultSite().accountId;
    key.key = _sandbox->newKeyValue(key.accountId);
    key.allSites = true;
    key.permissions = wix_sandbox::ApiKeyInfo::fullPermissions();
    std::erase(key.permissions, std::string("SCOPE.TIPS.MANAGE"));
    _sandbox->addKey(key);
    _host.setSecret(kStore, "api_key", key.key);
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    EXPECT_EQ(flagOf(unpaid[0], "tip_included"), nullptr);
    const auto* unchecked = flagOf(unpaid[0], "tip_unchecked");
    ASSERT_NE(unchecked, nullptr);
    EXPECT_NE(unchecked->reason.en.find("Manage Wix Tips"), std::string::npos) << unchecked->reason.en;
    EXPECT_EQ(unchecked->reason.en.find(key.key), std::string::npos);
}

TEST_F(OrderImportContract, WixTipsDownStopsThePageAndTheNextRunImportsItWithItsTip) {
    const auto unpaid = placeUnpaid(1);
    ASSERT_EQ(unpaid.size(), 1u);
    _sandbox->tipOrder(_site, unpaid[0], "3.00");
    wix_sandbox::Fault down;
    down.path = "/tips/v1/tips/order/";
    down.status = 503;
    down.count = -1;
    _sandbox->injectFault(down);
    JobReport failed = runImport();
    EXPECT_FALSE(failed.outcome.ok());
    EXPECT_TRUE(failed.outcome.retryable()) << failed.outcome.code;
    EXPECT_FALSE(_host.order(kStore, unpaid[0]).has_value()) << "nothing is stored on a guess";
    _sandbox->clearFaults();
    JobReport report = runImport();
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    EXPECT_NE(flagOf(unpaid[0], "tip_included"), nullptr);
}
