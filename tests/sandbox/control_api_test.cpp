// The sandbox's own /_sandbox/ API: state discovery, sites, keys, orders and statistics.

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

class ControlApiTest : public ::testing::Test {
protected:
    SandboxHarness harness;
};

TEST_F(ControlApiTest, StateListsSeededSiteAndFullKey) {
    HttpResult result = harness.client().send("GET", "/_sandbox/state");
    ASSERT_EQ(result.status, 200);
    Poco::JSON::Object::Ptr state = result.json();
    EXPECT_EQ(state->getValue<std::string>("defaultSiteId"), harness.site().siteId);
    EXPECT_EQ(state->getValue<std::string>("defaultApiKey"), harness.key());
    Poco::JSON::Object::Ptr site = state->getArray("sites")->getObject(0);
    EXPECT_EQ(site->getValue<std::string>("businessName"), harness.site().businessName);
    EXPECT_EQ(site->getValue<int>("orderCount"), 4);
    Poco::JSON::Object::Ptr key = state->getArray("keys")->getObject(0);
    EXPECT_EQ(key->getValue<std::string>("key"), harness.key());
    EXPECT_EQ(key->getValue<std::string>("sites"), "all");
    EXPECT_EQ(key->getArray("permissions")->size(), wix_sandbox::ApiKeyInfo::fullPermissions().size());
}

TEST_F(ControlApiTest, AddSiteAndKeyThenUseThem) {
    HttpResult site = harness.client().send(
        "POST", "/_sandbox/sites",
        R"({"siteId":"ABCDEF01-2345-6789-abcd-ef0123456789","accountId":"acc-1","businessName":"Kmetija Vrh","catalogVersion":"V1","orders":2})");
    ASSERT_EQ(site.status, 200) << site.body;
    EXPECT_EQ(site.json()->getObject("site")->getValue<std::string>("siteId"),
              "abcdef01-2345-6789-abcd-ef0123456789");
    EXPECT_EQ(site.json()->getArray("orderIds")->size(), 2u);

    HttpResult key = harness.client().send(
        "POST", "/_sandbox/keys",
        R"({"accountId":"acc-1","sites":["abcdef01-2345-6789-abcd-ef0123456789"],"permissions":["SCOPE.DC-STORES.READ-ORDERS"]})");
    ASSERT_EQ(key.status, 200) << key.body;
    const std::string value = key.json()->getObject("key")->getValue<std::string>("key");
    EXPECT_EQ(value.rfind("IST.", 0), 0u);

    HttpResult orders = harness.client().wix("POST", "/ecom/v1/orders/search", "{}", value,
                                             "abcdef01-2345-6789-abcd-ef0123456789");
    ASSERT_EQ(orders.status, 200) << orders.body;
    EXPECT_EQ(orders.json()->getArray("orders")->size(), 2u);
    EXPECT_EQ(
        harness.client()
            .wix("GET", "/stores/v3/provision/version", "", value, "abcdef01-2345-6789-abcd-ef0123456789")
            .status,
        403);  // no catalog scope
}

TEST_F(ControlApiTest, AddSiteAppliesItsCatalogAsTheConfigFileDoes) {
    const std::string generatedId = "abcdef01-2345-6789-abcd-ef0123450001";
    HttpResult generated = harness.client().send(
        "POST", "/_sandbox/sites",
        R"({"siteId":")" + generatedId +
            R"(","accountId":"acc-2","catalogVersion":"V3","orders":1,"catalog":{"skus":5,"clean":true}})");
    ASSERT_EQ(generated.status, 200) << generated.body;
    EXPECT_EQ(generated.json()->getArray("orderIds")->size(), 1u);
    EXPECT_EQ(generated.json()->getObject("catalog")->getValue<int>("variants"), 5);
    EXPECT_EQ(harness.sandbox().catalogSummary(generatedId).distinctSkus, 5u);
    ASSERT_EQ(harness.sandbox().stockBySku(generatedId, "SKU-000005").size(), 1u);

    // Given products, on a generated site of a new account (no siteId).
    HttpResult given = harness.client().send(
        "POST", "/_sandbox/sites",
        R"({"catalogVersion":"V1","catalog":{"products":[{"name":"Med","sku":"MED-1","quantity":4,"price":8.9}]}})");
    ASSERT_EQ(given.status, 200) << given.body;
    const std::string givenId = given.json()->getObject("site")->getValue<std::string>("siteId");
    EXPECT_EQ(given.json()->getObject("catalog")->getValue<int>("products"), 1);
    const std::vector<wix_sandbox::StockLevel> med = harness.sandbox().stockBySku(givenId, "MED-1");
    ASSERT_EQ(med.size(), 1u);
    EXPECT_EQ(med.front().quantity, 4);

    // Without "catalog" the answer and the site's catalog stay as they were: none.
    HttpResult plain = harness.client().send("POST", "/_sandbox/sites", R"({"orders":0})");
    ASSERT_EQ(plain.status, 200) << plain.body;
    EXPECT_FALSE(plain.json()->has("catalog"));
    EXPECT_EQ(harness.sandbox()
                  .catalogSummary(plain.json()->getObject("site")->getValue<std::string>("siteId"))
                  .variants,
              0u);

    // A catalog that does not parse is refused before the site is stored.
    const std::size_t sites = harness.sandbox().sites().size();
    EXPECT_EQ(harness.client().send("POST", "/_sandbox/sites", R"({"catalog":{"skus":-1}})").status, 400);
    EXPECT_EQ(harness.sandbox().sites().size(), sites);
}

TEST_F(ControlApiTest, RevokeMakesTheKey401) {
    HttpResult revoked =
        harness.client().send("POST", "/_sandbox/keys/revoke", "{\"key\":\"" + harness.key() + "\"}");
    ASSERT_EQ(revoked.status, 200);
    EXPECT_EQ(harness.searchOrders("{}").status, 401);
    EXPECT_EQ(harness.client().send("POST", "/_sandbox/keys/revoke", R"({"key":"nope"})").status, 404);
}

TEST_F(ControlApiTest, OrdersCanBeGeneratedOrGiven) {
    HttpResult generated = harness.client().send(
        "POST", "/_sandbox/orders", "{\"siteId\":\"" + harness.site().siteId + "\",\"generate\":3}");
    ASSERT_EQ(generated.status, 200) << generated.body;
    HttpResult given = harness.client().send(
        "POST", "/_sandbox/orders",
        "{\"siteId\":\"" + harness.site().siteId +
            R"(","order":{"id":"0f0f0f0f-0000-4000-8000-000000000001","number":"20001","status":"APPROVED","createdDate":"2025-06-01T10:00:00.000Z","updatedDate":"2025-06-01T10:00:00.000Z"}})");
    ASSERT_EQ(given.status, 200) << given.body;
    EXPECT_EQ(harness.sandbox().orderCount(harness.site().siteId), 8u);
    HttpResult found = harness.searchOrders(
        R"({"search":{"filter":{"id":{"$in":["0f0f0f0f-0000-4000-8000-000000000001"]}}}})");
    ASSERT_EQ(found.json()->getArray("orders")->size(), 1u);
    EXPECT_EQ(found.json()->getArray("orders")->getObject(0)->getValue<std::string>("number"), "20001");
}

TEST_F(ControlApiTest, StatsCountWixRequestsPerRoute) {
    harness.sandbox().resetStats();
    harness.searchOrders("{}");
    harness.searchOrders("{}");
    harness.client().wix("GET", "/stores/v3/provision/version", "", "bad key", harness.site().siteId);
    harness.client().send("GET", "/_sandbox/state");  // control calls are not counted

    wix_sandbox::RequestStats stats = harness.sandbox().stats();
    EXPECT_EQ(stats.total, 3u);
    EXPECT_EQ(stats.perRoute["POST /ecom/v1/orders/search"], 2u);
    EXPECT_EQ(stats.perRoute["GET /stores/v3/provision/version"], 1u);
    EXPECT_EQ(stats.perStatus[200], 2u);
    EXPECT_EQ(stats.perStatus[401], 1u);

    HttpResult json = harness.client().send("GET", "/_sandbox/stats");
    EXPECT_EQ(json.json()->getValue<int>("total"), 3);
    EXPECT_EQ(json.json()->getObject("routes")->getValue<int>("POST /ecom/v1/orders/search"), 2);
    EXPECT_EQ(harness.client().send("DELETE", "/_sandbox/stats").status, 200);
    EXPECT_EQ(harness.sandbox().stats().total, 0u);
}

TEST_F(ControlApiTest, BadControlRequests) {
    EXPECT_EQ(harness.client().send("GET", "/_sandbox/nothing").status, 404);
    EXPECT_EQ(harness.client().send("POST", "/_sandbox/sites", "{oops").status, 400);
    EXPECT_EQ(harness.client().send("POST", "/_sandbox/faults", R"({"status":42})").status, 400);
}

}  // namespace
}  // namespace sandbox_test
