// Catalog V1 routes (reference §5, §7): Query Products with JSON-string filters and offset paging, the
// numericId crawl past 10,000, variants, and the V1 inventory's query, PATCH and increment/decrement.

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

constexpr const char* kDefaultVariant = "00000000-0000-0000-0000-000000000000";

/// A JSON string literal of a JSON text: V1 wants filter and sort JSON-encoded inside the body.
std::string quoted(const std::string& json) {
    std::string out = "\"";
    for (char c : json) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

class CatalogV1Test : public ::testing::Test {
protected:
    CatalogV1Test() : site(harness.addSite(CatalogVersion::V1)) {}

    HttpResult call(const std::string& method, const std::string& path, const std::string& body) {
        return harness.client().wix(method, path, body, harness.key(), site.siteId);
    }
    HttpResult queryProducts(const std::string& body) {
        return call("POST", "/stores/v1/products/query", body);
    }

    /// A shop of two simple products (one untracked) and one with three managed variants.
    std::vector<CatalogProduct> seedSmallShop() {
        CatalogProduct honey;
        honey.name = "Cvetlični med";
        honey.sku = "MED-1";
        honey.priceCents = 890;
        CatalogVariant honeyStock;
        honeyStock.quantity = 7;
        honey.variants = {honeyStock};
        CatalogProduct shirt;
        shirt.name = "Majica Lipa";
        shirt.sku = "MAJ";
        shirt.manageVariants = true;
        shirt.priceCents = 1990;
        for (const char* size : {"S", "M", "L"}) {
            CatalogVariant variant;
            variant.sku = std::string("MAJ-") + size;
            variant.choices = {{"Velikost", size}};
            variant.quantity = size[0] == 'M' ? 0 : 3;
            shirt.variants.push_back(variant);
        }
        CatalogProduct course;
        course.name = "Tečaj peke";
        course.sku = "TEC-1";
        course.productType = "digital";
        CatalogVariant untracked;
        untracked.trackQuantity = false;
        untracked.inStock = true;
        course.variants = {untracked};
        return harness.sandbox().seedCatalog(site.siteId, {honey, shirt, course});
    }

    SandboxHarness harness;
    wix_sandbox::SiteInfo site;
};

TEST_F(CatalogV1Test, QueryProductsAnswersWixShapes) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult result = queryProducts(R"({"query":{},"includeVariants":true})");
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Object::Ptr body = result.json();
    EXPECT_EQ(body->getValue<int>("totalResults"), 3);
    EXPECT_EQ(body->getObject("metadata")->getValue<int>("items"), 100);
    EXPECT_EQ(body->getObject("metadata")->getValue<int>("offset"), 0);
    Poco::JSON::Array::Ptr products = body->getArray("products");
    ASSERT_EQ(products->size(), 3u);

    Poco::JSON::Object::Ptr honey = products->getObject(0);
    EXPECT_EQ(honey->getValue<std::string>("id"), stored[0].id);
    EXPECT_TRUE(honey->get("numericId").isString());
    EXPECT_EQ(honey->getValue<std::string>("sku"), "MED-1");
    EXPECT_FALSE(honey->getValue<bool>("manageVariants"));
    EXPECT_EQ(honey->getValue<std::string>("productType"), "physical");
    EXPECT_TRUE(honey->getObject("priceData")->get("price").isNumeric()) << "V1 prices are numbers";
    EXPECT_DOUBLE_EQ(honey->getObject("priceData")->getValue<double>("price"), 8.9);
    Poco::JSON::Object::Ptr stock = honey->getObject("stock");
    EXPECT_TRUE(stock->getValue<bool>("trackInventory"));
    EXPECT_EQ(stock->getValue<int>("quantity"), 7);
    EXPECT_EQ(stock->getValue<std::string>("inventoryStatus"), "IN_STOCK");
    Poco::JSON::Array::Ptr honeyVariants = honey->getArray("variants");
    ASSERT_EQ(honeyVariants->size(), 1u);
    EXPECT_EQ(honeyVariants->getObject(0)->getValue<std::string>("id"), kDefaultVariant);
    EXPECT_EQ(honeyVariants->getObject(0)->getObject("variant")->getValue<std::string>("sku"), "MED-1");

    Poco::JSON::Object::Ptr shirt = products->getObject(1);
    EXPECT_TRUE(shirt->getValue<bool>("manageVariants"));
    EXPECT_EQ(shirt->getObject("stock")->getValue<std::string>("inventoryStatus"), "PARTIALLY_OUT_OF_STOCK");
    EXPECT_EQ(shirt->getObject("stock")->getValue<int>("quantity"), 6);
    Poco::JSON::Array::Ptr variants = shirt->getArray("variants");
    ASSERT_EQ(variants->size(), 3u);
    Poco::JSON::Object::Ptr medium = variants->getObject(1);
    EXPECT_EQ(medium->getValue<std::string>("id"), stored[1].variants[1].id);
    EXPECT_EQ(medium->getObject("choices")->getValue<std::string>("Velikost"), "M");
    EXPECT_EQ(medium->getObject("variant")->getValue<std::string>("sku"), "MAJ-M");
    EXPECT_TRUE(medium->getObject("variant")->getObject("priceData")->get("price").isNumeric());
    EXPECT_EQ(medium->getObject("stock")->getValue<int>("quantity"), 0);
    EXPECT_FALSE(medium->getObject("stock")->getValue<bool>("inStock"));

    Poco::JSON::Object::Ptr course = products->getObject(2);
    EXPECT_FALSE(course->getObject("stock")->getValue<bool>("trackInventory"));
    EXPECT_FALSE(course->getObject("stock")->has("quantity")) << "quantity only when tracked";
    EXPECT_FALSE(course->getArray("variants")->getObject(0)->getObject("stock")->has("quantity"));
}

TEST_F(CatalogV1Test, VariantsOnlyWithIncludeVariants) {
    seedSmallShop();
    HttpResult result = queryProducts(R"({"query":{}})");
    ASSERT_EQ(result.status, 200);
    EXPECT_FALSE(result.json()->getArray("products")->getObject(0)->has("variants"));
}

TEST_F(CatalogV1Test, FilterAndSortMustBeJsonStrings) {
    seedSmallShop();
    HttpResult object = queryProducts(R"({"query":{"filter":{"sku":"MED-1"}}})");
    EXPECT_EQ(object.status, 400);
    EXPECT_TRUE(object.json()->getObject("details")->has("validationError"));
    EXPECT_EQ(queryProducts(R"({"query":{"sort":[{"numericId":"asc"}]}})").status, 400);
    EXPECT_EQ(queryProducts(R"({"query":{"filter":"{not json"}})").status, 400);

    HttpResult text = queryProducts(R"({"query":{"filter":)" + quoted(R"({"sku":{"$eq":"MED-1"}})") + "}}");
    ASSERT_EQ(text.status, 200) << text.body;
    EXPECT_EQ(text.json()->getValue<int>("totalResults"), 1);
}

TEST_F(CatalogV1Test, FiltersOnSkuIdAndNumericId) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    const auto total = [&](const std::string& filter) {
        HttpResult result = queryProducts(R"({"query":{"filter":)" + quoted(filter) + "}}");
        EXPECT_EQ(result.status, 200) << filter << " " << result.body;
        return result.json()->getValue<int>("totalResults");
    };
    EXPECT_EQ(total(R"({"sku":{"$hasSome":["MED-1","TEC-1","NOPE"]}})"), 2);
    EXPECT_EQ(total(R"({"sku":"MAJ-L"})"), 1) << "a variant's SKU finds its product";
    EXPECT_EQ(total(R"({"id":{"$eq":")" + stored[1].id + R"("}})"), 1);
    EXPECT_EQ(total(R"({"id":{"$hasSome":[")" + stored[0].id + R"(",")" + stored[2].id + R"("]}})"), 2);
    EXPECT_EQ(total(R"({"numericId":{"$gt":")" + stored[0].numericId + R"("}})"), 2);
    EXPECT_EQ(total(R"({"numericId":{"$gt":1600000000000000}})"), 3) << "the doc example's start";
    EXPECT_EQ(queryProducts(R"({"query":{"filter":)" + quoted(R"({"price":{"$gt":1}})") + "}}").status, 400)
        << "unsupported fields are refused, never ignored";
    EXPECT_EQ(queryProducts(R"({"query":{"filter":)" + quoted(R"({"sku":{"$regex":"M"}})") + "}}").status,
              400);
}

TEST_F(CatalogV1Test, PageSizeIsAtMostHundred) {
    CatalogOptions simpleOnly = CatalogOptions::clean();
    simpleOnly.variants = false;
    harness.sandbox().generateCatalog(site.siteId, 250, simpleOnly);
    HttpResult big = queryProducts(R"({"query":{"paging":{"limit":101}}})");
    EXPECT_EQ(big.status, 400);
    EXPECT_EQ(big.json()
                  ->getObject("details")
                  ->getObject("validationError")
                  ->getArray("fieldViolations")
                  ->getObject(0)
                  ->getValue<std::string>("violatedRule"),
              "MAX");
    HttpResult page = queryProducts(R"({"query":{"paging":{"limit":100,"offset":100}}})");
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.json()->getArray("products")->size(), 100u);
    HttpResult defaultPage = queryProducts(R"({})");
    EXPECT_EQ(defaultPage.json()->getArray("products")->size(), 100u) << "default page is 100";
}

TEST_F(CatalogV1Test, OffsetPagingEndsAtTenThousandSoClientsCrawlByNumericId) {
    CatalogOptions simpleOnly = CatalogOptions::clean();
    simpleOnly.variants = false;
    const wix_sandbox::CatalogSummary summary =
        harness.sandbox().generateCatalog(site.siteId, 10500, simpleOnly);
    ASSERT_EQ(summary.products, 10500u);
    EXPECT_EQ(queryProducts(R"({"query":{"paging":{"limit":100,"offset":9900}}})").status, 200);
    HttpResult beyond = queryProducts(R"({"query":{"paging":{"limit":100,"offset":9901}}})");
    EXPECT_EQ(beyond.status, 400);
    EXPECT_EQ(beyond.json()
                  ->getObject("details")
                  ->getObject("validationError")
                  ->getArray("fieldViolations")
                  ->getObject(0)
                  ->getValue<std::string>("field"),
              "query.paging.offset");

    // The documented crawl: sort numericId asc, filter numericId $gt the last one, until a page is empty.
    std::set<std::string> skus;
    std::string last = "0";
    int calls = 0;
    for (;;) {
        const std::string query =
            R"({"query":{"filter":)" + quoted(R"({"numericId":{"$gt":")" + last + R"("}})") + R"(,"sort":)" +
            quoted(R"([{"numericId":"asc"}])") +
            R"(,"paging":{"limit":100}},"includeVariants":true,"includeHiddenProducts":true})";
        HttpResult page = queryProducts(query);
        ASSERT_EQ(page.status, 200) << page.body;
        ++calls;
        Poco::JSON::Array::Ptr products = page.json()->getArray("products");
        if (products->size() == 0) break;
        for (std::size_t i = 0; i < products->size(); ++i) {
            Poco::JSON::Array::Ptr variants = products->getObject(i)->getArray("variants");
            for (std::size_t v = 0; v < variants->size(); ++v)
                skus.insert(variants->getObject(v)->getObject("variant")->getValue<std::string>("sku"));
            last = products->getObject(i)->getValue<std::string>("numericId");
        }
    }
    EXPECT_EQ(skus.size(), 10500u);
    EXPECT_EQ(calls, static_cast<int>((summary.products + 99) / 100) + 1);
}

TEST_F(CatalogV1Test, DescendingSortAndUnknownSortField) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult desc = queryProducts(R"({"query":{"sort":)" + quoted(R"([{"numericId":"desc"}])") + "}}");
    ASSERT_EQ(desc.status, 200);
    EXPECT_EQ(desc.json()->getArray("products")->getObject(0)->getValue<std::string>("id"), stored[2].id);
    EXPECT_EQ(queryProducts(R"({"query":{"sort":)" + quoted(R"([{"name":"asc"}])") + "}}").status, 400);
}

TEST_F(CatalogV1Test, HiddenProductsNeedIncludeHiddenProducts) {
    CatalogProduct shown;
    shown.sku = "A";
    CatalogProduct hidden;
    hidden.sku = "B";
    hidden.visible = false;
    harness.sandbox().seedCatalog(site.siteId, {shown, hidden});
    EXPECT_EQ(queryProducts(R"({"query":{}})").json()->getValue<int>("totalResults"), 1);
    EXPECT_EQ(
        queryProducts(R"({"query":{},"includeHiddenProducts":true})").json()->getValue<int>("totalResults"),
        2);
}

TEST_F(CatalogV1Test, ReaderAliasAnswersTheSame) {
    seedSmallShop();
    HttpResult main = queryProducts(R"({"query":{}})");
    HttpResult reader = call("POST", "/stores-reader/v1/products/query", R"({"query":{}})");
    ASSERT_EQ(reader.status, 200);
    EXPECT_EQ(reader.body, main.body);
}

TEST_F(CatalogV1Test, InventoryQueryListsOneItemPerProduct) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult result =
        call("POST", "/stores/v2/inventoryItems/query", R"({"query":{"paging":{"limit":2}}})");
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Object::Ptr body = result.json();
    EXPECT_EQ(body->getValue<int>("totalResults"), 3);
    Poco::JSON::Array::Ptr items = body->getArray("inventoryItems");
    ASSERT_EQ(items->size(), 2u);
    Poco::JSON::Object::Ptr honey = items->getObject(0);
    EXPECT_EQ(honey->getValue<std::string>("id"), stored[0].inventoryItemId);
    EXPECT_EQ(honey->getValue<std::string>("productId"), stored[0].id);
    EXPECT_TRUE(honey->getValue<bool>("trackQuantity"));
    EXPECT_EQ(honey->getArray("variants")->getObject(0)->getValue<std::string>("variantId"), kDefaultVariant);
    EXPECT_EQ(honey->getArray("variants")->getObject(0)->getValue<int>("quantity"), 7);
    EXPECT_EQ(items->getObject(1)->getArray("variants")->size(), 3u);

    HttpResult byProduct =
        call("POST", "/stores/v2/inventoryItems/query",
             R"({"query":{"filter":)" + quoted(R"({"productId":")" + stored[2].id + R"("})") + "}}");
    ASSERT_EQ(byProduct.status, 200) << byProduct.body;
    Poco::JSON::Object::Ptr course = byProduct.json()->getArray("inventoryItems")->getObject(0);
    EXPECT_FALSE(course->getValue<bool>("trackQuantity"));
    EXPECT_FALSE(course->getArray("variants")->getObject(0)->has("quantity"));
}

TEST_F(CatalogV1Test, PatchSetsListedVariantQuantities) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    const std::string body = R"({"inventoryItem":{"trackQuantity":true,"variants":[{"variantId":")" +
                             stored[1].variants[0].id + R"(","quantity":4},{"variantId":")" +
                             stored[1].variants[2].id + R"(","quantity":-2}]}})";
    HttpResult result = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[1].id, body);
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.body, "{}");
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MAJ-S").front().quantity, 4);
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MAJ-L").front().quantity, -2)
        << "V1 allows negative";
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MAJ-M").front().quantity, 0) << "unlisted unchanged";

    // A simple product's variant is the 00000000-… one.
    HttpResult simple = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[0].id,
                             R"({"inventoryItem":{"variants":[{"variantId":")" +
                                 std::string(kDefaultVariant) + R"(","quantity":12}]}})");
    ASSERT_EQ(simple.status, 200) << simple.body;
    EXPECT_EQ(harness.sandbox().stockOf(site.siteId, stored[0].id, kDefaultVariant).quantity, 12);
}

TEST_F(CatalogV1Test, PatchTrackQuantityFalseMakesTheItemUntracked) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult result = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[0].id,
                             R"({"inventoryItem":{"trackQuantity":false,"variants":[{"variantId":")" +
                                 std::string(kDefaultVariant) + R"(","inStock":false}]}})");
    ASSERT_EQ(result.status, 200) << result.body;
    const wix_sandbox::StockLevel level = harness.sandbox().stockBySku(site.siteId, "MED-1").front();
    EXPECT_FALSE(level.tracked);
    EXPECT_FALSE(level.inStock);
}

TEST_F(CatalogV1Test, PatchErrors) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult unknownProduct =
        call("PATCH", "/stores/v2/inventoryItems/product/0a0a0a0a-0000-4000-8000-000000000001",
             R"({"inventoryItem":{"variants":[]}})");
    EXPECT_EQ(unknownProduct.status, 404);
    EXPECT_EQ(unknownProduct.errorCode(), "NOT_FOUND");

    HttpResult unknownVariant = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[1].id,
                                     R"({"inventoryItem":{"variants":[{"variantId":"nope","quantity":1}]}})");
    EXPECT_EQ(unknownVariant.status, 400);
    EXPECT_TRUE(unknownVariant.json()->getObject("details")->has("validationError"));

    // Quantity on an untracked item without turning tracking on: refused, nothing changes.
    HttpResult untracked = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[2].id,
                                R"({"inventoryItem":{"variants":[{"variantId":")" +
                                    std::string(kDefaultVariant) + R"(","quantity":5}]}})");
    EXPECT_EQ(untracked.status, 400);
    EXPECT_FALSE(harness.sandbox().stockBySku(site.siteId, "TEC-1").front().tracked);
    // A failed PATCH changes nothing, not even the variants listed before the bad one.
    HttpResult partial = call("PATCH", "/stores/v2/inventoryItems/product/" + stored[1].id,
                              R"({"inventoryItem":{"variants":[{"variantId":")" + stored[1].variants[0].id +
                                  R"(","quantity":99},{"variantId":"nope","quantity":1}]}})");
    EXPECT_EQ(partial.status, 400);
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MAJ-S").front().quantity, 3);
}

TEST_F(CatalogV1Test, IncrementAndDecrement) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    HttpResult up = call("POST", "/stores/v2/inventoryItems/increment",
                         R"({"incrementData":[{"productId":")" + stored[0].id + R"(","variantId":")" +
                             kDefaultVariant + R"(","incrementBy":3}]})");
    ASSERT_EQ(up.status, 200) << up.body;
    EXPECT_EQ(up.body, "{}");
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MED-1").front().quantity, 10);
    HttpResult down =
        call("POST", "/stores/v2/inventoryItems/decrement",
             R"({"decrementData":[{"inventoryId":")" + stored[1].inventoryItemId + R"(","variantId":")" +
                 stored[1].variants[0].id + R"(","decrementBy":5,"preorderRequest":false}]})");
    ASSERT_EQ(down.status, 200) << down.body;
    EXPECT_EQ(harness.sandbox().stockBySku(site.siteId, "MAJ-S").front().quantity, -2);
    HttpResult untracked = call("POST", "/stores/v2/inventoryItems/decrement",
                                R"({"decrementData":[{"productId":")" + stored[2].id + R"(","variantId":")" +
                                    kDefaultVariant + R"(","decrementBy":1}]})");
    EXPECT_EQ(untracked.status, 400);
}

TEST_F(CatalogV1Test, V3RoutesOnAV1SiteAre428) {
    seedSmallShop();
    for (const char* path : {"/stores/v3/products/query", "/stores/v3/products/query-variants",
                             "/stores/v3/inventory-items/query", "/stores/v3/bulk/inventory-items/update"}) {
        HttpResult result = call("POST", path, "{}");
        EXPECT_EQ(result.status, 428) << path;
        EXPECT_EQ(result.errorCode(), "CATALOG_V1_SITE_CALLING_CATALOG_V3_API") << path;
    }
}

TEST_F(CatalogV1Test, WritesNeedManageProducts) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    const std::string readOnly = harness.addKey({"SCOPE.DC-STORES.READ-PRODUCTS"});
    EXPECT_EQ(harness.client().wix("POST", "/stores/v1/products/query", "{}", readOnly, site.siteId).status,
              200);
    HttpResult patch = harness.client().wix("PATCH", "/stores/v2/inventoryItems/product/" + stored[0].id,
                                            R"({"inventoryItem":{"variants":[]}})", readOnly, site.siteId);
    EXPECT_EQ(patch.status, 403);
    EXPECT_EQ(patch.errorCode(), "FORBIDDEN");
    EXPECT_EQ(harness.client()
                  .wix("POST", "/stores/v2/inventoryItems/increment", R"({"incrementData":[]})", readOnly,
                       site.siteId)
                  .status,
              403);
    const std::string writeOnly = harness.addKey({"SCOPE.DC-STORES.MANAGE-PRODUCTS"});
    EXPECT_EQ(harness.client().wix("POST", "/stores/v1/products/query", "{}", writeOnly, site.siteId).status,
              403);
}

TEST_F(CatalogV1Test, StatsCountEachPatchUnderOneRoute) {
    const std::vector<CatalogProduct> stored = seedSmallShop();
    harness.sandbox().resetStats();
    for (const CatalogProduct& product : stored)
        call("PATCH", "/stores/v2/inventoryItems/product/" + product.id,
             R"({"inventoryItem":{"variants":[]}})");
    queryProducts("{}");
    wix_sandbox::RequestStats stats = harness.sandbox().stats();
    EXPECT_EQ(stats.perRoute["PATCH /stores/v2/inventoryItems/product/{id}"], 3u);
    EXPECT_EQ(stats.perRoute["POST /stores/v1/products/query"], 1u);
    EXPECT_EQ(stats.total, 4u);
}

}  // namespace
}  // namespace sandbox_test
