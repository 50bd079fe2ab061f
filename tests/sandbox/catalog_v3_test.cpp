// Catalog V3 routes (reference §6, §8): Query Products, Query Variants and the inventory query with
// cursor paging, and the bulk inventory update with revisions and per-item results.

#include <set>

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

using wix_sandbox::CatalogOptions;
using wix_sandbox::CatalogProduct;
using wix_sandbox::CatalogVariant;
using wix_sandbox::CatalogVersion;
using wix_sandbox::StockLevel;

const std::string kBulkUpdate = "/stores/v3/bulk/inventory-items/update";
const std::string kInventoryQuery = "/stores/v3/inventory-items/query";

std::string updateEntry(const StockLevel& level, const std::string& stock) {
    return R"({"inventoryItem":{"id":")" + level.inventoryItemId + R"(","revision":")" +
           std::to_string(level.revision) + R"(",)" + stock + "}}";
}

std::string bulk(const std::vector<std::string>& entries, bool returnEntity = false) {
    std::string body = R"({"inventoryItems":[)";
    for (std::size_t i = 0; i < entries.size(); ++i) body += (i ? "," : "") + entries[i];
    return body + R"(],"returnEntity":)" + (returnEntity ? "true" : "false") + R"(,"reason":"MANUAL"})";
}

class CatalogV3Test : public ::testing::Test {
protected:
    CatalogV3Test() : site(harness.addSite(CatalogVersion::V3)) {}

    HttpResult call(const std::string& path, const std::string& body) {
        return harness.client().wix("POST", path, body, harness.key(), site.siteId);
    }

    /// Follows cursors from `firstBody` to the end; returns every page's answer.
    std::vector<Poco::JSON::Object::Ptr> allPages(const std::string& path, const std::string& firstBody) {
        std::vector<Poco::JSON::Object::Ptr> pages;
        std::string body = firstBody;
        for (int guard = 0; guard < 10000; ++guard) {
            HttpResult result = call(path, body);
            EXPECT_EQ(result.status, 200) << result.body;
            if (result.status != 200) break;
            pages.push_back(result.json());
            Poco::JSON::Object::Ptr paging = pages.back()->getObject("pagingMetadata");
            if (!paging->getValue<bool>("hasNext")) break;
            body = R"({"query":{"cursorPaging":{"cursor":")" +
                   paging->getObject("cursors")->getValue<std::string>("next") + R"("}}})";
        }
        return pages;
    }

    SandboxHarness harness;
    wix_sandbox::SiteInfo site;
};

TEST_F(CatalogV3Test, QueryProductsPagesByCursorWithoutVariants) {
    harness.sandbox().generateCatalog(site.siteId, 260, CatalogOptions::clean());
    const std::size_t products = harness.sandbox().catalogSummary(site.siteId).products;
    std::vector<Poco::JSON::Object::Ptr> pages =
        allPages("/stores/v3/products/query", R"({"query":{"cursorPaging":{"limit":100}}})");
    std::set<std::string> ids;
    for (const Poco::JSON::Object::Ptr& page : pages) {
        Poco::JSON::Array::Ptr list = page->getArray("products");
        EXPECT_EQ(page->getObject("pagingMetadata")->getValue<int>("count"), static_cast<int>(list->size()));
        for (std::size_t i = 0; i < list->size(); ++i) {
            Poco::JSON::Object::Ptr product = list->getObject(i);
            ids.insert(product->getValue<std::string>("id"));
            EXPECT_FALSE(product->has("variants"));
            EXPECT_FALSE(product->has("variantsInfo"));
            EXPECT_EQ(product->getValue<std::string>("productType"), "PHYSICAL");
            EXPECT_TRUE(
                product->getObject("actualPriceRange")->getObject("minValue")->get("amount").isString());
        }
    }
    EXPECT_EQ(ids.size(), products);
    EXPECT_EQ(pages.size(), (products + 99) / 100);
    EXPECT_FALSE(pages.front()->has("totalResults"));
    EXPECT_FALSE(pages.back()->getObject("pagingMetadata")->getObject("cursors")->has("next"));
}

TEST_F(CatalogV3Test, QueryProductsLimitsAndFilters) {
    const std::vector<CatalogProduct> stored =
        harness.sandbox().seedCatalog(site.siteId, {CatalogProduct{}, CatalogProduct{}});
    EXPECT_EQ(call("/stores/v3/products/query", R"({"query":{"cursorPaging":{"limit":101}}})").status, 400);
    EXPECT_EQ(call("/stores/v3/products/query", R"({"query":{"filter":"{\"id\":\"x\"}"}})").status, 400)
        << "V3 filters are objects";
    EXPECT_EQ(call("/stores/v3/products/query", R"({"query":{"filter":{"price":{"$gt":1}}}})").status, 400);
    HttpResult one = call("/stores/v3/products/query",
                          R"({"query":{"filter":{"id":{"$in":[")" + stored[1].id + R"("]}}}})");
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json()->getArray("products")->size(), 1u);
    EXPECT_EQ(one.json()->getArray("products")->getObject(0)->getValue<std::string>("id"), stored[1].id);
}

TEST_F(CatalogV3Test, QueryVariantsPagesUpToAThousandAndFiltersByProduct) {
    harness.sandbox().generateCatalog(site.siteId, 2500, CatalogOptions::clean());
    std::vector<Poco::JSON::Object::Ptr> pages =
        allPages("/stores/v3/products/query-variants", R"({"query":{"cursorPaging":{"limit":1000}}})");
    ASSERT_EQ(pages.size(), 3u);
    std::set<std::string> ids;
    for (const Poco::JSON::Object::Ptr& page : pages) {
        Poco::JSON::Array::Ptr variants = page->getArray("variants");
        for (std::size_t i = 0; i < variants->size(); ++i)
            ids.insert(variants->getObject(i)->getValue<std::string>("id"));
    }
    EXPECT_EQ(ids.size(), 2500u);
    EXPECT_EQ(
        call("/stores/v3/products/query-variants", R"({"query":{"cursorPaging":{"limit":1001}}})").status,
        400);

    const CatalogProduct managed = [&] {
        for (const CatalogProduct& product : harness.sandbox().catalogProducts(site.siteId))
            if (product.manageVariants) return product;
        return CatalogProduct{};
    }();
    ASSERT_TRUE(managed.manageVariants);
    HttpResult ofProduct = call("/stores/v3/products/query-variants",
                                R"({"query":{"filter":{"productData.productId":")" + managed.id + R"("}}})");
    ASSERT_EQ(ofProduct.status, 200) << ofProduct.body;
    Poco::JSON::Array::Ptr variants = ofProduct.json()->getArray("variants");
    ASSERT_EQ(variants->size(), managed.variants.size());
    Poco::JSON::Object::Ptr first = variants->getObject(0);
    EXPECT_EQ(first->getValue<std::string>("id"), managed.variants[0].id);
    EXPECT_EQ(first->getValue<std::string>("sku"), managed.variants[0].sku);
    EXPECT_EQ(first->getObject("productData")->getValue<std::string>("productId"), managed.id);
    EXPECT_TRUE(first->getObject("price")->getObject("actualPrice")->get("amount").isString());
    EXPECT_EQ(first->getArray("optionChoices")->size(), 1u);
    EXPECT_EQ(
        call("/stores/v3/products/query-variants", R"({"query":{"filter":{"sku":"SKU-000001"}}})").status,
        400)
        << "Query Variants filters on product and variant ids only";
}

TEST_F(CatalogV3Test, InventoryItemsCarryRevisionVariantSkuAndOneOfStock) {
    CatalogProduct tracked;
    tracked.sku = "A-1";
    CatalogVariant five;
    five.quantity = 5;
    tracked.variants = {five};
    CatalogProduct untracked;
    untracked.sku = "B-1";
    CatalogVariant flag;
    flag.trackQuantity = false;
    flag.inStock = false;
    untracked.variants = {flag};
    const std::vector<CatalogProduct> stored =
        harness.sandbox().seedCatalog(site.siteId, {tracked, untracked});
    HttpResult result = call(kInventoryQuery, R"({"query":{}})");
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Array::Ptr items = result.json()->getArray("inventoryItems");
    ASSERT_EQ(items->size(), 2u);
    Poco::JSON::Object::Ptr a = items->getObject(0);
    EXPECT_EQ(a->getValue<std::string>("id"), stored[0].variants[0].inventoryItemId);
    EXPECT_EQ(a->getValue<std::string>("variantId"), stored[0].variants[0].id);
    EXPECT_NE(a->getValue<std::string>("variantId"), "00000000-0000-0000-0000-000000000000");
    EXPECT_EQ(a->getValue<std::string>("productId"), stored[0].id);
    EXPECT_TRUE(a->get("revision").isString());
    EXPECT_TRUE(a->getValue<bool>("trackQuantity"));
    EXPECT_EQ(a->getValue<int>("quantity"), 5);
    EXPECT_FALSE(a->has("inStock")) << "quantity and inStock are a one-of";
    EXPECT_EQ(a->getValue<std::string>("availabilityStatus"), "IN_STOCK");
    EXPECT_EQ(a->getObject("product")->getValue<std::string>("variantSku"), "A-1");
    Poco::JSON::Object::Ptr b = items->getObject(1);
    EXPECT_FALSE(b->getValue<bool>("trackQuantity"));
    EXPECT_FALSE(b->has("quantity"));
    EXPECT_FALSE(b->getValue<bool>("inStock"));
    EXPECT_EQ(b->getValue<std::string>("availabilityStatus"), "OUT_OF_STOCK");
}

TEST_F(CatalogV3Test, InventoryQueryFiltersOnIdsAndFollowsCursorsAlone) {
    harness.sandbox().generateCatalog(site.siteId, 300);
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    const auto count = [&](const std::string& filter) {
        HttpResult result = call(kInventoryQuery, R"({"query":{"filter":)" + filter + "}}");
        EXPECT_EQ(result.status, 200) << filter << " " << result.body;
        return result.json()->getArray("inventoryItems")->size();
    };
    EXPECT_EQ(count(R"({"id":")" + stock[10].inventoryItemId + R"("})"), 1u);
    EXPECT_EQ(count(R"({"id":{"$in":[")" + stock[1].inventoryItemId + R"(",")" + stock[2].inventoryItemId +
                    R"(","nope"]}})"),
              2u);
    EXPECT_EQ(count(R"({"variantId":{"$eq":")" + stock[5].variantId + R"("}})"), 1u);
    std::size_t ofProduct = 0;
    for (const StockLevel& level : stock) ofProduct += level.productId == stock[20].productId ? 1 : 0;
    EXPECT_EQ(count(R"({"productId":{"$in":[")" + stock[20].productId + R"("]}})"), ofProduct);
    EXPECT_EQ(call(kInventoryQuery, R"({"query":{"filter":{"sku":"x"}}})").status, 400);

    // 300 items in pages of 100; the follow-ups carry only the cursor.
    std::vector<Poco::JSON::Object::Ptr> pages =
        allPages(kInventoryQuery, R"({"query":{"cursorPaging":{"limit":100}}})");
    ASSERT_EQ(pages.size(), 3u);
    HttpResult first = call(kInventoryQuery, R"({"query":{"cursorPaging":{"limit":100}}})");
    const std::string cursor =
        first.json()->getObject("pagingMetadata")->getObject("cursors")->getValue<std::string>("next");
    EXPECT_EQ(call(kInventoryQuery,
                   R"({"query":{"filter":{"productId":"x"},"cursorPaging":{"cursor":")" + cursor + R"("}}})")
                  .status,
              400);
    EXPECT_EQ(call(kInventoryQuery, R"({"query":{"cursorPaging":{"limit":1001}}})").status, 400);
}

TEST_F(CatalogV3Test, FilteredCursorKeepsItsFilter) {
    harness.sandbox().generateCatalog(site.siteId, 60, CatalogOptions::clean());
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    std::string ids;
    for (std::size_t i = 0; i < stock.size(); i += 2)
        ids += (ids.empty() ? "\"" : ",\"") + stock[i].inventoryItemId + "\"";
    std::vector<Poco::JSON::Object::Ptr> pages =
        allPages(kInventoryQuery,
                 R"({"query":{"filter":{"id":{"$in":[)" + ids + R"(]}},"cursorPaging":{"limit":7}}})");
    std::size_t seen = 0;
    for (const Poco::JSON::Object::Ptr& page : pages) seen += page->getArray("inventoryItems")->size();
    EXPECT_EQ(seen, (stock.size() + 1) / 2);
}

TEST_F(CatalogV3Test, BulkUpdateSetsQuantitiesAndMovesRevisions) {
    harness.sandbox().generateCatalog(site.siteId, 30, CatalogOptions::clean());
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    HttpResult result =
        call(kBulkUpdate, bulk({updateEntry(stock[0], R"("trackQuantity":true,"quantity":50)"),
                                updateEntry(stock[1], R"("quantity":0)")},
                               true));
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Object::Ptr body = result.json();
    Poco::JSON::Array::Ptr results = body->getArray("results");
    ASSERT_EQ(results->size(), 2u);
    Poco::JSON::Object::Ptr meta = results->getObject(0)->getObject("itemMetadata");
    EXPECT_EQ(meta->getValue<std::string>("id"), stock[0].inventoryItemId);
    EXPECT_EQ(meta->getValue<int>("originalIndex"), 0);
    EXPECT_TRUE(meta->getValue<bool>("success"));
    Poco::JSON::Object::Ptr item = results->getObject(0)->getObject("item");
    ASSERT_TRUE(item) << "returnEntity";
    EXPECT_EQ(item->getValue<int>("quantity"), 50);
    EXPECT_EQ(item->getValue<std::string>("revision"), std::to_string(stock[0].revision + 1));
    EXPECT_EQ(body->getObject("bulkActionMetadata")->getValue<int>("totalSuccesses"), 2);
    EXPECT_EQ(body->getObject("bulkActionMetadata")->getValue<int>("totalFailures"), 0);
    EXPECT_EQ(body->getObject("bulkActionMetadata")->getValue<int>("undetailedFailures"), 0);

    EXPECT_EQ(harness.sandbox().stockOfItem(site.siteId, stock[0].inventoryItemId).quantity, 50);
    EXPECT_EQ(harness.sandbox().stockOfItem(site.siteId, stock[0].inventoryItemId).revision,
              stock[0].revision + 1);
    EXPECT_EQ(harness.sandbox().stockOfItem(site.siteId, stock[1].inventoryItemId).quantity, 0);

    HttpResult quiet = call(kBulkUpdate, bulk({updateEntry(stock[2], R"("quantity":1)")}));
    ASSERT_EQ(quiet.status, 200);
    EXPECT_FALSE(quiet.json()->getArray("results")->getObject(0)->has("item")) << "no entity unless asked";
}

TEST_F(CatalogV3Test, BulkUpdatePerItemFailures) {
    CatalogProduct untracked;
    untracked.sku = "U-1";
    CatalogVariant flag;
    flag.trackQuantity = false;
    untracked.variants = {flag};
    CatalogProduct tracked;
    tracked.sku = "T-1";
    harness.sandbox().seedCatalog(site.siteId, {untracked, tracked});
    const StockLevel u = harness.sandbox().stockBySku(site.siteId, "U-1").front();
    StockLevel t = harness.sandbox().stockBySku(site.siteId, "T-1").front();
    StockLevel stale = t;
    harness.sandbox().setQuantity(site.siteId, "T-1", 9);  // a sale in Wix after the client read
    StockLevel unknown = t;
    unknown.inventoryItemId = "0a0a0a0a-0000-4000-8000-00000000000f";

    HttpResult result = call(
        kBulkUpdate, bulk({updateEntry(stale, R"("quantity":3)"), updateEntry(unknown, R"("quantity":3)"),
                           updateEntry(u, R"("quantity":3)"), updateEntry(u, R"("inStock":false)")}));
    ASSERT_EQ(result.status, 200) << "per-item failures keep HTTP 200";
    Poco::JSON::Array::Ptr results = result.json()->getArray("results");
    const auto code = [&](std::size_t i) {
        Poco::JSON::Object::Ptr meta = results->getObject(i)->getObject("itemMetadata");
        EXPECT_EQ(meta->getValue<int>("originalIndex"), static_cast<int>(i));
        return meta->getValue<bool>("success") ? std::string("OK")
                                               : meta->getObject("error")->getValue<std::string>("code");
    };
    EXPECT_EQ(code(0), "REVISION_MISMATCH");
    EXPECT_EQ(code(1), "NOT_FOUND");
    EXPECT_EQ(code(2), "INVENTORY_ITEM_NOT_TRACKED");
    EXPECT_EQ(code(3), "OK");
    Poco::JSON::Object::Ptr meta = result.json()->getObject("bulkActionMetadata");
    EXPECT_EQ(meta->getValue<int>("totalSuccesses"), 1);
    EXPECT_EQ(meta->getValue<int>("totalFailures"), 3);
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "T-1").front().quantity, 9) << "the stale write lost";
    EXPECT_FALSE(harness.sandbox().stockBySku(site.siteId, "U-1").front().tracked)
        << "untracked stays untracked";

    // With the fresh revision the write goes through.
    t = harness.sandbox().stockBySku(site.siteId, "T-1").front();
    HttpResult retry = call(kBulkUpdate, bulk({updateEntry(t, R"("quantity":3)")}));
    EXPECT_TRUE(retry.json()
                    ->getArray("results")
                    ->getObject(0)
                    ->getObject("itemMetadata")
                    ->getValue<bool>("success"));
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "T-1").front().quantity, 3);
}

TEST_F(CatalogV3Test, BulkUpdateRefusesMalformedRequestsWhole) {
    harness.sandbox().generateCatalog(site.siteId, 120, CatalogOptions::clean());
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    std::vector<std::string> entries;
    for (std::size_t i = 0; i < 101; ++i) entries.push_back(updateEntry(stock[i], R"("quantity":1)"));
    HttpResult tooMany = call(kBulkUpdate, bulk(entries));
    EXPECT_EQ(tooMany.status, 400);
    EXPECT_EQ(harness.sandbox().stockOfItem(site.siteId, stock[0].inventoryItemId).revision,
              stock[0].revision);
    entries.pop_back();
    EXPECT_EQ(call(kBulkUpdate, bulk(entries)).status, 200) << "100 is allowed";

    EXPECT_EQ(call(kBulkUpdate, R"({"inventoryItems":[]})").status, 400);
    EXPECT_EQ(call(kBulkUpdate, R"({})").status, 400);
    EXPECT_EQ(call(kBulkUpdate, R"({"inventoryItems":[{"inventoryItem":{"id":")" + stock[0].inventoryItemId +
                                    R"(","quantity":1}}]})")
                  .status,
              400)
        << "the revision is required";
    EXPECT_EQ(call(kBulkUpdate, bulk({updateEntry(stock[0], R"("quantity":1,"inStock":true)")})).status, 400);
}

TEST_F(CatalogV3Test, InjectedFailuresAndForcedConflicts) {
    harness.sandbox().generateCatalog(site.siteId, 25, CatalogOptions::clean());
    const StockLevel item = harness.sandbox().stock(site.siteId)[3];
    harness.sandbox().failInventoryUpdates(site.siteId, item.inventoryItemId, "INTERNAL_ERROR", 2);
    for (int attempt = 0; attempt < 2; ++attempt) {
        HttpResult result = call(kBulkUpdate, bulk({updateEntry(item, R"("quantity":8)")}));
        ASSERT_EQ(result.status, 200);
        EXPECT_EQ(result.json()
                      ->getArray("results")
                      ->getObject(0)
                      ->getObject("itemMetadata")
                      ->getObject("error")
                      ->getValue<std::string>("code"),
                  "INTERNAL_ERROR");
    }
    HttpResult third = call(kBulkUpdate, bulk({updateEntry(item, R"("quantity":8)")}));
    EXPECT_TRUE(third.json()
                    ->getArray("results")
                    ->getObject(0)
                    ->getObject("itemMetadata")
                    ->getValue<bool>("success"));

    const StockLevel read = harness.sandbox().stockOfItem(site.siteId, item.inventoryItemId);
    const StockLevel bumped = harness.sandbox().bumpRevision(site.siteId, item.inventoryItemId);
    EXPECT_EQ(bumped.revision, read.revision + 1);
    EXPECT_EQ(bumped.quantity, 8);
    HttpResult conflict = call(kBulkUpdate, bulk({updateEntry(read, R"("quantity":1)")}));
    EXPECT_EQ(conflict.json()
                  ->getArray("results")
                  ->getObject(0)
                  ->getObject("itemMetadata")
                  ->getObject("error")
                  ->getValue<std::string>("code"),
              "REVISION_MISMATCH");

    harness.sandbox().failInventoryUpdates(site.siteId, item.inventoryItemId, "INTERNAL_ERROR", -1);
    harness.sandbox().clearInventoryFailures();
    HttpResult cleared = call(kBulkUpdate, bulk({updateEntry(bumped, R"("quantity":2)")}));
    EXPECT_TRUE(cleared.json()
                    ->getArray("results")
                    ->getObject(0)
                    ->getObject("itemMetadata")
                    ->getValue<bool>("success"));
}

TEST_F(CatalogV3Test, V1RoutesOnAV3SiteAre428) {
    for (const char* path : {"/stores/v1/products/query", "/stores-reader/v1/products/query",
                             "/stores/v2/inventoryItems/query", "/stores/v2/inventoryItems/increment"}) {
        HttpResult result = call(path, "{}");
        EXPECT_EQ(result.status, 428) << path;
        EXPECT_EQ(result.errorCode(), "CATALOG_V3_SITE_CALLING_CATALOG_V1_API") << path;
    }
    HttpResult patch = harness.client().wix("PATCH", "/stores/v2/inventoryItems/product/abc", "{}",
                                            harness.key(), site.siteId);
    EXPECT_EQ(patch.status, 428);
}

TEST_F(CatalogV3Test, ScopesPerRoute) {
    harness.sandbox().generateCatalog(site.siteId, 5, CatalogOptions::clean());
    const StockLevel item = harness.sandbox().stock(site.siteId).front();
    const std::string readOnly = harness.addKey({"SCOPE.STORES.INVENTORY_ITEM_READ"});
    HttpResult denied = harness.client().wix(
        "POST", kBulkUpdate, bulk({updateEntry(item, R"("quantity":1)")}), readOnly, site.siteId);
    EXPECT_EQ(denied.status, 403);
    EXPECT_EQ(denied.errorCode(), "FORBIDDEN");
    EXPECT_EQ(harness.client().wix("POST", kInventoryQuery, "{}", readOnly, site.siteId).status, 200);
    EXPECT_EQ(harness.client().wix("POST", "/stores/v3/products/query", "{}", readOnly, site.siteId).status,
              403);
    const std::string products = harness.addKey({"SCOPE.STORES.PRODUCT_READ"});
    EXPECT_EQ(harness.client().wix("POST", "/stores/v3/products/query", "{}", products, site.siteId).status,
              200);
    EXPECT_EQ(harness.client()
                  .wix("POST", "/stores/v3/products/query-variants", "{}", products, site.siteId)
                  .status,
              200);
    const std::string writer = harness.addKey({"SCOPE.STORES.INVENTORY_ITEM_WRITE"});
    EXPECT_EQ(harness.client()
                  .wix("POST", kBulkUpdate, bulk({updateEntry(item, R"("quantity":1)")}), writer, site.siteId)
                  .status,
              200);
}

TEST_F(CatalogV3Test, StatsCountBulkUpdateCalls) {
    harness.sandbox().generateCatalog(site.siteId, 10, CatalogOptions::clean());
    const std::vector<StockLevel> stock = harness.sandbox().stock(site.siteId);
    harness.sandbox().resetStats();
    call(kBulkUpdate, bulk({updateEntry(stock[0], R"("quantity":1)")}));
    call(kBulkUpdate, bulk({updateEntry(stock[1], R"("quantity":1)")}));
    call(kInventoryQuery, "{}");
    wix_sandbox::RequestStats stats = harness.sandbox().stats();
    EXPECT_EQ(stats.perRoute["POST " + kBulkUpdate], 2u);
    EXPECT_EQ(stats.perRoute["POST " + kInventoryQuery], 1u);
}

TEST_F(CatalogV3Test, FaultsAndRateLimitsApplyToCatalogRoutes) {
    harness.sandbox().generateCatalog(site.siteId, 10, CatalogOptions::clean());
    wix_sandbox::Fault fault;
    fault.path = kBulkUpdate;
    fault.status = 503;
    harness.sandbox().injectFault(fault);
    EXPECT_EQ(call(kBulkUpdate, "{}").status, 503);
    fault.path = "/stores/v3/products/query";
    fault.status = 429;
    fault.body = "<html>Too many</html>";
    fault.contentType = "text/html";
    harness.sandbox().injectFault(fault);
    HttpResult html = call("/stores/v3/products/query", "{}");
    EXPECT_EQ(html.status, 429);
    EXPECT_EQ(html.contentType, "text/html");
    EXPECT_EQ(call("/stores/v3/products/query", "{}").status, 200);
}

}  // namespace
}  // namespace sandbox_test
