// Success bodies and route-level errors of each emulated Wix route (reference §3, §7, §8, §2).

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

using wix_sandbox::CatalogVersion;

class RoutesTest : public ::testing::Test {
protected:
    HttpResult call(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& siteId) {
        return harness.client().wix(method, path, body, harness.key(), siteId);
    }

    SandboxHarness harness;
};

TEST_F(RoutesTest, SitePropertiesReturnsOnlyRequestedPaths) {
    HttpResult result =
        call("GET", "/site-properties/v4/properties?fields.paths=businessName&fields.paths=paymentCurrency",
             "", harness.site().siteId);
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Object::Ptr body = result.json();
    EXPECT_EQ(body->getValue<std::string>("version"), std::to_string(harness.site().propertiesVersion));
    EXPECT_TRUE(body->get("version").isString());
    Poco::JSON::Object::Ptr properties = body->getObject("properties");
    EXPECT_EQ(properties->size(), 2u);
    EXPECT_EQ(properties->getValue<std::string>("businessName"), harness.site().businessName);
    EXPECT_EQ(properties->getValue<std::string>("paymentCurrency"), "EUR");
}

TEST_F(RoutesTest, SitePropertiesWithoutMaskReturnsEverythingAndDottedPathsWork) {
    HttpResult all = call("GET", "/site-properties/v4/properties", "", harness.site().siteId);
    ASSERT_EQ(all.status, 200);
    Poco::JSON::Object::Ptr properties = all.json()->getObject("properties");
    for (const char* name :
         {"businessName", "email", "phone", "address", "locale", "paymentCurrency", "timeZone"})
        EXPECT_TRUE(properties->has(name)) << name;

    HttpResult city =
        call("GET", "/site-properties/v4/properties?fields.paths=address.city", "", harness.site().siteId);
    Poco::JSON::Object::Ptr address = city.json()->getObject("properties")->getObject("address");
    ASSERT_TRUE(address);
    EXPECT_EQ(address->size(), 1u);
    EXPECT_EQ(address->getValue<std::string>("city"), harness.site().city);
}

TEST_F(RoutesTest, CatalogVersionReflectsTheSite) {
    const std::pair<CatalogVersion, std::string> cases[] = {{CatalogVersion::V1, "V1_CATALOG"},
                                                            {CatalogVersion::V3, "V3_CATALOG"},
                                                            {CatalogVersion::None, "STORES_NOT_INSTALLED"}};
    for (const auto& [version, name] : cases) {
        wix_sandbox::SiteInfo site = harness.addSite(version);
        HttpResult result = call("GET", "/stores/v3/provision/version", "", site.siteId);
        EXPECT_EQ(result.status, 200);
        EXPECT_EQ(result.body, "{\"catalogVersion\":\"" + name + "\"}");
    }
}

TEST_F(RoutesTest, StoresRoutesOnSiteWithoutStoresAre428) {
    wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::None);
    for (const char* path :
         {"/ecom/v1/orders/search", "/stores/v2/inventoryItems/query", "/stores/v3/inventory-items/query"}) {
        HttpResult result = call("POST", path, "{}", site.siteId);
        EXPECT_EQ(result.status, 428) << path;
        EXPECT_EQ(
            result.body,
            R"({"message":"Wix Stores app is not installed for site","details":{"applicationError":{"code":"REQUIRED_APP_NOT_INSTALLED"}}})");
    }
}

TEST_F(RoutesTest, InventoryV1OnV1Site) {
    wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    HttpResult result = call(
        "POST", "/stores/v2/inventoryItems/query",
        R"({"query":{"filter":"{\"lastUpdated\":{\"$gt\":\"2025-01-01T00:00:00Z\"}}","paging":{"limit":50,"offset":0}}})",
        site.siteId);
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.body, R"({"inventoryItems":[],"metadata":{"items":50,"offset":0},"totalResults":0})");
}

TEST_F(RoutesTest, InventoryV1RejectsObjectFiltersAndBigPages) {
    wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V1);
    EXPECT_EQ(call("POST", "/stores/v2/inventoryItems/query", R"({"query":{"filter":{"a":1}}})", site.siteId)
                  .status,
              400);
    EXPECT_EQ(
        call("POST", "/stores/v2/inventoryItems/query", R"({"query":{"paging":{"limit":101}}})", site.siteId)
            .status,
        400);
}

TEST_F(RoutesTest, InventoryV3OnV3Site) {
    wix_sandbox::SiteInfo site = harness.addSite(CatalogVersion::V3);
    HttpResult result =
        call("POST", "/stores/v3/inventory-items/query",
             R"({"query":{"filter":{"productId":{"$in":["x"]}},"cursorPaging":{"limit":100}}})", site.siteId);
    ASSERT_EQ(result.status, 200) << result.body;
    Poco::JSON::Object::Ptr body = result.json();
    EXPECT_EQ(body->getArray("inventoryItems")->size(), 0u);
    Poco::JSON::Object::Ptr paging = body->getObject("pagingMetadata");
    EXPECT_EQ(paging->getValue<int>("count"), 0);
    EXPECT_FALSE(paging->getValue<bool>("hasNext"));
}

TEST_F(RoutesTest, WrongCatalogIs428WithWixCodes) {
    wix_sandbox::SiteInfo v1 = harness.addSite(CatalogVersion::V1);
    wix_sandbox::SiteInfo v3 = harness.addSite(CatalogVersion::V3);
    HttpResult v3OnV1 = call("POST", "/stores/v3/inventory-items/query", "{}", v1.siteId);
    EXPECT_EQ(v3OnV1.status, 428);
    EXPECT_EQ(v3OnV1.errorCode(), "CATALOG_V1_SITE_CALLING_CATALOG_V3_API");
    EXPECT_EQ(v3OnV1.json()->getValue<std::string>("message").rfind(
                  "Endpoint belongs to the wrong catalog version. This site is using CATALOG_V1.", 0),
              0u);
    HttpResult v1OnV3 = call("POST", "/stores/v2/inventoryItems/query", "{}", v3.siteId);
    EXPECT_EQ(v1OnV3.status, 428);
    EXPECT_EQ(v1OnV3.errorCode(), "CATALOG_V3_SITE_CALLING_CATALOG_V1_API");
}

TEST_F(RoutesTest, UnknownPathIs404NotFound) {
    HttpResult result = call("GET", "/stores/v9/nothing", "", harness.site().siteId);
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.errorCode(), "NOT_FOUND");
}

TEST_F(RoutesTest, WrongMethodIs405) {
    HttpResult result = call("GET", "/ecom/v1/orders/search", "", harness.site().siteId);
    EXPECT_EQ(result.status, 405);
    EXPECT_EQ(result.headers.get("Allow", ""), "POST");
}

TEST_F(RoutesTest, BodyThatIsNotJsonIs400) {
    HttpResult result = harness.searchOrders("{not json");
    EXPECT_EQ(result.status, 400);
    EXPECT_TRUE(result.json()->getObject("details")->has("validationError"));
}

TEST_F(RoutesTest, AnswersAreJson) {
    HttpResult result = call("GET", "/stores/v3/provision/version", "", harness.site().siteId);
    EXPECT_EQ(result.contentType, "application/json");
    EXPECT_FALSE(result.headers.has("Retry-After"));
}

}  // namespace
}  // namespace sandbox_test
