#include <gtest/gtest.h>

#include "estore/sdk/fake_host.h"
#include "estore/sdk/manifest.h"
#include "settings/store_settings.h"
#include "wix_store.h"

using estore::host_api::ErrorCategory;
using estore::host_api::Settings;
using estore::sdk::FakeHost;
using estore::wix::WixStore;

namespace {

const std::string kGuid = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const std::string kKey = "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.example-signature-part-0123456789";

Settings goodSettings() {
    return {{"site_id", "https://manage.wix.com/dashboard/" + kGuid + "/home"},
            {"warehouse", "GLAVNO"},
            {"cost_center", "SPLET"},
            {"import_orders", "true"},
            {"import_since", "2026-11-01"},
            {"import_rule", "approved"},
            {"sync_stock", "false"},
            {"stock_quantity", "on_hand_minus_reserved"},
            {"auto_invoice", "off"}};
}

}  // namespace

TEST(WixStore, DescribeIsTheManifest) {
    WixStore store;
    auto d = store.describe();
    EXPECT_EQ(d.platformId, "wix");
    EXPECT_EQ(d.name.en, "Wix");
    EXPECT_FALSE(d.fields.empty());
    EXPECT_FALSE(d.jobs.empty());
}

TEST(WixStore, LocalChecksNameEveryBadFieldBeforeCallingWix) {
    WixStore store;
    FakeHost host;
    host.setConfig("wix.api_base_url", "http://127.0.0.1:1");  // never reached: local checks fail first
    Settings s = goodSettings();
    s["site_id"] = "https://example.com/x";
    s["warehouse"] = "NI_TAKEGA";
    s["cost_center"] = "";
    s["import_rule"] = "sometimes";
    s["import_since"] = "2026-02-30";
    s["sync_stock"] = "maybe";
    auto v = store.validate(s, {{"api_key", "short"}}, host.services());
    EXPECT_EQ(v.outcome.category, ErrorCategory::Config);
    std::set<std::string> fields;
    for (const auto& e : v.fieldErrors) {
        fields.insert(e.field);
        EXPECT_FALSE(e.message.sl.empty());
        EXPECT_FALSE(e.message.en.empty());
    }
    EXPECT_EQ(fields, (std::set<std::string>{"api_key", "site_id", "warehouse", "cost_center", "import_rule",
                                             "import_since", "sync_stock"}));
}

TEST(WixStore, ApiKeyPlausibility) {
    using estore::wix::apiKeyError;
    EXPECT_FALSE(apiKeyError(kKey).has_value());
    EXPECT_EQ(apiKeyError("")->code, "api_key.required");
    EXPECT_EQ(apiKeyError("Bearer " + kKey)->code, "api_key.bearer");
    EXPECT_EQ(apiKeyError(kKey + " " + kKey)->code, "api_key.not_a_key");
    EXPECT_EQ(apiKeyError("abc")->code, "api_key.too_short");
    EXPECT_EQ(apiKeyError(std::string(10000, 'a'))->code, "api_key.too_long");
    // The message never repeats the key back.
    EXPECT_EQ(apiKeyError(kKey + " x")->message.en.find(kKey), std::string::npos);
}

TEST(WixStore, ActivateSchedulesTheJobsTheOptionsAskFor) {
    WixStore store;
    FakeHost host;
    estore::host_api::StoreRef ref{"store-1", "wix", goodSettings()};
    ASSERT_TRUE(store.activate(ref, host.services()).ok());
    auto import = host.findScheduled("store-1", "orders.import");
    ASSERT_TRUE(import.has_value());
    EXPECT_EQ(import->schedule.everySeconds, 3600);
    EXPECT_FALSE(host.findScheduled("store-1", "stock.push").has_value());
    EXPECT_FALSE(host.findScheduled("store-1", "orders.fetch").has_value());  // on demand only

    ref.settings["sync_stock"] = "true";
    ref.settings["import_orders"] = "false";
    ASSERT_TRUE(store.activate(ref, host.services()).ok());
    EXPECT_FALSE(host.findScheduled("store-1", "orders.import").has_value());
    ASSERT_TRUE(host.findScheduled("store-1", "stock.push").has_value());
    EXPECT_EQ(host.findScheduled("store-1", "stock.push")->schedule.everySeconds, 900);

    ASSERT_TRUE(store.deactivate(ref, host.services()).ok());
    EXPECT_TRUE(host.scheduled().empty());
}

TEST(WixStore, EveryJobOfTheManifestIsImplementedAndUnknownJobsAreRefused) {
    WixStore store;
    FakeHost host;
    for (const auto& spec : store.describe().jobs) {
        estore::host_api::JobRequest job{{"store-1", "wix", goodSettings()}, spec.id, {}};
        EXPECT_NE(store.runJob(job, host.services()).outcome.code, "wix.not_available") << spec.id;
    }
    estore::host_api::JobRequest job{{"store-1", "wix", goodSettings()}, "no.such.job", {}};
    EXPECT_EQ(store.runJob(job, host.services()).outcome.code, "wix.job.unknown");
}

TEST(WixStore, AStockPushWithStockSyncOffPushesNothingAndSaysHowToTurnItOn) {
    WixStore store;
    FakeHost host;
    auto settings = goodSettings();
    settings["sync_stock"] = "false";
    estore::host_api::JobRequest job{{"store-1", "wix", settings}, "stock.push", {}};
    const auto report = store.runJob(job, host.services());
    EXPECT_EQ(report.outcome.code, "wix.stock.disabled");
    EXPECT_NE(report.outcome.message.sl.find("Prenašaj zalogo"), std::string::npos);
    EXPECT_EQ(report.counts.at("pushed"), 0);
}

TEST(WixStore, AnImportWithoutAKeyAsksForTheSettings) {
    WixStore store;
    FakeHost host;
    estore::host_api::JobRequest job{{"store-1", "wix", goodSettings()}, "orders.import", {}};
    auto report = store.runJob(job, host.services());
    EXPECT_EQ(report.outcome.code, "wix.store.incomplete");
    EXPECT_EQ(report.outcome.field, "api_key");
    EXPECT_TRUE(host.attention().empty()) << "a missing key is a settings problem, not a revoked key";
}
