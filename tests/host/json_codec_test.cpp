// What the command line prints as JSON: snake_case keys from camelCase documents (issue 18).
#include <gtest/gtest.h>

#include <Poco/JSON/Parser.h>

#include "estore/host/core/json_codec.h"

using estore::host::JsonCodec;

TEST(JsonCodec, IdentifierKeysBecomeSnakeCaseAndDataKeysStay) {
    EXPECT_EQ(JsonCodec::snakeCase("orderNumber"), "order_number");
    EXPECT_EQ(JsonCodec::snakeCase("issuedAtMillis"), "issued_at_millis");
    EXPECT_EQ(JsonCodec::snakeCase("vat"), "vat");
    EXPECT_EQ(JsonCodec::snakeCase("store_id"), "store_id") << "already snake_case";
    EXPECT_EQ(JsonCodec::snakeCase("Barva"), "Barva") << "a product option's name is data";
    EXPECT_EQ(JsonCodec::snakeCase("orders.created"), "orders.created") << "a counter's name is data";
    EXPECT_EQ(JsonCodec::snakeCase(""), "");
}

TEST(JsonCodec, SnakeCasedConvertsEveryLevelAndKeepsTheOrderAndTheValues) {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    const auto document = parser.parse(
        R"({"orderNumber":"10001","vatBreakdown":[{"vatRate":"22","netAmount":"10.00"}],)"
        R"("buyer":{"postalCode":"1000","options":{"Barva":"Modra"}},"pricesIncludeVat":true,"totalGross":null})");
    const std::string out = JsonCodec::stringify(JsonCodec::snakeCased(document));
    const auto converted = Poco::JSON::Parser().parse(out).extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(converted->getValue<std::string>("order_number"), "10001");
    const auto line = converted->getArray("vat_breakdown")->getObject(0);
    EXPECT_EQ(line->getValue<std::string>("vat_rate"), "22");
    EXPECT_EQ(line->getValue<std::string>("net_amount"), "10.00");
    const auto buyer = converted->getObject("buyer");
    EXPECT_EQ(buyer->getValue<std::string>("postal_code"), "1000");
    EXPECT_EQ(buyer->getObject("options")->getValue<std::string>("Barva"), "Modra");
    EXPECT_TRUE(converted->getValue<bool>("prices_include_vat"));
    EXPECT_TRUE(converted->isNull("total_gross"));
    EXPECT_FALSE(converted->has("orderNumber"));
    EXPECT_LT(out.find("order_number"), out.find("vat_breakdown")) << "the document's own order: " << out;
    EXPECT_LT(out.find("buyer"), out.find("prices_include_vat")) << out;
}
