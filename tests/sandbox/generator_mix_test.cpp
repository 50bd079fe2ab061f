// The realistic shop generator: over thousands of orders every case the connector must handle shows up,
// Wix's numbers add up, generation is fast and a 100,000-order shop pages quickly.

#include <chrono>
#include <map>
#include <set>

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"
#include "wix_sandbox/orders/shop_generator.h"

namespace sandbox_test {
namespace {

using wix_sandbox::Money;
using wix_sandbox::ShopGenerator;
using Clock = std::chrono::steady_clock;

long cents(const Poco::JSON::Object::Ptr& holder, const std::string& key) {
    return Money::parseCents(holder->getObject(key)->getValue<std::string>("amount")).value();
}

std::string textAt(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    return object && object->has(key) ? object->get(key).toString() : std::string();
}

/// Counts of what a batch of orders contains.
struct Mix {
    std::map<std::string, int> counts;
    std::map<std::string, std::set<std::string>> skuProducts;  // sku -> catalogItemIds
    void add(const std::string& what) { ++counts[what]; }
    int operator[](const std::string& what) const { return counts.count(what) ? counts.at(what) : 0; }
};

void checkTotals(const Poco::JSON::Object::Ptr& order, const std::string& number) {
    const bool inclusive = order->getValue<bool>("taxIncludedInPrices");
    Poco::JSON::Object::Ptr summary = order->getObject("priceSummary");
    long gross = 0, tax = 0, subtotal = 0, discount = 0;
    Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
    for (std::size_t i = 0; i < lines->size(); ++i) {
        Poco::JSON::Object::Ptr line = lines->getObject(static_cast<unsigned>(i));
        const long lineTax = cents(line->getObject("taxDetails"), "totalTax");
        const long shown =
            cents(line, "price") * line->getValue<long>("quantity") - cents(line, "totalDiscount");
        EXPECT_EQ(inclusive ? cents(line, "totalPriceAfterTax") : cents(line, "totalPriceBeforeTax"), shown)
            << number;
        EXPECT_EQ(cents(line, "totalPriceBeforeTax") + lineTax, cents(line, "totalPriceAfterTax")) << number;
        gross += cents(line, "totalPriceAfterTax");
        tax += lineTax;
        subtotal += cents(line, "price") * line->getValue<long>("quantity");
        discount += cents(line, "totalDiscount");
    }
    if (Poco::JSON::Object::Ptr shipping = order->getObject("shippingInfo")) {
        Poco::JSON::Object::Ptr cost = shipping->getObject("cost");
        gross += cents(cost, "totalPriceAfterTax");
        tax += cents(cost->getObject("taxDetails"), "totalTax");
        discount += cents(cost, "discount");
    }
    Poco::JSON::Array::Ptr fees = order->getArray("additionalFees");
    for (std::size_t i = 0; i < fees->size(); ++i) {
        gross += cents(fees->getObject(static_cast<unsigned>(i)), "priceAfterTax");
        tax += cents(fees->getObject(static_cast<unsigned>(i))->getObject("taxDetails"), "totalTax");
    }
    EXPECT_EQ(gross, cents(summary, "total")) << number;
    EXPECT_EQ(tax, cents(summary, "tax")) << number;
    EXPECT_EQ(subtotal, cents(summary, "subtotal")) << number;
    EXPECT_EQ(discount, cents(summary, "discount")) << number;
    EXPECT_EQ(cents(summary, "subtotal") - cents(summary, "discount") + cents(summary, "shipping") +
                  cents(summary, "totalAdditionalFees") + (inclusive ? 0 : cents(summary, "tax")),
              cents(summary, "total"))
        << number;
}

void count(const Poco::JSON::Object::Ptr& order, Mix& mix) {
    mix.add("status " + order->getValue<std::string>("status"));
    mix.add("payment " + order->getValue<std::string>("paymentStatus"));
    mix.add("fulfillment " + order->getValue<std::string>("fulfillmentStatus"));
    mix.add(order->getValue<bool>("taxIncludedInPrices") ? "inclusive" : "exclusive");
    if (order->getValue<bool>("archived")) mix.add("archived");
    Poco::JSON::Object::Ptr billing = order->getObject("billingInfo");
    const std::string country = textAt(billing->getObject("address"), "country");
    mix.add("country " + country);
    if (billing->getObject("address")->has("subdivision")) mix.add("subdivision");
    if (!billing->getObject("contactDetails")->has("phone")) mix.add("no phone");
    if (billing->getObject("contactDetails")->has("company") && order->has("customFields"))
        mix.add("company");
    if (!order->has("shippingInfo")) mix.add("no shipping");
    if (order->getArray("additionalFees")->size() > 0) mix.add("fee");
    Poco::JSON::Array::Ptr discounts = order->getArray("appliedDiscounts");
    for (std::size_t i = 0; i < discounts->size(); ++i) {
        Poco::JSON::Object::Ptr discount = discounts->getObject(static_cast<unsigned>(i));
        mix.add("discount " + discount->getValue<std::string>("discountType"));
        if (discount->has("coupon") && discount->getValue<std::string>("discountType") == "GLOBAL")
            mix.add("coupon");
    }
    Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
    for (std::size_t i = 0; i < lines->size(); ++i) {
        Poco::JSON::Object::Ptr line = lines->getObject(static_cast<unsigned>(i));
        Poco::JSON::Object::Ptr reference = line->getObject("catalogReference");
        if (reference->has("options")) {
            mix.add("variant");
            if (line->getArray("descriptionLines")->size() > 0) mix.add("variant with options");
        }
        Poco::JSON::Object::Ptr physical = line->getObject("physicalProperties");
        const std::string sku = textAt(physical, "sku");
        if (sku.empty())
            mix.add("missing sku");
        else
            mix.skuProducts[sku].insert(reference->getValue<std::string>("catalogItemId"));
        if (line->getValue<int>("quantity") > 1) mix.add("quantity > 1");
        const std::string rate = line->getObject("taxDetails")->getValue<std::string>("taxRate");
        mix.add("rate " + country + " " + rate);
        if (line->getValue<int>("refundQuantity") > 0) mix.add("refund quantity");
    }
    const std::string total =
        order->getObject("priceSummary")->getObject("total")->getValue<std::string>("amount");
    if (total.size() > 2 && total.compare(total.size() - 2, 2, ".0") == 0) mix.add("amount .0");
}

TEST(GeneratorMixTest, FiveThousandOrdersHoldEveryCaseAndAddUp) {
    ShopGenerator generator(2026);
    Mix mix;
    for (bool inclusive : {true, false}) {
        wix_sandbox::SiteInfo site = generator.makeSite();
        site.taxIncludedInPrices = inclusive;
        for (int i = 0; i < 2500; ++i) {
            const std::string number = std::to_string(10001 + i);
            Poco::JSON::Object::Ptr order =
                generator.makeOrder(site, number, static_cast<std::size_t>(i), ShopGenerator::kMixedStatus);
            checkTotals(order, number);
            count(order, mix);
        }
    }
    for (const char* status :
         {"NOT_PAID", "PENDING", "PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "FULLY_REFUNDED"})
        EXPECT_GT(mix[std::string("payment ") + status], 20) << status;
    for (const char* what : {"status APPROVED",
                             "status CANCELED",
                             "status INITIALIZED",
                             "inclusive",
                             "exclusive",
                             "archived",
                             "subdivision",
                             "no phone",
                             "company",
                             "no shipping",
                             "fee",
                             "coupon",
                             "discount SPECIFIC_ITEMS",
                             "discount SHIPPING",
                             "variant with options",
                             "missing sku",
                             "quantity > 1",
                             "refund quantity",
                             "amount .0",
                             "fulfillment FULFILLED",
                             "country HR",
                             "country AT",
                             "country DE",
                             "country IT"})
        EXPECT_GT(mix[what], 5) << what;
    EXPECT_GT(mix["country SI"], 3000);  // mostly Slovenian buyers
    // OSS: goods to another EU country carry that country's VAT.
    for (const char* rate :
         {"rate SI 0.22", "rate SI 0.095", "rate SI 0.05", "rate DE 0.19", "rate DE 0.07", "rate AT 0.2",
          "rate AT 0.1", "rate HR 0.25", "rate HR 0.13", "rate IT 0.22", "rate IT 0.1"})
        EXPECT_GT(mix[rate], 0) << rate;
    bool duplicateSku = false;
    for (const auto& [sku, products] : mix.skuProducts) duplicateSku = duplicateSku || products.size() > 1;
    EXPECT_TRUE(duplicateSku);
}

TEST(GeneratorMixTest, SameSeedSameOrders) {
    ShopGenerator first(5), second(5);
    const wix_sandbox::SiteInfo site = first.makeSite();
    second.makeSite();
    for (int i = 0; i < 50; ++i)
        EXPECT_EQ(wix_sandbox::JsonBody::stringify(
                      first.makeOrder(site, "1", static_cast<std::size_t>(i), "MIXED")),
                  wix_sandbox::JsonBody::stringify(
                      second.makeOrder(site, "1", static_cast<std::size_t>(i), "MIXED")));
}

TEST(GeneratorMixTest, TwentyThousandOrdersAreGeneratedQuicklyAndRenderedAgainTheSame) {
    wix_sandbox::Sandbox sandbox(SandboxHarness::defaultOptions());
    const std::string siteId = sandbox.defaultSite().siteId;
    const auto start = Clock::now();
    const std::vector<std::string> ids = sandbox.generateOrders(siteId, 20000, "MIXED");
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    EXPECT_LT(elapsed.count(), 2000) << "generating 20,000 orders took " << elapsed.count() << " ms";
    EXPECT_EQ(sandbox.orderCount(siteId), 20004u);
    EXPECT_EQ(sandbox.orderJson(siteId, ids[123]), sandbox.orderJson(siteId, ids[123]));
    EXPECT_EQ(wix_sandbox::JsonBody::parseObjectStrict(sandbox.orderJson(siteId, ids[123]))
                  ->getValue<std::string>("id"),
              ids[123]);
}

TEST(GeneratorMixTest, HundredThousandOrderShopPagesFast) {
    SandboxHarness harness;
    harness.sandbox().generateOrders(harness.site().siteId, 100000, "MIXED");
    std::string body =
        R"({"search":{"filter":{"updatedDate":{"$gte":"2025-06-01T00:00:00.000Z"}},"sort":[{"fieldName":"updatedDate","order":"ASC"}],"cursorPaging":{"limit":100}}})";
    Clock::duration serving{};  // the sandbox's share; parsing the answers here is the client's
    std::string last;
    for (int page = 0; page < 30; ++page) {
        const auto start = Clock::now();
        const HttpResult result = harness.searchOrders(body);
        serving += Clock::now() - start;
        ASSERT_EQ(result.status, 200);
        const Poco::JSON::Object::Ptr json = result.json();
        Poco::JSON::Array::Ptr orders = json->getArray("orders");
        ASSERT_EQ(orders->size(), 100u);
        EXPECT_GT(orders->getObject(0)->getValue<std::string>("updatedDate"), last);
        last = orders->getObject(99)->getValue<std::string>("updatedDate");
        body = R"({"search":{"cursorPaging":{"limit":100,"cursor":")" +
               json->getObject("metadata")->getObject("cursors")->getValue<std::string>("next") + "\"}}}";
    }
    const auto perPage = std::chrono::duration_cast<std::chrono::milliseconds>(serving).count() / 30;
    EXPECT_LT(perPage, 100) << "ms per page of 100 from a 100,000-order shop";
}

}  // namespace
}  // namespace sandbox_test
