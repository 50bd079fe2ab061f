#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <sstream>

#include "estore/sdk/amount.h"
#include "estore/sdk/sales_order_json.h"

using estore::host_api::Amount;
using estore::host_api::LineKind;
using estore::host_api::SalesOrder;
using estore::sdk::Decimal;
using estore::sdk::salesOrderFromJson;
using estore::sdk::salesOrderToJson;

namespace {

std::string text(const SalesOrder& o) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(salesOrderToJson(o), out);
    return out.str();
}

SalesOrder sample() {
    SalesOrder o;
    o.externalId = "265c7d98";
    o.number = "10108";
    o.createdAt = "2021-05-25T13:51:01.718Z";
    o.updatedAt = "2021-05-25T13:55:55.130Z";
    o.updatedAtMillis = 1621950955130;
    o.currency = "EUR";
    o.pricesIncludeVat = true;
    o.status = "APPROVED";
    o.buyer.name = "Ana Novak";
    o.buyer.vatId = "SI12345678";
    o.buyer.business = true;
    o.buyer.billing.street = "Slovenska cesta 1";
    o.buyer.billing.country = "SI";
    estore::host_api::SalesOrderLine line;
    line.kind = LineKind::Shipping;
    line.name = "Pošta";
    line.quantity = {1, 0};
    line.unitPrice = {350, 1};  // 35.0 as Wix wrote it: the document keeps the scale
    line.vatRate = {95, 1};
    line.net = {6316, 2};
    line.vat = {600, 2};
    line.gross = {6916, 2};
    o.lines.push_back(line);
    o.vatBreakdown.push_back({{95, 1}, {6316, 2}, {600, 2}, {6916, 2}});
    o.totalNet = {6316, 2};
    o.totalVat = {600, 2};
    o.totalGross = {6916, 2};
    o.flags.push_back({"total_mismatch", {"Slovensko", "English"}});
    return o;
}

TEST(SalesOrderJson, WritesDecimalStringsInAStableOrder) {
    const std::string json = text(sample());
    EXPECT_EQ(json.find("{\"externalId\":\"265c7d98\",\"number\":\"10108\",\"dates\":"), 0u) << json;
    EXPECT_NE(json.find("\"unitPrice\":\"35.0\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"vatRate\":\"9.5\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"gross\":\"69.16\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"quantity\":\"1\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"kind\":\"shipping\""), std::string::npos) << json;
    EXPECT_NE(json.find("\"shipping\":null"), std::string::npos) << json;
    EXPECT_NE(json.find("\"updatedMillis\":1621950955130"), std::string::npos) << json;
}

TEST(SalesOrderJson, ReadsBackWhatItWrote) {
    std::string error;
    const auto back = salesOrderFromJson(text(sample()), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(text(*back), text(sample()));
    EXPECT_EQ(back->lines[0].unitPrice.units, 350);
    EXPECT_EQ(back->lines[0].unitPrice.scale, 1);
    EXPECT_EQ(back->lines[0].kind, LineKind::Shipping);
    EXPECT_TRUE(back->buyer.business);
    EXPECT_EQ(back->updatedAtMillis, 1621950955130);
    EXPECT_EQ(back->flags[0].reason.sl, "Slovensko");
}

TEST(SalesOrderJson, NamesThePathOfWhatIsWrong) {
    std::string error;
    EXPECT_FALSE(salesOrderFromJson(R"({"number": "1"})", &error));
    EXPECT_EQ(error, "externalId: missing");
    EXPECT_FALSE(salesOrderFromJson(R"({"externalId": "x", "lines": [{"gross": "1,5"}]})", &error));
    EXPECT_EQ(error, "lines[0].gross: not a decimal string");
    EXPECT_FALSE(salesOrderFromJson(R"({"externalId": "x", "lines": [{"kind": "tip"}]})", &error));
    EXPECT_EQ(error, "lines[0].kind: not one of product, shipping, fee, discount");
    EXPECT_FALSE(salesOrderFromJson(R"({"externalId": "x", "totals": {"vat": 1.5}})", &error));
    EXPECT_EQ(error, "totals.vat: not a string");
    EXPECT_FALSE(salesOrderFromJson(R"({"externalId": "x", "archived": "yes"})", &error));
    EXPECT_EQ(error, "archived: not true or false");
    EXPECT_FALSE(salesOrderFromJson("[1]", &error));
    EXPECT_FALSE(salesOrderFromJson("not json", nullptr));
}

TEST(Amount, ConvertsBothWaysExactly) {
    EXPECT_EQ(estore::sdk::toDecimal({6916, 2}), Decimal::parse("69.16").value());
    const Amount cents = estore::sdk::toAmount(Decimal::parse("35.0").value(), 2);
    EXPECT_EQ(cents.units, 3500);
    EXPECT_EQ(cents.scale, 2);
    const Amount rounded = estore::sdk::toAmount(Decimal::parse("0.125").value(), 2);
    EXPECT_EQ(rounded.units, 13);
    const Amount rate = estore::sdk::toNormalizedAmount(Decimal::parse("9.50").value());
    EXPECT_EQ(rate.units, 95);
    EXPECT_EQ(rate.scale, 1);
    const Amount whole = estore::sdk::toNormalizedAmount(Decimal::parse("22.000").value());
    EXPECT_EQ(whole.units, 22);
    EXPECT_EQ(whole.scale, 0);
    EXPECT_TRUE(estore::sdk::sameValue({22, 0}, {2200, 2}));
    EXPECT_FALSE(estore::sdk::sameValue({22, 0}, {95, 1}));
}

}  // namespace
