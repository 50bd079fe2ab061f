// The catalog model behind the Stores routes: generation (mix, determinism, clean SKUs), seeding from a
// spec, read-back and changes "in Wix", the control API, the config file, concurrency and size.

#include <atomic>
#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"
#include "wix_sandbox/catalog/catalog_generator.h"

namespace sandbox_test {
namespace {

using wix_sandbox::CatalogGenerator;
using wix_sandbox::CatalogOptions;
using wix_sandbox::CatalogProduct;
using wix_sandbox::CatalogSummary;
using wix_sandbox::CatalogVariant;
using wix_sandbox::CatalogVersion;
using wix_sandbox::StockLevel;

class CatalogModelTest : public ::testing::Test {
protected:
    SandboxHarness harness;
};

TEST_F(CatalogModelTest, CleanCatalogHasExactlyTheAskedSkus) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    const CatalogSummary summary =
        harness.sandbox().generateCatalog(site.siteId, 1000, CatalogOptions::clean());
    EXPECT_EQ(summary.variants, 1000u);
    EXPECT_EQ(summary.distinctSkus, 1000u);
    EXPECT_EQ(summary.untrackedVariants + summary.emptySkus + summary.duplicateSkus + summary.hiddenProducts,
              0u);
    EXPECT_GT(summary.managedProducts, 0u) << "managed variants stay in a clean catalog";
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    for (std::size_t i = 0; i < stock.size(); ++i) {
        char expected[32];
        std::snprintf(expected, sizeof expected, "SKU-%06zu", i + 1);
        ASSERT_EQ(stock[i].sku, expected);
        EXPECT_TRUE(stock[i].tracked);
        EXPECT_GE(stock[i].quantity, 0);
    }
}

TEST_F(CatalogModelTest, DefaultMixHasEveryQuirk) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    const CatalogSummary summary = harness.sandbox().generateCatalog(site.siteId, 2000);
    EXPECT_EQ(summary.variants, 2000u);
    EXPECT_GT(summary.products, 1200u) << "mostly simple products";
    EXPECT_LT(summary.products, 2000u);
    EXPECT_GT(summary.managedProducts, 50u);
    EXPECT_GT(summary.untrackedVariants, 0u);
    EXPECT_GT(summary.emptySkus, 0u);
    EXPECT_GT(summary.duplicateSkus, 0u);
    EXPECT_GT(summary.hiddenProducts, 0u);
    std::size_t negative = 0;
    std::map<std::string, int> perSku;
    for (const StockLevel& level : harness.sandbox().stock(site.siteId)) {
        negative += level.tracked && level.quantity < 0 ? 1 : 0;
        if (!level.sku.empty()) ++perSku[level.sku];
    }
    EXPECT_GT(negative, 0u) << "V1 shops oversell";
    for (const CatalogProduct& product : harness.sandbox().catalogProducts(site.siteId)) {
        if (!product.manageVariants) continue;
        EXPECT_GE(product.variants.size(), 2u);
        EXPECT_LE(product.variants.size(), 4u);
        EXPECT_EQ(perSku.count(product.sku), 0u) << "a managed product's own SKU is no variant's";
    }
}

TEST_F(CatalogModelTest, EveryQuirkAppearsFromTwentySkusOn) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        CatalogOptions options;
        options.seed = seed;
        const CatalogSummary summary = harness.sandbox().generateCatalog(site.siteId, 20, options);
        EXPECT_EQ(summary.variants, 20u);
        EXPECT_GT(summary.untrackedVariants, 0u) << seed;
        EXPECT_EQ(summary.emptySkus, 1u) << seed;
        EXPECT_EQ(summary.duplicateSkus, 2u) << seed;
        EXPECT_EQ(summary.hiddenProducts, 1u) << seed;
        std::size_t negative = 0;
        for (const StockLevel& level : harness.sandbox().stock(site.siteId))
            negative += level.quantity < 0 ? 1 : 0;
        EXPECT_EQ(negative, 1u) << seed;
    }
    EXPECT_EQ(harness.sandbox().generateCatalog(site.siteId, 19).distinctSkus, 19u)
        << "tiny catalogs stay plain";
}

TEST_F(CatalogModelTest, SameSeedSameCatalog) {
    const std::vector<CatalogProduct> a =
        CatalogGenerator::generate(500, CatalogOptions{}, 7, CatalogVersion::V3);
    const std::vector<CatalogProduct> b =
        CatalogGenerator::generate(500, CatalogOptions{}, 7, CatalogVersion::V3);
    const std::vector<CatalogProduct> c =
        CatalogGenerator::generate(500, CatalogOptions{}, 8, CatalogVersion::V3);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].id, b[i].id);
        EXPECT_EQ(a[i].sku, b[i].sku);
        EXPECT_EQ(a[i].variants.size(), b[i].variants.size());
        EXPECT_EQ(a[i].variants.front().quantity, b[i].variants.front().quantity);
    }
    EXPECT_NE(a.front().id, c.front().id);

    // Through the sandbox: the site and the sandbox seed decide.
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    harness.sandbox().generateCatalog(site.siteId, 100);
    const std::vector<StockLevel> first = harness.sandbox().stock(site.siteId);
    harness.sandbox().generateCatalog(site.siteId, 100);
    const std::vector<StockLevel> second = harness.sandbox().stock(site.siteId);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i)
        EXPECT_EQ(first[i].inventoryItemId, second[i].inventoryItemId);
}

TEST_F(CatalogModelTest, SeedingCompletesTheSpecAndKeepsDuplicateAndEmptySkus) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    CatalogProduct a;
    a.sku = "DUP";
    CatalogProduct b;
    b.sku = "DUP";
    CatalogProduct c;  // no SKU at all
    const std::vector<CatalogProduct> stored = harness.sandbox().seedCatalog(site.siteId, {a, b, c});
    ASSERT_EQ(stored.size(), 3u);
    for (const CatalogProduct& product : stored) {
        EXPECT_EQ(product.id.size(), 36u);
        EXPECT_EQ(product.variants.size(), 1u);
        EXPECT_EQ(product.variants.front().inventoryItemId.size(), 36u);
        EXPECT_FALSE(product.numericId.empty());
    }
    EXPECT_LT(std::stoll(stored[0].numericId), std::stoll(stored[1].numericId));
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "DUP").size(), 2u);
    const CatalogSummary summary = harness.sandbox().catalogSummary(site.siteId);
    EXPECT_EQ(summary.duplicateSkus, 2u);
    EXPECT_EQ(summary.emptySkus, 1u);
    EXPECT_THROW(harness.sandbox().setQuantity(site.siteId, "DUP", 1), Poco::InvalidArgumentException)
        << "a shared SKU is ambiguous";
    EXPECT_EQ(harness.sandbox().setQuantity(site.siteId, stored[1].variants[0].inventoryItemId, 6).quantity,
              6);

    CatalogProduct bad;
    bad.variants = {CatalogVariant{}, CatalogVariant{}};  // several variants without manageVariants
    EXPECT_THROW(harness.sandbox().seedCatalog(site.siteId, {bad}), Poco::InvalidArgumentException);
    EXPECT_THROW(harness.sandbox().seedCatalog("0a0a0a0a-0000-4000-8000-00000000000e", {}),
                 Poco::NotFoundException);
}

TEST_F(CatalogModelTest, ReadBackAndChangesInWix) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    harness.sandbox().generateCatalog(site.siteId, 50, CatalogOptions::clean());
    const StockLevel before = harness.sandbox().stockBySku(site.siteId, "SKU-000001").front();
    EXPECT_EQ(harness.sandbox().stockOfItem(site.siteId, before.inventoryItemId).sku, "SKU-000001");
    EXPECT_EQ(harness.sandbox().stockOf(site.siteId, before.productId, before.variantId).sku, "SKU-000001");

    const StockLevel sold = harness.sandbox().setQuantity(site.siteId, "SKU-000001", before.quantity - 1);
    EXPECT_EQ(sold.quantity, before.quantity - 1);
    EXPECT_EQ(sold.revision, before.revision + 1);
    const StockLevel off = harness.sandbox().setInStock(site.siteId, before.inventoryItemId, false);
    EXPECT_FALSE(off.tracked);
    EXPECT_FALSE(off.inStock);
    EXPECT_EQ(off.revision, before.revision + 2);
    EXPECT_THROW(harness.sandbox().setQuantity(site.siteId, "NO-SUCH-SKU", 1), Poco::NotFoundException);
    EXPECT_THROW(harness.sandbox().stockOfItem(site.siteId, "nope"), Poco::NotFoundException);
}

TEST_F(CatalogModelTest, V1ShowsTheDefaultVariantIdAndV3TheRealOne) {
    const wix_sandbox::SiteInfo v1 = harness.addSite(CatalogVersion::V1);
    const wix_sandbox::SiteInfo v3 = harness.addSite(CatalogVersion::V3);
    CatalogProduct simple;
    simple.sku = "S-1";
    harness.sandbox().seedCatalog(v1.siteId, {simple});
    harness.sandbox().seedCatalog(v3.siteId, {simple});
    EXPECT_EQ(harness.sandbox().stockBySku(v1.siteId, "S-1").front().variantId,
              "00000000-0000-0000-0000-000000000000");
    EXPECT_NE(harness.sandbox().stockBySku(v3.siteId, "S-1").front().variantId,
              "00000000-0000-0000-0000-000000000000");
}

TEST_F(CatalogModelTest, ControlApiSeedsGeneratesReadsAndChanges) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    const std::string siteField = R"("siteId":")" + site.siteId + R"(")";
    HttpResult seeded =
        harness.client().send("POST", "/_sandbox/catalog",
                              "{" + siteField +
                                  R"(,"products":[{"name":"Med","sku":"MED-1","quantity":4,"price":8.9},
                {"name":"Majica","manageVariants":true,"variants":[{"sku":"M-S","choices":{"Velikost":"S"},"quantity":1},
                                                               {"sku":"M-M","choices":{"Velikost":"M"},"inStock":true}]}]})");
    ASSERT_EQ(seeded.status, 200) << seeded.body;
    Poco::JSON::Array::Ptr products = seeded.json()->getArray("products");
    ASSERT_EQ(products->size(), 2u);
    const std::string itemId =
        products->getObject(0)->getArray("variants")->getObject(0)->getValue<std::string>("inventoryItemId");
    EXPECT_EQ(seeded.json()->getObject("summary")->getValue<int>("untrackedVariants"), 1);

    HttpResult bySku =
        harness.client().send("GET", "/_sandbox/catalog/stock?siteId=" + site.siteId + "&sku=MED-1");
    ASSERT_EQ(bySku.status, 200) << bySku.body;
    Poco::JSON::Object::Ptr level = bySku.json()->getArray("stock")->getObject(0);
    EXPECT_EQ(level->getValue<int>("quantity"), 4);
    EXPECT_TRUE(level->getValue<bool>("tracked"));
    EXPECT_EQ(level->getValue<std::string>("inventoryItemId"), itemId);

    HttpResult sale = harness.client().send("POST", "/_sandbox/catalog/stock",
                                            "{" + siteField + R"(,"sku":"MED-1","quantity":3})");
    ASSERT_EQ(sale.status, 200) << sale.body;
    EXPECT_EQ(sale.json()->getObject("stock")->getValue<int>("quantity"), 3);
    HttpResult bump = harness.client().send("POST", "/_sandbox/catalog/revision",
                                            "{" + siteField + R"(,"itemId":")" + itemId + R"("})");
    ASSERT_EQ(bump.status, 200) << bump.body;
    HttpResult fail = harness.client().send(
        "POST", "/_sandbox/catalog/failures",
        "{" + siteField + R"(,"itemId":")" + itemId + R"(","code":"INVENTORY_ITEM_LOCKED","count":1})");
    ASSERT_EQ(fail.status, 200) << fail.body;
    const StockLevel now = harness.sandbox().stockOfItem(site.siteId, itemId);
    HttpResult update =
        harness.client().wix("POST", "/stores/v3/bulk/inventory-items/update",
                             R"({"inventoryItems":[{"inventoryItem":{"id":")" + itemId + R"(","revision":")" +
                                 std::to_string(now.revision) + R"(","quantity":1}}]})",
                             harness.key(), site.siteId);
    EXPECT_EQ(update.json()
                  ->getArray("results")
                  ->getObject(0)
                  ->getObject("itemMetadata")
                  ->getObject("error")
                  ->getValue<std::string>("code"),
              "INVENTORY_ITEM_LOCKED");
    EXPECT_EQ(harness.client().send("DELETE", "/_sandbox/catalog/failures").status, 200);

    HttpResult generated =
        harness.client().send("POST", "/_sandbox/catalog", "{" + siteField + R"(,"skus":40,"clean":true})");
    ASSERT_EQ(generated.status, 200) << generated.body;
    EXPECT_EQ(generated.json()->getObject("summary")->getValue<int>("distinctSkus"), 40);
    HttpResult all = harness.client().send("GET", "/_sandbox/catalog/stock?siteId=" + site.siteId);
    EXPECT_EQ(all.json()->getArray("stock")->size(), 40u);
    HttpResult listing = harness.client().send("GET", "/_sandbox/catalog?siteId=" + site.siteId);
    EXPECT_EQ(listing.json()->getObject("summary")->getValue<int>("variants"), 40);

    EXPECT_EQ(harness.client()
                  .send("POST", "/_sandbox/catalog/stock", "{" + siteField + R"(,"sku":"nope","quantity":1})")
                  .status,
              404);
    EXPECT_EQ(harness.client()
                  .send("POST", "/_sandbox/catalog", R"({"products":[{"manageVariants":true}]})")
                  .status,
              400);
    HttpResult state = harness.client().send("GET", "/_sandbox/state");
    EXPECT_TRUE(state.json()->getArray("sites")->getObject(0)->has("catalog"));
}

TEST(CatalogOptionsTest, CommandLineChoicesGiveTheDefaultSiteACatalog) {
    wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
    options.catalogSkus = 300;
    options.catalogVersion = CatalogVersion::V1;
    SandboxHarness harness(options);
    EXPECT_EQ(harness.sandbox().defaultSite().catalogVersion, CatalogVersion::V1);
    EXPECT_EQ(harness.sandbox().catalogSummary(harness.site().siteId).variants, 300u);
    HttpResult products = harness.client().wix("POST", "/stores/v1/products/query", "{}", harness.key(),
                                               harness.sandbox().defaultSite().siteId);
    ASSERT_EQ(products.status, 200) << products.body;
    EXPECT_GT(products.json()->getValue<int>("totalResults"), 100);
}

TEST(CatalogOptionsTest, ConfigFileSitesCanCarryACatalog) {
    const std::string directory = makeTempDirectory();
    const std::string file = directory + "/config.json";
    {
        std::ofstream out(file);
        out << R"({"sites":[{"siteId":"abcdef01-2345-6789-abcd-ef0123456789","accountId":"acc-9","catalogVersion":"V3",
                   "catalog":{"skus":25,"clean":true}}]})";
    }
    wix_sandbox::SandboxOptions options = SandboxHarness::defaultOptions();
    options.configFile = file;
    wix_sandbox::Sandbox sandbox(options);
    EXPECT_EQ(sandbox.catalogSummary("abcdef01-2345-6789-abcd-ef0123456789").distinctSkus, 25u);
    Poco::File(directory).remove(true);
}

TEST_F(CatalogModelTest, ConcurrentUpdatesAndReadsStayConsistent) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    harness.sandbox().generateCatalog(site.siteId, 400, CatalogOptions::clean());
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    // Four writers, each on its own quarter of the items, plus sales "in Wix" and readers.
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = static_cast<std::size_t>(t); i < 40; i += 4) {
                const StockLevel level = harness.sandbox().stockOfItem(site.siteId, stock[i].inventoryItemId);
                const std::string body = R"({"inventoryItems":[{"inventoryItem":{"id":")" +
                                         level.inventoryItemId + R"(","revision":")" +
                                         std::to_string(level.revision) + R"(","quantity":77}}]})";
                HttpResult result = harness.client().wix("POST", "/stores/v3/bulk/inventory-items/update",
                                                         body, harness.key(), site.siteId);
                if (result.status != 200) ++failures;
            }
        });
    }
    threads.emplace_back([&] {
        for (int i = 0; i < 30; ++i) {
            HttpResult result = harness.client().wix("POST", "/stores/v3/inventory-items/query",
                                                     R"({"query":{"cursorPaging":{"limit":1000}}})",
                                                     harness.key(), site.siteId);
            if (result.status != 200 || result.json()->getArray("inventoryItems")->size() != 400) ++failures;
        }
    });
    threads.emplace_back([&] {
        for (std::size_t i = 100; i < 200; ++i)
            harness.sandbox().setQuantity(site.siteId, stock[i].inventoryItemId, 1);
    });
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0);
    for (std::size_t i = 0; i < 40; ++i) {
        const StockLevel level = harness.sandbox().stockOfItem(site.siteId, stock[i].inventoryItemId);
        EXPECT_EQ(level.quantity, 77);
        EXPECT_EQ(level.revision, stock[i].revision + 1);
    }
}

TEST_F(CatalogModelTest, HundredThousandSkusGenerateAndPageFast) {
    const wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    const auto start = std::chrono::steady_clock::now();
    const CatalogSummary summary = harness.sandbox().generateCatalog(site.siteId, 100000);
    const auto generated = std::chrono::steady_clock::now();
    EXPECT_EQ(summary.variants, 100000u);
    // ~1.5 s of CPU; generous for a loaded CI machine, still far from O(n²).
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(generated - start).count(), 20000);

    // A lookup by id and a page deep into the catalog cost about the same as on a small one.
    const StockLevel last = harness.sandbox().stockBySku(site.siteId, "SKU-099999").empty()
                                ? harness.sandbox().stock(site.siteId).back()
                                : harness.sandbox().stockBySku(site.siteId, "SKU-099999").front();
    const auto queried = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i) {
        HttpResult result =
            harness.client().wix("POST", "/stores/v3/inventory-items/query",
                                 R"({"query":{"filter":{"id":{"$in":[")" + last.inventoryItemId +
                                     R"("]}},"cursorPaging":{"limit":1000}}})",
                                 harness.key(), site.siteId);
        ASSERT_EQ(result.status, 200);
        ASSERT_EQ(result.json()->getArray("inventoryItems")->size(), 1u);
    }
    const auto elapsed = std::chrono::steady_clock::now() - queried;
    EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count(), 2000);
}

}  // namespace
}  // namespace sandbox_test
