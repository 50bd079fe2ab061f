// The seeded shop: deterministic, Wix-looking keys, consistent order money; config files; Money format.

#include <cctype>
#include <fstream>

#include <Poco/File.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"
#include "wix_sandbox/core/money.h"

namespace sandbox_test {
namespace {

using wix_sandbox::Sandbox;
using wix_sandbox::SandboxOptions;

SandboxOptions seeded(unsigned seed) {
    SandboxOptions options;
    options.seed = seed;
    return options;
}

/// "35.0" -> 3500, "69.16" -> 6916, "0" -> 0.
long cents(const std::string& amount) {
    const std::size_t dot = amount.find('.');
    long value = std::stol(amount.substr(0, dot)) * 100;
    if (dot != std::string::npos) {
        std::string fraction = amount.substr(dot + 1);
        fraction.resize(2, '0');
        value += std::stol(fraction);
    }
    return value;
}

long money(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    return cents(object->getObject(key)->getValue<std::string>("amount"));
}

TEST(GeneratorTest, SameSeedSameShopOtherSeedOtherShop) {
    Sandbox first(seeded(7));
    Sandbox second(seeded(7));
    Sandbox third(seeded(8));
    EXPECT_EQ(first.defaultSite().siteId, second.defaultSite().siteId);
    EXPECT_EQ(first.defaultApiKey(), second.defaultApiKey());
    EXPECT_NE(first.defaultSite().siteId, third.defaultSite().siteId);
    EXPECT_NE(first.defaultApiKey(), third.defaultApiKey());
}

TEST(GeneratorTest, SiteLooksSlovenianAndIdsAreLowerCaseGuids) {
    Sandbox sandbox(seeded(1));
    const wix_sandbox::SiteInfo site = sandbox.defaultSite();
    EXPECT_EQ(site.currency, "EUR");
    EXPECT_EQ(site.country, "SI");
    EXPECT_FALSE(site.businessName.empty());
    ASSERT_EQ(site.siteId.size(), 36u);
    for (char c : site.siteId)
        EXPECT_TRUE(c == '-' || std::isdigit(c) || (c >= 'a' && c <= 'f')) << site.siteId;
}

TEST(GeneratorTest, KeysLookLikeWixKeys) {
    Sandbox sandbox(seeded(1));
    const std::string key = sandbox.defaultApiKey();
    EXPECT_EQ(key.rfind("IST.eyJ", 0), 0u);
    EXPECT_GT(key.size(), 200u);
    for (char c : key)
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
}

TEST(GeneratorTest, OrderMoneyAddsUp) {
    for (unsigned seed : {1u, 2u, 3u, 4u}) {
        SandboxHarness harness(seeded(seed));
        harness.sandbox().generateOrders(harness.site().siteId, 20);
        HttpResult result = harness.searchOrders("{}");
        Poco::JSON::Array::Ptr orders = result.json()->getArray("orders");
        ASSERT_EQ(orders->size(), 23u);
        for (std::size_t i = 0; i < orders->size(); ++i) {
            Poco::JSON::Object::Ptr order = orders->getObject(i);
            Poco::JSON::Object::Ptr summary = order->getObject("priceSummary");
            long afterTax = 0;
            long tax = 0;
            // Digital goods come without shippingInfo; fees are charged like lines.
            if (Poco::JSON::Object::Ptr shipping = order->getObject("shippingInfo")) {
                afterTax += money(shipping->getObject("cost"), "totalPriceAfterTax");
                tax += money(shipping->getObject("cost")->getObject("taxDetails"), "totalTax");
            }
            Poco::JSON::Array::Ptr fees = order->getArray("additionalFees");
            for (std::size_t f = 0; fees && f < fees->size(); ++f) {
                afterTax += money(fees->getObject(f), "priceAfterTax");
                tax += money(fees->getObject(f)->getObject("taxDetails"), "totalTax");
            }
            Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
            for (std::size_t l = 0; l < lines->size(); ++l) {
                afterTax += money(lines->getObject(l), "totalPriceAfterTax");
                tax += money(lines->getObject(l)->getObject("taxDetails"), "totalTax");
            }
            EXPECT_EQ(afterTax, money(summary, "total")) << "seed " << seed << " order " << i;
            EXPECT_EQ(tax, money(summary, "tax")) << "seed " << seed << " order " << i;
        }
    }
}

TEST(GeneratorTest, MoneyIsWrittenLikeWix) {
    EXPECT_EQ(wix_sandbox::Money::amount(3500), "35.0");
    EXPECT_EQ(wix_sandbox::Money::amount(250), "2.5");
    EXPECT_EQ(wix_sandbox::Money::amount(6916), "69.16");
    EXPECT_EQ(wix_sandbox::Money::amount(5), "0.05");
    EXPECT_EQ(wix_sandbox::Money::amount(0), "0");
    EXPECT_EQ(wix_sandbox::Money::formatted(3500, "EUR"), "€35.00");
}

TEST(GeneratorTest, ConfigFileAddsSitesKeysAndOrders) {
    const std::string dir = makeTempDirectory();
    const std::string file = dir + "/config.json";
    std::ofstream(file) << R"({
      "sites": [{"siteId": "aaaaaaaa-0000-4000-8000-000000000001", "accountId": "acc-x", "businessName": "Mlin Kos d.o.o.",
                 "catalogVersion": "V1", "taxIncludedInPrices": false, "orders": 5}],
      "keys": [{"key": "IST.config-key", "accountId": "acc-x", "sites": ["aaaaaaaa-0000-4000-8000-000000000001"]}],
      "orders": [{"siteId": "aaaaaaaa-0000-4000-8000-000000000001",
                  "order": {"number": "777", "status": "APPROVED", "createdDate": "2025-01-01T00:00:00.000Z"}}]
    })";
    SandboxOptions options = SandboxHarness::defaultOptions();
    options.configFile = file;
    SandboxHarness harness(options);
    Poco::File(dir).remove(true);

    EXPECT_EQ(harness.sandbox().sites().size(), 2u);  // seeded shop + config site
    HttpResult result = harness.client().wix("POST", "/ecom/v1/orders/search", "{}", "IST.config-key",
                                             "aaaaaaaa-0000-4000-8000-000000000001");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.json()->getArray("orders")->size(), 6u);
    HttpResult version = harness.client().wix("GET", "/stores/v3/provision/version", "", "IST.config-key",
                                              "aaaaaaaa-0000-4000-8000-000000000001");
    EXPECT_EQ(version.body, R"({"catalogVersion":"V1_CATALOG"})");
}

TEST(GeneratorTest, ConfigWithoutSeedShopUsesItsFirstSiteAndKey) {
    const std::string dir = makeTempDirectory();
    const std::string file = dir + "/config.json";
    std::ofstream(file) << R"({"seedShop": false,
      "sites": [{"siteId": "bbbbbbbb-0000-4000-8000-000000000001", "accountId": "acc-y", "businessName": "Pekarna Zrno"}],
      "keys": [{"accountId": "acc-y"}]})";
    SandboxOptions options = seeded(1);
    options.configFile = file;
    Sandbox sandbox(options);
    Poco::File(dir).remove(true);
    EXPECT_EQ(sandbox.sites().size(), 1u);
    EXPECT_EQ(sandbox.defaultSite().businessName, "Pekarna Zrno");
    EXPECT_EQ(sandbox.defaultApiKey().rfind("IST.", 0), 0u);
}

TEST(GeneratorTest, BrokenConfigFails) {
    SandboxOptions options = seeded(1);
    options.configFile = "/nonexistent/wix-sandbox.json";
    EXPECT_THROW(Sandbox{options}, Poco::Exception);
}

}  // namespace
}  // namespace sandbox_test
