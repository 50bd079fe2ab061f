// Wix's API-key checks (reference §1, §2, §4): 401 key, 400 headers, 404 site, 403 account/site/scope.

#include <cctype>

#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

using wix_sandbox::ApiKeyInfo;

const std::string kVersionPath = "/stores/v3/provision/version";

class AccessTest : public ::testing::Test {
protected:
    SandboxHarness harness;
};

TEST_F(AccessTest, SeededKeyReadsItsSite) {
    HttpResult result = harness.client().wix("GET", kVersionPath, "", harness.key(), harness.site().siteId);
    EXPECT_EQ(result.status, 200) << result.body;
}

TEST_F(AccessTest, MissingAuthorizationIs401) {
    HttpResult result =
        harness.client().send("GET", kVersionPath, "", {{"wix-site-id", harness.site().siteId}});
    EXPECT_EQ(result.status, 401);
    EXPECT_EQ(result.errorCode(), "UNAUTHENTICATED");
}

TEST_F(AccessTest, BearerPrefixIsNotAccepted) {
    HttpResult result =
        harness.client().wix("GET", kVersionPath, "", "Bearer " + harness.key(), harness.site().siteId);
    EXPECT_EQ(result.status, 401);
}

TEST_F(AccessTest, UnknownKeyIs401) {
    HttpResult result = harness.client().wix("GET", kVersionPath, "", "IST.not-a-key", harness.site().siteId);
    EXPECT_EQ(result.status, 401);
}

TEST_F(AccessTest, RevokedKeyIs401) {
    ASSERT_TRUE(harness.sandbox().revokeKey(harness.key()));
    HttpResult result = harness.client().wix("GET", kVersionPath, "", harness.key(), harness.site().siteId);
    EXPECT_EQ(result.status, 401);
}

TEST_F(AccessTest, KeyOfAnotherAccountIs403WithEmptyDescription) {
    std::string stranger =
        harness.addKey(ApiKeyInfo::fullPermissions(), {}, "0a0a0a0a-0000-4000-8000-000000000001");
    HttpResult result = harness.client().wix("GET", kVersionPath, "", stranger, harness.site().siteId);
    ASSERT_EQ(result.status, 403);
    Poco::JSON::Object::Ptr error = result.json()->getObject("details")->getObject("applicationError");
    EXPECT_EQ(error->getValue<std::string>("code"), "FORBIDDEN");
    EXPECT_EQ(error->getValue<std::string>("description"), "");
    EXPECT_FALSE(result.json()->getValue<std::string>("message").empty());
}

TEST_F(AccessTest, KeyLimitedToOtherSitesIs403) {
    wix_sandbox::SiteInfo other = harness.addSite(wix_sandbox::CatalogVersion::V3);
    std::string limited = harness.addKey(ApiKeyInfo::fullPermissions(), {other.siteId});
    EXPECT_EQ(harness.client().wix("GET", kVersionPath, "", limited, harness.site().siteId).status, 403);
    EXPECT_EQ(harness.client().wix("GET", kVersionPath, "", limited, other.siteId).status, 200);
}

TEST_F(AccessTest, MissingSiteHeaderIs400ValidationError) {
    HttpResult result = harness.client().send("GET", kVersionPath, "", {{"Authorization", harness.key()}});
    ASSERT_EQ(result.status, 400);
    Poco::JSON::Object::Ptr validation = result.json()->getObject("details")->getObject("validationError");
    ASSERT_TRUE(validation);
    EXPECT_EQ(validation->getArray("fieldViolations")->getObject(0)->getValue<std::string>("field"),
              "wix-site-id");
}

TEST_F(AccessTest, BothSiteAndAccountHeadersIs400) {
    HttpResult result = harness.client().send("GET", kVersionPath, "",
                                              {{"Authorization", harness.key()},
                                               {"wix-site-id", harness.site().siteId},
                                               {"wix-account-id", harness.site().accountId}});
    EXPECT_EQ(result.status, 400);
}

TEST_F(AccessTest, SiteIdThatIsNoGuidIs400) {
    EXPECT_EQ(harness.client().wix("GET", kVersionPath, "", harness.key(), "my-shop").status, 400);
}

TEST_F(AccessTest, UnknownSiteIs404NotFound) {
    HttpResult result =
        harness.client().wix("GET", kVersionPath, "", harness.key(), "11111111-2222-3333-4444-555555555555");
    EXPECT_EQ(result.status, 404);
    EXPECT_EQ(result.body,
              R"({"message":"Entity not found","details":{"applicationError":{"code":"NOT_FOUND"}}})");
}

TEST_F(AccessTest, SiteIdIsCaseInsensitive) {
    std::string upper = harness.site().siteId;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(harness.client().wix("GET", kVersionPath, "", harness.key(), upper).status, 200);
}

TEST_F(AccessTest, EachRouteNeedsItsScope) {
    const wix_sandbox::SiteInfo v1 = harness.addSite(wix_sandbox::CatalogVersion::V1);
    const wix_sandbox::SiteInfo v3 = harness.addSite(wix_sandbox::CatalogVersion::V3);
    struct Case {
        std::string method, path, scope, siteId;
    };
    const std::vector<Case> cases = {
        {"GET", "/site-properties/v4/properties", "SCOPE.SITE-PROPERTIES.READ", harness.site().siteId},
        {"GET", kVersionPath, "SCOPE.STORES.CATALOG_READ_LIMITED", harness.site().siteId},
        {"POST", "/ecom/v1/orders/search", "SCOPE.DC-STORES.READ-ORDERS", harness.site().siteId},
        {"POST", "/stores/v3/inventory-items/query", "SCOPE.STORES.INVENTORY_ITEM_READ", v3.siteId},
        {"POST", "/stores/v2/inventoryItems/query", "SCOPE.DC-STORES.READ-PRODUCTS", v1.siteId},
    };
    for (const Case& item : cases) {
        std::vector<std::string> without;
        for (const std::string& scope : ApiKeyInfo::fullPermissions())
            if (scope != item.scope) without.push_back(scope);
        std::string lacking = harness.addKey(without);
        std::string only = harness.addKey({item.scope});
        HttpResult denied = harness.client().wix(item.method, item.path, "{}", lacking, item.siteId);
        EXPECT_EQ(denied.status, 403) << item.path;
        EXPECT_EQ(denied.errorCode(), "FORBIDDEN") << item.path;
        EXPECT_EQ(harness.client().wix(item.method, item.path, "{}", only, item.siteId).status, 200)
            << item.path;
    }
}

}  // namespace
}  // namespace sandbox_test
