// Plugins built against the frozen host API 1.1, 1.2 and 1.4 headers import an order into the current host:
// the host reads only the fields the plugin's version had (the loader serves it through
// abi::OlderMinorStore), keeps every one of them, and leaves the fields appended later at their "nothing
// to invoice" defaults. Run also under AddressSanitizer (test sanitize.address_undefined), where any read
// past the plugin's object is reported.
#include <gtest/gtest.h>

#include <boost/dll/shared_library.hpp>

#include <filesystem>
#include <fstream>

#include "abi/sales_order_layouts.h"
#include "estore/host/config/host_config.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/plugin_loader.h"
#include "estore/sdk/sales_order_json.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;
namespace fs = std::filesystem;

namespace {

struct Legacy {
    std::uint32_t minor;
    const char* library;
    std::size_t hostLayoutSize;  ///< the loader's copy of that version's SalesOrder layout
    std::string platform() const { return "legacy1" + std::to_string(minor); }
};

const Legacy kLegacy[] = {
    {1, LEGACY_PLUGIN_1_1, sizeof(estore::sdk::abi::SalesOrder_1_1)},
    {2, LEGACY_PLUGIN_1_2, sizeof(estore::sdk::abi::SalesOrder_1_2)},
    {4, LEGACY_PLUGIN_1_4, sizeof(estore::sdk::abi::SalesOrder_1_3)},
};

class OlderMinorPlugin : public ::testing::TestWithParam<Legacy> {
protected:
    /// The plugin's folder as a host finds it: its manifest and its library side by side.
    fs::path pluginFolder() {
        const Legacy& legacy = GetParam();
        const std::string version = "1." + std::to_string(legacy.minor);
        const fs::path folder = _dir.path() / "plugins" / legacy.platform();
        fs::create_directories(folder);
        std::ofstream(folder / "manifest.json")
            << R"({"id":")" << legacy.platform()
            << R"(","interface":"ElectronicStore/1","name":{"sl":"Starejša","en":"Older"},)"
            << R"("version":"1.0.0","host_api":{"min":")" << version << R"(","max":")" << version << R"("},)"
            << R"("library":{"linux":"liblegacy.so"},"fields":[],)"
            << R"("jobs":[{"id":"orders.import","name":{"sl":"Uvoz","en":"Import"},"interval_seconds":3600}]})";
        fs::copy_file(legacy.library, folder / "liblegacy.so");
        return folder;
    }

    estore::sdk::LoadResult load() { return estore::sdk::PluginLoader().load(pluginFolder()); }

    estore::test::TempDir _dir;
};

}  // namespace

TEST_P(OlderMinorPlugin, TheLoaderAcceptsIt) {
    auto loaded = load();
    ASSERT_TRUE(loaded.ok()) << loaded.error->message;
    EXPECT_EQ(loaded.plugin->libraryApiVersion().minor, GetParam().minor);
    auto store = loaded.plugin->createStore();
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->describe().platformId, GetParam().platform());
}

TEST_P(OlderMinorPlugin, TheHostsCopyOfItsLayoutIsItsLayout) {
    // The adapter reads an older plugin's order as the loader's copy of that version's layout; the frozen
    // headers compiled into the plugin say what that version really allocated.
    boost::dll::shared_library plugin(GetParam().library);
    const auto size = plugin.get_alias<std::size_t()>("legacy_sales_order_size")();
    EXPECT_EQ(size, GetParam().hostLayoutSize);
    EXPECT_LT(size, sizeof(SalesOrder)) << "a later minor appended fields";
}

TEST_P(OlderMinorPlugin, ImportsAnOrderAndTheHostReadsOnlyWhatThePluginBuilt) {
    auto loaded = load();
    ASSERT_TRUE(loaded.ok()) << loaded.error->message;
    auto store = loaded.plugin->createStore();
    ASSERT_NE(store, nullptr);

    Database db(_dir.database());
    HostConfig config;
    HostServiceSet host(db, config);
    JobRequest job;
    job.store = {"legacy-1", GetParam().platform(), {}};
    job.jobId = "orders.import";
    const JobReport report = store->runJob(job, host.services());
    ASSERT_TRUE(report.outcome.ok()) << report.outcome.code << ": " << report.outcome.detail;
    // A 1.4 plugin stores a page of two (upsertPage, walked by its stride); older ones one order.
    const std::size_t stored = GetParam().minor >= 4 ? 2 : 1;
    EXPECT_EQ(report.counts.at("orders.created"), static_cast<std::int64_t>(stored));

    const auto rows = DbSalesOrders(db).list("legacy-1");
    ASSERT_EQ(rows.size(), stored);
    if (stored == 2) {
        EXPECT_EQ(rows[1].externalId, "legacy-order-2");
        EXPECT_EQ(rows[1].number, "11002");
        EXPECT_EQ(rows[1].totalGross, "24.40");
    }
    EXPECT_EQ(rows[0].externalId, "legacy-order-1");
    EXPECT_EQ(rows[0].number, "11001");
    EXPECT_EQ(rows[0].totalGross, "24.40");
    std::string error;
    const auto order = estore::sdk::salesOrderFromJson(rows[0].document, &error);
    ASSERT_TRUE(order) << error;
    // Every 1.1 field arrived.
    EXPECT_EQ(order->buyer.name, "Ana Novak");
    EXPECT_EQ(order->buyer.billing.city, "Ljubljana");
    ASSERT_EQ(order->lines.size(), 1u);
    EXPECT_EQ(order->lines[0].sku, "MAJICA-M");
    EXPECT_EQ(order->lines[0].gross.units, 2440);
    ASSERT_EQ(order->vatBreakdown.size(), 1u);
    EXPECT_EQ(order->paymentMethod, "CreditCard");
    EXPECT_EQ(order->updatedAtMillis, 1796032200000);
    if (GetParam().minor >= 2) {
        // A 1.2 plugin's auto-invoicing fields arrived too.
        EXPECT_EQ(order->paidAmount.units, 2440);
        EXPECT_EQ(order->paymentMethodCode, "kartica");
        EXPECT_EQ(order->orderStatus, "potrjeno");
        EXPECT_TRUE(order->invoiceOnStatus);
    } else {
        // Nothing 1.2 appended was read from beyond the plugin's object: the defaults, which invoice
        // nothing.
        EXPECT_EQ(order->paidAmount.units, 0);
        EXPECT_EQ(order->paymentMethodCode, "");
        EXPECT_EQ(order->orderStatus, "");
        EXPECT_FALSE(order->invoiceOnStatus);
    }
    EXPECT_EQ(order->refundedAmount.units, 0);
    EXPECT_FALSE(order->fiscalPayment);
    if (GetParam().minor >= 3) {
        ASSERT_EQ(order->payments.size(), 1u) << "a 1.3 or 1.4 plugin's payment parts arrive";
        EXPECT_EQ(order->payments[0].methodCode, "kartica");
        EXPECT_EQ(order->payments[0].amount.units, 2440);
    } else {
        EXPECT_TRUE(order->payments.empty()) << "1.3's payment parts are never read from an older plugin";
    }
    EXPECT_TRUE(order->refunds.empty()) << "1.5's refunds are never read from an older plugin";
}

INSTANTIATE_TEST_SUITE_P(Api, OlderMinorPlugin, ::testing::ValuesIn(kLegacy),
                         [](const ::testing::TestParamInfo<Legacy>& p) {
                             return "v1_" + std::to_string(p.param.minor);
                         });

#if defined(__x86_64__) && defined(__GLIBCXX__)
TEST(ContractLayout, EveryStructThatCrossesTheBoundaryHasTheSizeOfThisMinorVersion) {
    // A tripwire, not a proof: a struct that crosses the boundary changed size. Read host_api/README.md
    // ("Growing the contract"): most of these may never change within major 1; the few that may grow
    // need a new minor version, and a plugin-built one (SalesOrder, JobSchedule) also its old layout in
    // sdk/src/abi/ and a case in OlderMinorStore. Then update this table. (x86-64, libstdc++.)
    ASSERT_EQ(kApiVersion.toString(), "1.5") << "a new minor: record its sizes here";
    struct Expected {
        const char* name;
        std::size_t actual;
        std::size_t expected;
    };
    const Expected sizes[] = {
        {"Text", sizeof(Text), 64},
        {"Outcome", sizeof(Outcome), 176},
        {"Amount", sizeof(Amount), 16},
        {"Address", sizeof(Address), 256},
        {"Buyer", sizeof(Buyer), 424},
        {"SalesOrderLine", sizeof(SalesOrderLine), 216},
        {"VatRateTotal", sizeof(VatRateTotal), 64},
        {"ReviewFlag", sizeof(ReviewFlag), 96},
        {"SalesOrder", sizeof(SalesOrder), 1304},
        {"PaymentPart", sizeof(PaymentPart), 88},
        {"RefundedLine", sizeof(RefundedLine), 64},
        {"Refund", sizeof(Refund), 104},
        {"StockLevel", sizeof(StockLevel), 64},
        {"Choice", sizeof(Choice), 96},
        {"FieldSpec", sizeof(FieldSpec), 264},
        {"JobSpec", sizeof(JobSpec), 136},
        {"StoreDescriptor", sizeof(StoreDescriptor), 200},
        {"ShopIdentity", sizeof(ShopIdentity), 144},
        {"FieldError", sizeof(FieldError), 128},
        {"Validation", sizeof(Validation), 392},
        {"JobReport", sizeof(JobReport), 288},
        {"WebhookAck", sizeof(WebhookAck), 184},
        {"NamedCode", sizeof(NamedCode), 64},
        {"HostServices", sizeof(HostServices), 88},
        {"StoreRef", sizeof(StoreRef), 112},
        {"JobSchedule", sizeof(JobSchedule), 48},
        {"JobRequest", sizeof(JobRequest), 192},
        {"WebhookRequest", sizeof(WebhookRequest), 144},
    };
    for (const auto& s : sizes) EXPECT_EQ(s.actual, s.expected) << s.name << " changed size";
}
#endif
