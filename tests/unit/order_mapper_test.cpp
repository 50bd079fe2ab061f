// Wix order → e-računi sales order, checked against golden documents in tests/data/orders. Each fixture
// NAME.json is a Wix order (as Search/Get Order return it); NAME.expected.json is the document
// (estore/sdk/sales_order_json.h) it must map to, compared structurally. The amounts of the hand-built
// Slovenian fixtures are computed in the comments below, so a golden file is never its own proof.
//
// To rewrite the golden files after a deliberate change: ESTORE_UPDATE_GOLDEN=1 ./unit_tests, then read
// the diff line by line before committing it.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Stringifier.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "estore/sdk/amount.h"
#include "estore/sdk/json_access.h"
#include "estore/sdk/sales_order_json.h"
#include "orders/order_mapper.h"

using estore::host_api::Amount;
using estore::host_api::ErrorCategory;
using estore::host_api::LineKind;
using estore::host_api::SalesOrder;
using estore::sdk::Decimal;
using estore::wix::MappedOrder;
using estore::wix::OrderMapper;
namespace review = estore::wix::review;
using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const std::string kOrders = std::string(ESTORE_TEST_DATA) + "/orders/";

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

Object::Ptr parse(const std::string& text) {
    auto parsed = estore::sdk::parseJsonObject(text);
    EXPECT_TRUE(parsed.ok()) << parsed.error;
    return parsed.object;
}

std::string stringify(const Object::Ptr& o, unsigned indent = 0) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(o, out, indent);
    return out.str();
}

MappedOrder mapText(const std::string& text, const std::string& paymentMethod = "",
                    const estore::wix::TipCheck& tip = {}) {
    return OrderMapper().map(std::string_view(text), paymentMethod, tip);
}

/// What Wix Tips answered for the fixture's order: NAME.tip.json (Get Tip By Order ID) when it has a tip.
estore::wix::TipCheck tipOf(const std::string& name) {
    const std::string answer = readFile(kOrders + name + ".tip.json");
    if (answer.empty()) return {};
    return {estore::sdk::stringAt(parse(answer), "tip.id").value_or(""), false, {}};
}

SalesOrder mapFixture(const std::string& name, const std::string& paymentMethod = "") {
    MappedOrder m = mapText(readFile(kOrders + name + ".json"), paymentMethod, tipOf(name));
    EXPECT_TRUE(m.order.has_value()) << name << ": " << m.error.message.en;
    return m.order.value_or(SalesOrder{});
}

Decimal dec(const Amount& a) {
    return estore::sdk::toDecimal(a);
}

/// A line's rate, gross and VAT, as computed by hand in the comments.
void expectAmounts(const estore::host_api::SalesOrderLine& line, const char* rate, const char* gross,
                   const char* vat) {
    EXPECT_EQ(dec(line.vatRate), Decimal::parse(rate).value()) << line.name;
    EXPECT_EQ(dec(line.gross), Decimal::parse(gross).value()) << line.name;
    EXPECT_EQ(dec(line.vat), Decimal::parse(vat).value()) << line.name;
}

Decimal d(const char* text) {
    return Decimal::parse(text).value();
}

std::string kindOf(const Var& v) {
    if (v.isEmpty()) return "null";
    if (v.type() == typeid(Object::Ptr)) return "object";
    if (v.type() == typeid(Array::Ptr)) return "array";
    if (v.isBoolean()) return "boolean";
    if (v.isString()) return "string";
    return "number";
}

/// The first place two parsed JSON values differ, or "" when they are equal.
std::string difference(const Var& a, const Var& b, const std::string& path) {
    const std::string kind = kindOf(a);
    if (kind != kindOf(b)) return path + ": " + kind + " vs " + kindOf(b);
    if (kind == "object") {
        const auto oa = a.extract<Object::Ptr>();
        const auto ob = b.extract<Object::Ptr>();
        for (const auto& [key, value] : *oa) {
            if (!ob->has(key)) return path + "." + key + ": missing on the right";
            if (auto diff = difference(value, ob->get(key), path + "." + key); !diff.empty()) return diff;
        }
        for (const auto& entry : *ob)
            if (!oa->has(entry.first)) return path + "." + entry.first + ": missing on the left";
        return "";
    }
    if (kind == "array") {
        const auto aa = a.extract<Array::Ptr>();
        const auto ab = b.extract<Array::Ptr>();
        if (aa->size() != ab->size())
            return path + ": " + std::to_string(aa->size()) + " vs " + std::to_string(ab->size()) +
                   " elements";
        for (unsigned i = 0; i < aa->size(); ++i)
            if (auto diff = difference(aa->get(i), ab->get(i), path + "[" + std::to_string(i) + "]");
                !diff.empty())
                return diff;
        return "";
    }
    if (kind == "null") return "";
    const std::string ta = a.convert<std::string>(), tb = b.convert<std::string>();
    return ta == tb ? "" : path + ": \"" + ta + "\" vs \"" + tb + "\"";
}

/// Wix's own total and tax, read straight from the fixture without the mapper.
std::optional<Decimal> wixAmount(const Object::Ptr& order, std::initializer_list<const char*> paths) {
    for (const char* path : paths)
        if (auto text = estore::sdk::stringAt(order, path)) return Decimal::parse(*text);
    return std::nullopt;
}

bool hasFlag(const SalesOrder& o, const std::string& code) {
    for (const auto& f : o.flags)
        if (f.code == code) return true;
    return false;
}

int countFlags(const SalesOrder& o, const std::string& code) {
    int n = 0;
    for (const auto& f : o.flags) n += f.code == code ? 1 : 0;
    return n;
}

// ---- golden documents ----

class GoldenOrder : public ::testing::TestWithParam<const char*> {};

TEST_P(GoldenOrder, MapsToTheExpectedDocument) {
    const std::string name = GetParam();
    const SalesOrder order =
        mapFixture(name, name == std::string("si_01_tax_inclusive_three_rates") ? "Stripe" : "");
    const Object::Ptr actual = parse(stringify(estore::sdk::salesOrderToJson(order)));
    const std::string expectedPath = kOrders + name + ".expected.json";
    if (std::getenv("ESTORE_UPDATE_GOLDEN")) {
        std::ofstream(expectedPath) << stringify(estore::sdk::salesOrderToJson(order), 2) << "\n";
        GTEST_SKIP() << "rewrote " << expectedPath;
    }
    const Object::Ptr expected = parse(readFile(expectedPath));
    ASSERT_FALSE(expected.isNull()) << expectedPath;
    EXPECT_EQ(difference(Var(actual), Var(expected), "$"), "");

    // The golden document reads back into the same order.
    std::string error;
    const auto reread = estore::sdk::salesOrderFromJson(readFile(expectedPath), &error);
    ASSERT_TRUE(reread.has_value()) << error;
    EXPECT_EQ(difference(Var(parse(stringify(estore::sdk::salesOrderToJson(*reread)))), Var(expected), "$"),
              "");
}

TEST_P(GoldenOrder, AddsUpToTheCent) {
    const std::string name = GetParam();
    const SalesOrder o = mapFixture(name);

    // Lines add up to the totals, and each line's net + VAT is its gross.
    Decimal net, vat, gross;
    std::map<std::string, std::array<Decimal, 3>> byRate;
    for (const auto& line : o.lines) {
        EXPECT_EQ(dec(line.net) + dec(line.vat), dec(line.gross)) << line.name;
        net += dec(line.net);
        vat += dec(line.vat);
        gross += dec(line.gross);
        auto& r = byRate[dec(line.vatRate).toString()];
        r[0] += dec(line.net);
        r[1] += dec(line.vat);
        r[2] += dec(line.gross);
    }
    EXPECT_EQ(net, dec(o.totalNet));
    EXPECT_EQ(vat, dec(o.totalVat));
    EXPECT_EQ(gross, dec(o.totalGross));

    // The VAT breakdown is the lines summed by rate, and adds up to the totals.
    ASSERT_EQ(o.vatBreakdown.size(), byRate.size());
    Decimal breakdownVat, breakdownGross, breakdownNet;
    for (const auto& t : o.vatBreakdown) {
        const auto& r = byRate[dec(t.rate).toString()];
        EXPECT_EQ(dec(t.net), r[0]);
        EXPECT_EQ(dec(t.vat), r[1]);
        EXPECT_EQ(dec(t.gross), r[2]);
        breakdownNet += dec(t.net);
        breakdownVat += dec(t.vat);
        breakdownGross += dec(t.gross);
    }
    EXPECT_EQ(breakdownNet, dec(o.totalNet));
    EXPECT_EQ(breakdownVat, dec(o.totalVat));
    EXPECT_EQ(breakdownGross, dec(o.totalGross));

    // And equals Wix's own total and tax, unless the order says why it cannot.
    if (hasFlag(o, review::kTotalMismatch)) return;
    const Object::Ptr wix = parse(readFile(kOrders + name + ".json"));
    const auto wixTotal = wixAmount(wix, {"priceSummary.total.amount", "priceSummary.totalPrice.amount"});
    const auto wixTax =
        wixAmount(wix, {"priceSummary.tax.amount", "taxSummary.totalTax.amount", "taxInfo.totalTax.amount"});
    ASSERT_TRUE(wixTotal && wixTax);
    EXPECT_EQ(dec(o.totalGross), *wixTotal);
    // Shipping Wix taxed at another rate than its goods is taxed at the goods' rates (ZDDV-1 Art. 36) and
    // flagged: the VAT then differs from Wix's by exactly the shipping's.
    Decimal expectedVat = *wixTax;
    if (hasFlag(o, review::kShippingVatSplit)) {
        const auto wixShipping = wixAmount(wix, {"shippingInfo.cost.taxDetails.totalTax.amount",
                                                 "shippingInfo.cost.taxInfo.taxAmount.amount"});
        ASSERT_TRUE(wixShipping);
        expectedVat -= *wixShipping;
        for (const auto& line : o.lines)
            if (line.kind == LineKind::Shipping) expectedVat += dec(line.vat);
    }
    EXPECT_EQ(breakdownVat, expectedVat);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenOrder,
                         ::testing::Values("wix_doc_10108_get_order", "wix_doc_10012_cancel_order",
                                           "wix_doc_10107_update_order", "wix_doc_10126_search_orders",
                                           "real_10033_pickup_chf", "si_01_tax_inclusive_three_rates",
                                           "si_02_company_coupon_two_rates", "si_03_oss_germany",
                                           "si_04_refunded", "si_05_cancelled_tax_exclusive",
                                           "si_06_doubtful", "si_07_kwd_three_decimals",
                                           "si_08_subscription_cycle", "si_09_tip"));

// ---- what each fixture shows, with its arithmetic ----

// Wix's documented order 10108 (Get Order, 2021), tax-exclusive, USD, to New York:
//   Indonesian Blend   35.0 × 2 − 3.5  = 66.50 net + 2.66 tax = 69.16  (2.66 / 66.50 = 4 %)
//   Brazilian Arabica  48.75 × 3 − 7.31 = 138.94 net + 5.56 tax = 144.50 (138.94 × 4 % = 5.5576)
//   U.S Shipping       2.00, no tax
//   total 69.16 + 144.50 + 2.00 = 215.66 = priceSummary.totalPrice; tax 8.22 = priceSummary.tax.
// The lines say taxRate "0"; the 4 % is only in taxSummary.manualTaxRate, and it is no rate of
// Slovenia's nor 0, so both product lines keep Wix's amounts with rate 4 and are flagged.
TEST(OrderMapper, DocOrder10108KeepsWixAmountsAndFlagsTheUnknownFourPercent) {
    const SalesOrder o = mapFixture("wix_doc_10108_get_order");
    ASSERT_EQ(o.lines.size(), 3u);
    EXPECT_EQ(dec(o.lines[0].net), d("66.50"));
    EXPECT_EQ(dec(o.lines[0].vat), d("2.66"));
    EXPECT_EQ(dec(o.lines[0].vatRate), d("4"));
    EXPECT_EQ(dec(o.lines[1].gross), d("144.50"));
    EXPECT_EQ(dec(o.lines[1].vatRate), d("4"));
    EXPECT_EQ(o.lines[2].kind, LineKind::Shipping);
    EXPECT_EQ(dec(o.lines[2].vatRate), d("0"));
    EXPECT_EQ(dec(o.totalGross), d("215.66"));
    EXPECT_EQ(dec(o.totalVat), d("8.22"));
    EXPECT_EQ(countFlags(o, review::kVatRateUnverified), 2);
    EXPECT_EQ(o.flags.size(), 2u);
    EXPECT_EQ(o.paidAt, "2021-05-25T13:55:55.130Z");  // the ORDER_PAID activity
    EXPECT_EQ(o.updatedAtMillis, 1621950955130);
    EXPECT_EQ(o.lines[0].sku, "");  // the 2021 example has no physicalProperties.sku: imported anyway
    EXPECT_EQ(
        o.lines[0].name,
        "Indonesian Blend (Weight: 250g, Ground for: Stovetop, What would you like written on the custom "
        "label?: Hope you enjoy the coffee! :))");
    EXPECT_TRUE(o.shipping.empty());  // shipped to the billing address
}

// Cancel Order example 10012: canceled, partially paid; the shirt is fully discounted (10 − 10 = 0) and
// still a line (rate 0: no amounts to show another); 85 + 35 + 0 + shipping 10 = 130 = total, tax 0.
TEST(OrderMapper, DocOrder10012IsCanceledAndKeepsAFullyDiscountedLine) {
    const SalesOrder o = mapFixture("wix_doc_10012_cancel_order");
    EXPECT_EQ(o.status, "CANCELED");
    EXPECT_EQ(o.paymentStatus, "PARTIALLY_PAID");
    EXPECT_EQ(o.paidAt, "");
    ASSERT_EQ(o.lines.size(), 4u);
    EXPECT_EQ(o.lines[0].name, "Shoe (Color: Brown)");  // colorInfo
    EXPECT_EQ(o.lines[1].name, "Watch (Size: Large, Color: Black)");
    EXPECT_EQ(dec(o.lines[2].discount), d("10"));
    EXPECT_EQ(dec(o.lines[2].gross), d("0"));
    EXPECT_EQ(dec(o.totalGross), d("130"));
    EXPECT_TRUE(o.flags.empty());
}

// Update Order example 10107: a GLOBAL merchant discount of 1 ("Nice customer") is in the total (32) but
// in no line (18 + 10 + shipping 5 = 33), so it becomes one Discount line of −1.00 at the products'
// rate 0. The masterclass is a SERVICE without physicalProperties: no SKU, still imported.
TEST(OrderMapper, DocOrder10107SpreadsTheMerchantDiscount) {
    const SalesOrder o = mapFixture("wix_doc_10107_update_order");
    ASSERT_EQ(o.lines.size(), 4u);
    EXPECT_EQ(o.lines[0].name, "Ethiopian Yirgacheffe (Weight: 500g)");  // valueless options dropped
    EXPECT_EQ(o.lines[1].sku, "");
    EXPECT_EQ(o.lines[3].kind, LineKind::Discount);
    EXPECT_EQ(o.lines[3].name, "Popust na naročilo (Nice customer)");
    EXPECT_EQ(dec(o.lines[3].gross), d("-1"));
    EXPECT_EQ(dec(o.totalGross), d("32"));
    EXPECT_TRUE(o.flags.empty());
}

// Search Orders example 10126 is inconsistent in Wix's own docs: line 1 is 55.00 + 2.16 tax = 57.16, but
// 2.16 is 4 % of 54 (the price after the 1.00 merchant discount the line does not show), so the amounts
// give 2.16 / 55.00 = 3.93 %, unverified; "Special wrapping" has no tax; the order's tax is 2.24 (4 % of
// 57 − 1). The merchant discount is 57.16 + 2 + 5 − 63.24 = 0.92, spread by gross 57.16 : 2.00 →
// 0.8889 : 0.0311 → 0.88 and 0.03 plus the lost cent to the larger remainder → 0.89 (VAT 0.89 × 3.93 /
// 103.93 = 0.034 → 0.03) and 0.03. The total then matches (63.24) but the VAT cannot (2.13, not 2.24):
// imported as is, flagged.
TEST(OrderMapper, DocOrder10126IsFlaggedBecauseWixsTaxDoesNotAddUp) {
    const SalesOrder o = mapFixture("wix_doc_10126_search_orders");
    ASSERT_EQ(o.lines.size(), 5u);
    EXPECT_EQ(dec(o.lines[3].gross), d("-0.89"));
    EXPECT_EQ(dec(o.lines[3].vat), d("-0.03"));
    EXPECT_EQ(dec(o.lines[4].gross), d("-0.03"));
    EXPECT_EQ(dec(o.totalGross), d("63.24"));
    EXPECT_EQ(dec(o.totalVat), d("2.13"));
    EXPECT_TRUE(hasFlag(o, review::kTotalMismatch));
    EXPECT_EQ(countFlags(o, review::kVatRateUnverified), 1);  // the 3.93 % line
    EXPECT_EQ(dec(o.lines[0].vatRate), d("3.93"));
}

// A restaurant order in the newer real-world shape: lines carry only price, quantity and lineItemPrice
// (no totals, no tax), the order has taxInfo.totalTax 0, pickup in Switzerland, CHF.
// 26 × 3 = 78 and 18 × 3 = 54 → 132 = total; rate 0; no shipping line (nothing charged).
TEST(OrderMapper, RealPickupOrderWithoutLineTotalsFallsBackToLineItemPrice) {
    const SalesOrder o = mapFixture("real_10033_pickup_chf");
    EXPECT_EQ(o.currency, "CHF");
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].name, "Nam Tok (Ente)");
    EXPECT_EQ(dec(o.lines[0].gross), d("78"));
    EXPECT_TRUE(o.shipping.empty());
    EXPECT_EQ(o.buyer.billing.country, "CH");
    EXPECT_TRUE(o.flags.empty());
}

// si_01, tax-inclusive, three Slovenian rates, paid by Stripe:
//   Majica (Velikost: L, Barva: Rdeča) 24.40 × 2 − 4.88 = 43.92 gross; 43.92 × 22/122 = 7.92; net 36.00
//   Kava Etiopija 250 g (no SKU)        10.95 × 3       = 32.85;       32.85 × 9.5/109.5 = 2.85; net 30.00
//   Slovenske ljudske pravljice          21.0 × 1        = 21.00;       21 × 5/105 = 1.00; net 20.00
//   Pošta Slovenije (shipping)           4.88;  Wix: 0.88 at 22 %
//   Darilno pakiranje (fee, no after-tax figure: gross = price when prices include VAT) 2.44; 0.44; 2.00
// Shipping follows its goods (ZDDV-1 Art. 36): 4.88 over 43.92 : 32.85 : 21.00 (of 97.77) by largest
// remainder: 488 × 4392 / 9777 = 219 rem 2133; × 3285 = 163 rem 9429; × 2100 = 104 rem 7992; the two lost
// cents go to 9.5 % and 5 % → 2.19 (22 %, VAT 2.19 × 22/122 = 0.3949 → 0.39), 1.64 (9.5 %, 0.1423 → 0.14),
// 1.05 (5 %, 0.05). Shipping VAT 0.58 instead of Wix's 0.88, flagged shipping_vat_split.
//   total 105.09 = Wix; VAT 13.09 − 0.88 + 0.58 = 12.79. Breakdown 22: 36.00 + 1.80 + 2.00 = 39.80 net,
//   7.92 + 0.39 + 0.44 = 8.75; 9.5: 30.00 + 1.50, 2.85 + 0.14 = 2.99; 5: 20.00 + 1.00, 1.00 + 0.05 = 1.05.
//   Wix's taxRate "0" on the coffee is ignored: the amounts show 9.5 %.
TEST(OrderMapper, SloveneTaxInclusiveOrderWithThreeRates) {
    const SalesOrder o = mapFixture("si_01_tax_inclusive_three_rates", "Stripe");
    EXPECT_EQ(o.paymentMethod, "Stripe");
    EXPECT_TRUE(o.pricesIncludeVat);
    ASSERT_EQ(o.lines.size(), 7u);
    EXPECT_EQ(o.lines[0].name, "Majica (Velikost: L, Barva: Rdeča)");
    EXPECT_EQ(o.lines[0].sku, "MAJ-L-RDE");
    EXPECT_EQ(dec(o.lines[0].quantity), d("2"));
    EXPECT_EQ(dec(o.lines[0].unitPrice), d("24.40"));
    EXPECT_EQ(dec(o.lines[0].discount), d("4.88"));
    EXPECT_EQ(dec(o.lines[0].net), d("36.00"));
    EXPECT_EQ(o.lines[1].sku, "");
    EXPECT_EQ(dec(o.lines[1].vatRate), d("9.5"));
    EXPECT_EQ(dec(o.lines[2].vatRate), d("5"));
    for (int i : {3, 4, 5}) EXPECT_EQ(o.lines[i].kind, LineKind::Shipping);
    EXPECT_EQ(o.lines[3].name, "Pošta Slovenije (22 %)");
    EXPECT_EQ(o.lines[4].name, "Pošta Slovenije (9,5 %)");
    expectAmounts(o.lines[3], "22", "2.19", "0.39");
    expectAmounts(o.lines[4], "9.5", "1.64", "0.14");
    expectAmounts(o.lines[5], "5", "1.05", "0.05");
    EXPECT_EQ(o.lines[6].kind, LineKind::Fee);
    EXPECT_EQ(dec(o.lines[6].net), d("2.00"));
    ASSERT_EQ(o.vatBreakdown.size(), 3u);
    EXPECT_EQ(dec(o.vatBreakdown[0].net), d("39.80"));
    EXPECT_EQ(dec(o.vatBreakdown[0].vat), d("8.75"));
    EXPECT_EQ(dec(o.vatBreakdown[1].vat), d("2.99"));
    EXPECT_EQ(dec(o.vatBreakdown[1].gross), d("34.49"));
    EXPECT_EQ(dec(o.vatBreakdown[2].vat), d("1.05"));
    EXPECT_EQ(dec(o.totalNet), d("92.30"));
    EXPECT_EQ(dec(o.totalVat), d("12.79"));
    EXPECT_EQ(dec(o.totalGross), d("105.09"));
    EXPECT_EQ(o.paidAt, "2025-03-14T09:13:10.004Z");
    EXPECT_FALSE(o.buyer.business);  // "Private note" holding digits is no VAT field
    ASSERT_EQ(o.flags.size(), 1u);
    EXPECT_EQ(o.flags[0].code, review::kShippingVatSplit);
    EXPECT_NE(o.flags[0].reason.en.find("VAT 0.58 instead of 0.88"), std::string::npos)
        << o.flags[0].reason.en;
}

// si_02, a company with "ID za DDV" = "si 100 398 56", shipped to another address, coupon POLETJE5 of
// 5.00 taken off the total only. Lines 61.00 (22 %, VAT 11.00) and 21.90 (9.5 %, VAT 1.90), shipping
// 3.66 (0.66). 61.00 + 21.90 + 3.66 − 81.56 = 5.00 spread over 61.00 : 21.90 (of 82.90):
//   22 %: 500 × 6100 / 8290 = 367 rem 7570; 9.5 %: 500 × 2190 / 8290 = 132 rem 720; the lost cent
//   goes to 22 % → −3.68 (VAT 3.68 × 22/122 = 0.6636 → −0.66, net −3.02) and −1.32 (VAT 1.32 × 9.5/109.5
//   = 0.1145 → −0.11, net −1.21).
// VAT 11.00 + 1.90 + 0.66 − 0.66 − 0.11 = 12.79 = Wix (which taxed 57.32 → 10.34 and 20.58 → 1.79).
// Shipping follows its goods (ZDDV-1 Art. 36): 3.66 over what is left of them, 57.32 : 20.58 (of 77.90):
//   366 × 5732 / 7790 = 269 rem 2402; 366 × 2058 / 7790 = 96 rem 5388; the lost cent goes to 9.5 % →
//   2.69 (22 %, VAT 2.69 × 22/122 = 0.4851 → 0.49) and 0.97 (9.5 %, 0.97 × 9.5/109.5 = 0.0842 → 0.08).
// VAT 12.79 − 0.66 + 0.57 = 12.70, flagged shipping_vat_split. Breakdown 22: 61.00 − 3.68 + 2.69 = 60.01
// (VAT 11.00 − 0.66 + 0.49 = 10.83, net 49.18); 9.5: 21.90 − 1.32 + 0.97 = 21.55 (VAT 1.90 − 0.11 + 0.08
// = 1.87, net 19.68); totals 68.86 + 12.70 = 81.56 = Wix.
// Paid without an ORDER_PAID activity: paidAt is the updatedDate.
TEST(OrderMapper, CouponOnTheOrderIsSpreadOverTwoRatesByLargestRemainder) {
    const SalesOrder o = mapFixture("si_02_company_coupon_two_rates");
    ASSERT_EQ(o.lines.size(), 6u);
    EXPECT_EQ(o.lines[2].kind, LineKind::Shipping);
    expectAmounts(o.lines[2], "22", "2.69", "0.49");
    expectAmounts(o.lines[3], "9.5", "0.97", "0.08");
    EXPECT_EQ(o.lines[4].kind, LineKind::Discount);
    EXPECT_EQ(o.lines[4].name, "Popust na naročilo (POLETJE5)");
    expectAmounts(o.lines[4], "22", "-3.68", "-0.66");
    EXPECT_EQ(dec(o.lines[4].net), d("-3.02"));
    expectAmounts(o.lines[5], "9.5", "-1.32", "-0.11");
    EXPECT_EQ(dec(o.totalVat), d("12.70"));
    EXPECT_EQ(dec(o.totalGross), d("81.56"));
    EXPECT_EQ(dec(o.vatBreakdown[0].net), d("49.18"));
    EXPECT_EQ(dec(o.vatBreakdown[0].vat), d("10.83"));
    EXPECT_EQ(dec(o.vatBreakdown[1].net), d("19.68"));
    EXPECT_EQ(dec(o.vatBreakdown[1].vat), d("1.87"));
    EXPECT_TRUE(o.buyer.business);
    EXPECT_EQ(o.buyer.vatId, "SI10039856");
    EXPECT_EQ(o.buyer.company, "Mizarstvo Kranjc d.o.o.");
    EXPECT_EQ(o.buyer.email, "nabava@mizarstvo-kranjc.si");
    EXPECT_EQ(o.shipping.street, "Industrijska ulica 12");
    EXPECT_EQ(o.shipping.street2, "skladišče B");
    EXPECT_EQ(o.shipping.city, "Naklo");
    EXPECT_EQ(o.paidAt, o.updatedAt);
    ASSERT_EQ(o.flags.size(), 1u);
    EXPECT_EQ(o.flags[0].code, review::kShippingVatSplit);
}

// si_03, OSS sale to Germany in the newer line shape (taxInfo.taxAmount), tax-inclusive:
//   Majica 23.80 × 19/119 = 3.80 (19 %); Kuharska knjiga 10.70 × 2 = 21.40 × 7/107 = 1.40 (7 %);
//   DHL 5.95, Wix: 0.95 at 19 %. Wix's total 51.15, VAT 6.15 = taxInfo.totalTax (priceSummary has none).
//   Neither 19 nor 7 is Slovenian: they are plausible only because the goods go to DE.
// Shipping follows its goods: 595 × 2380 / 4520 = 313 rem 1340; 595 × 2140 / 4520 = 281 rem 3180, the lost
// cent to 7 % → 3.13 (19 %, VAT 3.13 × 19/119 = 0.4997 → 0.50) and 2.82 (7 %, 2.82 × 7/107 = 0.1845 →
// 0.18): VAT 6.15 − 0.95 + 0.68 = 5.88, flagged shipping_vat_split.
TEST(OrderMapper, OssSaleToGermanyUsesGermanRates) {
    const SalesOrder o = mapFixture("si_03_oss_germany");
    ASSERT_EQ(o.lines.size(), 4u);
    EXPECT_EQ(dec(o.lines[0].vatRate), d("19"));
    EXPECT_EQ(dec(o.lines[1].vatRate), d("7"));
    expectAmounts(o.lines[2], "19", "3.13", "0.50");
    expectAmounts(o.lines[3], "7", "2.82", "0.18");
    EXPECT_EQ(dec(o.totalVat), d("5.88"));
    EXPECT_EQ(dec(o.totalGross), d("51.15"));
    EXPECT_EQ(o.buyer.billing.street, "Hauptstraße 5");  // from streetAddress{name, number}
    EXPECT_TRUE(o.shipping.empty());
    ASSERT_EQ(o.flags.size(), 1u);
    EXPECT_EQ(o.flags[0].code, review::kShippingVatSplit);
}

// si_04: fully refunded, money as "35.0" and "0": 35.0 × 22/122 = 6.3115 → 6.31, net 28.69; free
// shipping adds no line. The status is passed on as it is: the host decides about credit notes.
TEST(OrderMapper, RefundedOrderKeepsItsAmountsAndPaidDate) {
    const SalesOrder o = mapFixture("si_04_refunded");
    EXPECT_EQ(o.paymentStatus, "FULLY_REFUNDED");
    EXPECT_TRUE(o.archived);
    EXPECT_EQ(o.paidAt, "2025-02-01T10:00:05.000Z");
    ASSERT_EQ(o.lines.size(), 1u);
    EXPECT_EQ(dec(o.lines[0].unitPrice), d("35"));
    EXPECT_EQ(o.lines[0].unitPrice.scale, 2);
    EXPECT_EQ(dec(o.lines[0].net), d("28.69"));
    EXPECT_EQ(o.updatedAtMillis, 1739204400500);  // "…16:20:00.5Z": one fraction digit is 500 ms
    EXPECT_EQ(o.updatedAt, "2025-02-10T16:20:00.500Z");
}

// si_05: canceled, not paid, tax-exclusive: 10.0 × 3 = 30.00 net + 6.60 = 36.60; fee "Plačilo po
// povzetju" 2.0 net + 0.44 = 2.44 (no after-tax figure: net + VAT). 39.04 and 7.04 = Wix. Pickup: no
// shipping address; updatedDate carries +02:00 and is stored in UTC.
TEST(OrderMapper, CanceledTaxExclusiveOrderWithAFee) {
    const SalesOrder o = mapFixture("si_05_cancelled_tax_exclusive");
    EXPECT_EQ(o.status, "CANCELED");
    EXPECT_EQ(o.paidAt, "");
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].sku, "");
    EXPECT_EQ(dec(o.lines[0].unitPrice), d("10"));  // net, as the shop shows it
    EXPECT_EQ(o.lines[1].kind, LineKind::Fee);
    EXPECT_EQ(o.lines[1].externalId, "fee-cod");
    EXPECT_EQ(dec(o.lines[1].gross), d("2.44"));
    EXPECT_EQ(o.buyer.billing.street, "Trubarjeva ulica 7");
    EXPECT_EQ(o.buyer.billing.street2, "3. nadstropje");
    EXPECT_TRUE(o.shipping.empty());
    EXPECT_EQ(o.updatedAtMillis, 1748946645999);  // 12:30:45.999+02:00 = 10:30:45.999Z
    EXPECT_EQ(o.updatedAt, "2025-06-03T10:30:45.999Z");
}

// si_06, everything doubtful, each flagged and nothing changed:
//   "Davčna številka" = "ne vem": no VAT ID → consumer, vat_id_unrecognised.
//   Skodelica 10.00 with VAT 1.81: 22 % gives 1.80 both ways (10 × 22/122 = 1.803; 8.19 × 0.22 = 1.802);
//     1.81 / 8.19 = 22.10 %, within half a point of 22 → rate 22, vat_rate_unverified.
//   Krožnik 7.50 × 2 = 15.00, but Wix says 14.00 (VAT 2.52 = 14 × 22/122 verifies) → line_price_mismatch.
//   Lines 24.00, Wix total 24.01 → total_mismatch (a cent short cannot be a discount).
TEST(OrderMapper, DoubtfulOrderIsImportedAsIsWithEveryReason) {
    const SalesOrder o = mapFixture("si_06_doubtful");
    EXPECT_FALSE(o.buyer.business);
    EXPECT_EQ(o.buyer.company, "Zupan s.p.");
    ASSERT_EQ(o.flags.size(), 4u);
    EXPECT_EQ(o.flags[0].code, review::kVatIdUnrecognised);
    EXPECT_EQ(o.flags[1].code, review::kVatRateUnverified);
    EXPECT_EQ(o.flags[2].code, review::kLinePriceMismatch);
    EXPECT_EQ(o.flags[3].code, review::kTotalMismatch);
    EXPECT_EQ(dec(o.lines[0].vatRate), d("22"));
    EXPECT_EQ(dec(o.lines[0].vat), d("1.81"));
    EXPECT_EQ(dec(o.lines[1].gross), d("14.00"));
    EXPECT_NE(o.flags[3].reason.en.find("total 24.00 instead of 24.01"), std::string::npos)
        << o.flags[3].reason.en;
    EXPECT_NE(o.flags[3].reason.sl.find("skupaj 24,00 namesto 24,01"), std::string::npos)
        << o.flags[3].reason.sl;
    for (const auto& f : o.flags) {
        EXPECT_FALSE(f.reason.sl.empty());
        EXPECT_FALSE(f.reason.en.empty());
    }
}

// si_07, a 3-decimal currency (KWD; ISO 4217 minor unit 3), tax-exclusive, to a consumer in Koper:
//   Keramična vaza  12.345 × 2 = 24.690 net; 22 % = 5.4318 → 5.432 (to the fils, not 5.43); 30.122
//   Knjiga           8.105 net; 9.5 % = 0.769975 → 0.770; 8.875
//   Totals 32.795 net + 6.202 VAT = 38.997, Wix's total, to the fils. Nothing is rounded to cents, nothing
//   flagged (with cents assumed, 5.432 would be rounded and both rates unverified).
TEST(OrderMapper, AThreeDecimalCurrencyKeepsItsThirdDecimalEverywhere) {
    const SalesOrder o = mapFixture("si_07_kwd_three_decimals");
    EXPECT_TRUE(o.flags.empty()) << o.flags.front().code << ": " << o.flags.front().reason.en;
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].vat.scale, 3);
    EXPECT_EQ(dec(o.lines[0].vat), d("5.432"));
    EXPECT_EQ(dec(o.lines[0].vatRate), d("22"));
    EXPECT_EQ(dec(o.lines[0].unitPrice), d("12.345"));
    EXPECT_EQ(dec(o.lines[1].vat), d("0.770"));
    EXPECT_EQ(dec(o.lines[1].vatRate), d("9.5"));
    EXPECT_EQ(dec(o.totalNet), d("32.795"));
    EXPECT_EQ(dec(o.totalVat), d("6.202"));
    EXPECT_EQ(dec(o.totalGross), d("38.997"));
    EXPECT_EQ(o.totalGross.scale, 3);
    EXPECT_EQ(dec(o.paidAmount), d("38.997"));
}

// si_08, the 3rd monthly order of a 12-cycle coffee subscription (Wix makes an order per billing cycle from
// the subscription contract; the line's subscriptionInfo says which), tax-inclusive, to a consumer in
// Maribor:
//   Kava Kolumbija 1 kg 18.90 at 9.5 %: 18.90 × 9.5 / 109.5 = 1.6397 → 1.64 VAT, 17.26 net
//   Pošta Slovenije 3.90 at 9.5 % (the goods' rate): 0.3384 → 0.34 VAT, 3.56 net
//   Totals 20.82 net + 1.98 VAT = 22.80, Wix's total. Invoiced like any order; the line names the option and
//   the cycle, so the invoice says which month it bills.
TEST(OrderMapper, ASubscriptionsCycleIsAnOrderOfItsOwnNamingItsOptionAndCycle) {
    const SalesOrder o = mapFixture("si_08_subscription_cycle");
    EXPECT_TRUE(o.flags.empty()) << o.flags.front().code << ": " << o.flags.front().reason.en;
    ASSERT_EQ(o.lines.size(), 2u);
    EXPECT_EQ(o.lines[0].name, "Kava Kolumbija 1 kg (Mletje: Zrna) — Mesečna kava, obdobje / cycle 3/12");
    EXPECT_EQ(o.lines[0].sku, "KAVA-KOL-1000");
    EXPECT_EQ(dec(o.lines[0].vatRate), d("9.5"));
    EXPECT_EQ(dec(o.lines[0].vat), d("1.64"));
    EXPECT_EQ(dec(o.lines[1].vat), d("0.34"));
    EXPECT_EQ(dec(o.totalNet), d("20.82"));
    EXPECT_EQ(dec(o.totalVat), d("1.98"));
    EXPECT_EQ(dec(o.totalGross), d("22.80"));
}

TEST(OrderMapper, ASubscriptionThatRenewsItselfHasNoLastCycleAndAnUntitledOneSaysSubscription) {
    const auto line = [](const std::string& subscriptionInfo) {
        const auto mapped = OrderMapper().map(
            R"({"id":"s1","number":"1","currency":"EUR","updatedDate":"2026-01-01T00:00:00.000Z",
                "taxIncludedInPrices":true,"lineItems":[{"id":"l1","productName":{"original":"Čaj"},"quantity":1,
                "price":{"amount":"5.00"},"subscriptionInfo":)" +
                subscriptionInfo + R"(}],"priceSummary":{"total":{"amount":"5.00"}}})",
            "");
        EXPECT_TRUE(mapped.order) << mapped.error.detail;
        return mapped.order ? mapped.order->lines.at(0).name : std::string();
    };
    EXPECT_EQ(line(R"({"id":"c1","cycleNumber":7,"subscriptionOptionTitle":"Čaj vsak teden",
                       "subscriptionSettings":{"frequency":"WEEK","autoRenewal":true,"billingCycles":null}})"),
              "Čaj — Čaj vsak teden, obdobje / cycle 7");
    EXPECT_EQ(line(R"({"id":"c1","cycleNumber":1})"), "Čaj — naročnina / subscription, obdobje / cycle 1");
    EXPECT_EQ(line(R"({"id":"c1"})"), "Čaj") << "nothing to say without a cycle or a title";
}

TEST(OrderMapper, AnAmountFinerThanTheCurrencysUnitIsRoundedToItAndFlagged) {
    // JPY has no minor unit: 1000.4 yen is rounded to 1000 and flagged; 1000 itself would not be.
    const auto mapped = OrderMapper().map(
        R"({"id":"y1","number":"1","currency":"JPY","updatedDate":"2026-01-01T00:00:00.000Z",
            "taxIncludedInPrices":true,"lineItems":[{"id":"l1","productName":{"original":"Cha"},"quantity":1,
            "price":{"amount":"1000.4"},"totalPriceAfterTax":{"amount":"1000.4"},
            "taxDetails":{"totalTax":{"amount":"180"}}}],
            "priceSummary":{"total":{"amount":"1000.4"},"tax":{"amount":"180"}}})",
        "");
    ASSERT_TRUE(mapped.order) << mapped.error.detail;
    EXPECT_EQ(dec(mapped.order->lines[0].gross), d("1000"));
    EXPECT_EQ(mapped.order->lines[0].gross.scale, 0);
    bool rounded = false;
    for (const auto& f : mapped.order->flags)
        if (f.code == review::kAmountRounded) {
            rounded = true;
            EXPECT_NE(f.reason.en.find("more decimals than JPY has (0)"), std::string::npos) << f.reason.en;
        }
    EXPECT_TRUE(rounded);
}

// ---- small orders built inline ----

std::string minimalOrder(const std::string& extra, const std::string& lines = "[]") {
    return R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
               "taxIncludedInPrices": true, "lineItems": )" +
           lines + (extra.empty() ? "" : ", " + extra) + "}";
}

const char* kOneLine = R"([{"id": "l1", "productName": {"original": "X"}, "quantity": 1,
    "price": {"amount": "12.20"}, "totalPriceAfterTax": {"amount": "12.20"},
    "taxDetails": {"totalTax": {"amount": "2.20"}}}])";

TEST(OrderMapper, AMinimalOrderMaps) {
    const MappedOrder m = mapText(
        minimalOrder(R"("priceSummary": {"total": {"amount": "12.2"}, "tax": {"amount": "2.2"}})", kOneLine));
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_TRUE(m.error.ok());
    EXPECT_EQ(m.order->number, "777");
    EXPECT_EQ(dec(m.order->lines[0].vatRate), d("22"));
    EXPECT_TRUE(m.order->flags.empty());
}

struct MalformedCase {
    const char* json;
    const char* path;
};

TEST(OrderMapper, RefusesOnlyWhatCannotBeRepresentedAndSaysWhere) {
    const MalformedCase cases[] = {
        {R"({"number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z"})", "id"},
        {R"({"id": 5, "number": "777"})", "id"},
        {R"({"id": "abc", "number": "777", "updatedDate": "2025-01-01T00:00:00.000Z"})", "currency"},
        {R"({"id": "abc", "number": "777", "currency": "EUR"})", "updatedDate"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "yesterday"})", "updatedDate"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "lineItems": {}})",
         "lineItems"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "lineItems": [{"quantity": "2", "price": {"amount": "1"}}]})",
         "lineItems[0].quantity"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "lineItems": [{"quantity": 1, "price": {"amount": "1"}},
                           {"quantity": 1, "price": {"amount": "1"}, "totalPriceAfterTax": {"amount": "12,20"}}]})",
         "lineItems[1].totalPriceAfterTax.amount"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "lineItems": [{"quantity": 1, "price": {"amount": 1.5}}]})",
         "lineItems[0].price.amount"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "priceSummary": {"total": {"amount": "1e3"}}})",
         "priceSummary.total.amount"},
        {R"({"id": "abc", "number": "777", "currency": "EUR", "updatedDate": "2025-01-01T00:00:00.000Z",
             "billingInfo": "Ljubljana"})",
         "billingInfo"},
    };
    for (const auto& c : cases) {
        const MappedOrder m = mapText(c.json);
        ASSERT_FALSE(m.order.has_value()) << c.json;
        EXPECT_EQ(m.error.category, ErrorCategory::Permanent);
        EXPECT_EQ(m.error.code, "wix.order.malformed");
        EXPECT_NE(m.error.message.en.find(std::string(" ") + c.path + " "), std::string::npos)
            << m.error.message.en;
        EXPECT_NE(m.error.message.sl.find(std::string(" ") + c.path + " "), std::string::npos)
            << m.error.message.sl;
        EXPECT_NE(m.error.message.en.find("777"), std::string::npos) << m.error.message.en;
        EXPECT_EQ(m.error.detail.rfind(c.path, 0), 0u) << m.error.detail;
    }
    // An order that is not an object, inside an answer and alone.
    estore::sdk::JsonDocument answer;
    std::string why;
    ASSERT_TRUE(answer.parse(R"({"order": 5})", why)) << why;
    const MappedOrder number = OrderMapper().map(*estore::sdk::jsonAt(answer.root(), "order"), "");
    EXPECT_FALSE(number.order.has_value());
    EXPECT_EQ(number.error.code, "wix.order.malformed");
    EXPECT_EQ(number.error.detail, "(order): is not a JSON object");
    for (const char* text : {"null", "[]", "{\"id\": ", ""}) {
        const MappedOrder none = mapText(text);
        EXPECT_FALSE(none.order.has_value()) << text;
        EXPECT_EQ(none.error.code, "wix.order.malformed") << text;
        EXPECT_FALSE(none.error.message.sl.empty());
    }
}

TEST(OrderMapper, MalformedMessageNamesTheOrderIdToo) {
    const MappedOrder m = mapText(R"({"id": "265c7d98", "number": "10108", "currency": "EUR"})");
    ASSERT_FALSE(m.order);
    EXPECT_NE(m.error.message.en.find("Wix order 10108 (id 265c7d98)"), std::string::npos)
        << m.error.message.en;
    EXPECT_NE(m.error.message.sl.find("Naročila Wix 10108 (id 265c7d98)"), std::string::npos)
        << m.error.message.sl;
}

TEST(OrderMapper, SubCentAmountsAreRoundedAndFlagged) {
    const MappedOrder m = mapText(
        minimalOrder(R"("priceSummary": {"total": {"amount": "12.2"}, "tax": {"amount": "2.2"}})",
                     R"([{"productName": {"original": "X"}, "quantity": 1, "price": {"amount": "12.195"},
             "totalPriceAfterTax": {"amount": "12.20"}, "taxDetails": {"totalTax": {"amount": "2.20"}}}])"));
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_EQ(dec(m.order->lines[0].unitPrice), d("12.20"));
    ASSERT_EQ(m.order->flags.size(), 1u);
    EXPECT_EQ(m.order->flags[0].code, review::kAmountRounded);
    EXPECT_NE(m.order->flags[0].reason.en.find("lineItems[0].price.amount"), std::string::npos);
}

TEST(OrderMapper, MissingTotalsAreFlaggedNotGuessed) {
    const MappedOrder m = mapText(minimalOrder("", kOneLine));
    ASSERT_TRUE(m.order);
    ASSERT_EQ(m.order->flags.size(), 1u);
    EXPECT_EQ(m.order->flags[0].code, review::kTotalUnverified);
}

TEST(OrderMapper, FindsVatIdsUnderTheirManyTitles) {
    for (const char* title : {"VAT", "VAT number", "VAT ID", "DDV", "ID za DDV",
                              "Identifikacijska številka za DDV", "Davčna številka", "DAVČNA ŠTEVILKA",
                              "Tax ID", "USt-IdNr.", "UID-Nummer", "TVA", "Partita IVA", "NIP"}) {
        const std::string fields =
            R"("customFields": [{"title": ")" + std::string(title) + R"(", "value": " de 123.456.789 "}])";
        const MappedOrder m = mapText(minimalOrder(fields));
        ASSERT_TRUE(m.order) << title;
        EXPECT_TRUE(m.order->buyer.business) << title;
        EXPECT_EQ(m.order->buyer.vatId, "DE123456789") << title;
    }
    for (const char* title : {"Private note", "Opomba", "Navodila za dostavo", "Phone", "Invoice"}) {
        const std::string fields =
            R"("customFields": [{"title": ")" + std::string(title) + R"(", "value": "SI12345678"}])";
        const MappedOrder m = mapText(minimalOrder(fields));
        ASSERT_TRUE(m.order) << title;
        EXPECT_FALSE(m.order->buyer.business) << title;
        EXPECT_EQ(m.order->buyer.vatId, "") << title;
    }
}

TEST(OrderMapper, AnEmptyVatFieldIsJustAConsumer) {
    const MappedOrder m = mapText(minimalOrder(R"("customFields": [{"title": "ID za DDV", "value": ""}],
        "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}})"));
    ASSERT_TRUE(m.order);
    EXPECT_FALSE(m.order->buyer.business);
    EXPECT_TRUE(m.order->flags.empty());
}

TEST(OrderMapper, OddCustomFieldsDoNotStopTheOrder) {
    const MappedOrder m = mapText(minimalOrder(R"("customFields": [{"title": "VAT", "value": true},
        {"title": {"x": 1}, "value": "SI12345678"}, {"title": "ID za DDV", "value": 10039856}],
        "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}})"));
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_TRUE(m.order->buyer.business);
    EXPECT_EQ(m.order->buyer.vatId, "10039856");
}

TEST(OrderMapper, ASlovenianVatIdWithAWrongCheckDigitIsNoVatId) {
    // SI12345678: 1×8 + 2×7 + 3×6 + 4×5 + 5×4 + 6×3 + 7×2 = 112, 112 mod 11 = 2, 11 − 2 = 9, not 8.
    const MappedOrder m =
        mapText(minimalOrder(R"("customFields": [{"title": "ID za DDV", "value": "SI 123 456 78"}],
        "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}})"));
    ASSERT_TRUE(m.order);
    EXPECT_FALSE(m.order->buyer.business);
    ASSERT_EQ(m.order->flags.size(), 1u);
    EXPECT_EQ(m.order->flags[0].code, review::kVatIdUnrecognised);
    // Another country's ID is not checked here: VIES is the authority on those.
    const MappedOrder de =
        mapText(minimalOrder(R"("customFields": [{"title": "USt-IdNr", "value": "DE123456789"}],
        "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}})"));
    ASSERT_TRUE(de.order);
    EXPECT_TRUE(de.order->buyer.business);
}

TEST(OrderMapper, ANumericOrderNumberIsKeptAsText) {
    const MappedOrder m = mapText(R"({"id": "x", "number": 10001, "currency": "EUR",
        "updatedDate": "2025-01-01T00:00:00Z", "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}}})");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_EQ(m.order->number, "10001");
}

}  // namespace

// ---- VAT rates by date and by VAT territory (issue 15) ----

/// One line of 11.20 gross with 1.20 VAT (12 % of 10.00), delivered to `country`/`subdivision` on `date`.
MappedOrder deliveredOn(const std::string& date, const std::string& country, const std::string& subdivision,
                        const std::string& gross = "11.20", const std::string& vat = "1.20") {
    const std::string address = R"({"country": ")" + country + R"(")" +
                                (subdivision.empty() ? "" : R"(, "subdivision": ")" + subdivision + R"(")") +
                                "}";
    return mapText(R"({"id": "abc", "number": "778", "currency": "EUR", "createdDate": ")" + date +
                   R"(T10:00:00.000Z", "updatedDate": ")" + date +
                   R"(T10:00:00.000Z", "taxIncludedInPrices": true,
        "shippingInfo": {"logistics": {"shippingDestination": {"address": )" +
                   address + R"(}}},
        "lineItems": [{"id": "l1", "productName": {"original": "Vstopnica"}, "quantity": 1,
            "price": {"amount": ")" +
                   gross + R"("}, "totalPriceAfterTax": {"amount": ")" + gross + R"("},
            "taxDetails": {"totalTax": {"amount": ")" +
                   vat + R"("}}}],
        "priceSummary": {"total": {"amount": ")" +
                   gross + R"("}, "tax": {"amount": ")" + vat + R"("}}})");
}

bool flagged(const MappedOrder& m, const char* code) {
    for (const auto& f : m.order->flags)
        if (f.code == code) return true;
    return false;
}

/// The reason of the flag with that code, empty when the order has none.
estore::host_api::Text reasonOf(const MappedOrder& m, const char* code) {
    if (m.order)
        for (const auto& f : m.order->flags)
            if (f.code == code) return f.reason;
    return {};
}

TEST(OrderMapper, LithuaniasTwelvePercentIsConfirmedOnlyFrom2026) {
    const MappedOrder after = deliveredOn("2026-02-01", "LT", "");
    ASSERT_TRUE(after.order) << after.error.message.en;
    EXPECT_EQ(dec(after.order->lines[0].vatRate), d("12"));
    EXPECT_FALSE(flagged(after, review::kVatRateUnverified));
    const MappedOrder before = deliveredOn("2025-06-01", "LT", "");
    ASSERT_TRUE(before.order);
    EXPECT_TRUE(flagged(before, review::kVatRateUnverified)) << "12 % was no Lithuanian rate in 2025";
}

TEST(OrderMapper, NorthernIrelandIsXiAndMonacoIsFrance) {
    // 12.00 gross with 2.00 VAT: 20 %, the UK rate charged on goods in Northern Ireland and France's rate.
    const MappedOrder ni = deliveredOn("2026-02-01", "GB", "GB-NIR", "12.00", "2.00");
    ASSERT_TRUE(ni.order);
    EXPECT_EQ(dec(ni.order->lines[0].vatRate), d("20"));
    EXPECT_FALSE(flagged(ni, review::kVatRateUnverified));
    const MappedOrder monaco = deliveredOn("2026-02-01", "MC", "", "12.00", "2.00");
    ASSERT_TRUE(monaco.order);
    EXPECT_FALSE(flagged(monaco, review::kVatRateUnverified));
    const MappedOrder britain = deliveredOn("2026-02-01", "GB", "GB-ENG", "12.00", "2.00");
    ASSERT_TRUE(britain.order);
    EXPECT_TRUE(flagged(britain, review::kVatRateUnverified)) << "Great Britain is outside the EU's VAT area";
}

// ---- shipping follows its goods, 0 % at home (issue 15) ----

/// A book (9.5 %: 10.95 gross, 0.95 VAT) shipped to `country` with shipping of 4.88 that Wix taxed at
/// `shippingVat` (0.88: 22 %), prices tax-inclusive or not, and the buyer's custom fields.
MappedOrder bookWithShipping(const std::string& country, const std::string& bookVat,
                             const std::string& shippingVat, bool taxIncluded = true,
                             const std::string& fields = "[]") {
    const std::string book = taxIncluded ? "10.95" : "10.00";
    const std::string shipping = taxIncluded ? "4.88" : "4.00";
    const std::string bookGross = taxIncluded ? "10.95" : (bookVat == "0" ? "10.00" : "10.95");
    return mapText(
        R"({"id": "b1", "number": "779", "currency": "EUR", "createdDate": "2026-02-01T10:00:00.000Z",
        "updatedDate": "2026-02-01T10:00:00.000Z", "taxIncludedInPrices": )" +
        std::string(taxIncluded ? "true" : "false") + R"(, "customFields": )" + fields + R"(,
        "billingInfo": {"address": {"country": ")" +
        country + R"("}},
        "lineItems": [{"id": "l1", "productName": {"original": "Knjiga"}, "quantity": 1,
            "price": {"amount": ")" +
        book + R"("}, "totalPriceAfterTax": {"amount": ")" + bookGross + R"("},
            "taxDetails": {"totalTax": {"amount": ")" +
        bookVat + R"("}}}],
        "shippingInfo": {"title": "Pošta", "cost": {"price": {"amount": ")" +
        shipping + R"("}, "taxDetails": {"totalTax": {"amount": ")" + shippingVat + R"("}}}},
        "priceSummary": {"total": {"amount": "0"}, "tax": {"amount": "0"}}})");
}

TEST(OrderMapper, ShippingAtAnotherRateThanItsOnlyGoodsTakesTheirRate) {
    // 4.88 at 9.5 %: VAT 4.88 × 9.5/109.5 = 0.4234 → 0.42 instead of Wix's 0.88.
    const MappedOrder m = bookWithShipping("SI", "0.95", "0.88");
    ASSERT_TRUE(m.order) << m.error.message.en;
    ASSERT_EQ(m.order->lines.size(), 2u);
    EXPECT_EQ(m.order->lines[1].name, "Pošta");
    EXPECT_EQ(dec(m.order->lines[1].vatRate), d("9.5"));
    EXPECT_EQ(dec(m.order->lines[1].gross), d("4.88"));
    EXPECT_EQ(dec(m.order->lines[1].vat), d("0.42"));
    EXPECT_TRUE(flagged(m, review::kShippingVatSplit));
    // Shipping already at its goods' rate is left alone.
    const MappedOrder same = bookWithShipping("SI", "0.95", "0.42");
    ASSERT_TRUE(same.order);
    EXPECT_FALSE(flagged(same, review::kShippingVatSplit));
    EXPECT_EQ(dec(same.order->lines[1].vat), d("0.42"));
}

TEST(OrderMapper, TaxExclusiveShippingAtAnotherRateIsFlaggedNotChanged) {
    // The buyer paid 4.00 + Wix's 0.88: nothing can be re-rated without changing what was paid.
    const MappedOrder m = bookWithShipping("SI", "0.95", "0.88", false);
    ASSERT_TRUE(m.order) << m.error.message.en;
    ASSERT_EQ(m.order->lines.size(), 2u);
    EXPECT_EQ(dec(m.order->lines[1].vatRate), d("22"));
    EXPECT_EQ(dec(m.order->lines[1].vat), d("0.88"));
    EXPECT_TRUE(flagged(m, review::kShippingVatDiffers));
    EXPECT_FALSE(flagged(m, review::kShippingVatSplit));
}

TEST(OrderMapper, ZeroPercentOnADomesticConsumerSaleIsFlagged) {
    const MappedOrder home = bookWithShipping("SI", "0", "0");
    ASSERT_TRUE(home.order) << home.error.message.en;
    EXPECT_TRUE(flagged(home, review::kVatZeroDomestic));
    // A business in another member state with its VAT ID: an exempt intra-Community supply, no flag.
    const MappedOrder b2b =
        bookWithShipping("AT", "0", "0", true, R"([{"title": "UID", "value": "ATU12345678"}])");
    ASSERT_TRUE(b2b.order);
    EXPECT_TRUE(b2b.order->buyer.business);
    EXPECT_FALSE(flagged(b2b, review::kVatZeroDomestic));
    // An export: no flag either.
    const MappedOrder export_ = bookWithShipping("CH", "0", "0");
    ASSERT_TRUE(export_.order);
    EXPECT_FALSE(flagged(export_, review::kVatZeroDomestic));
}

// ---- Wix cases (issue 15) ----

/// A tax-inclusive domestic order of the given line items, shipping cost object (or none) and Wix totals.
MappedOrder domesticOrder(const std::string& lineItems, const std::string& shippingCost,
                          const std::string& total, const std::string& tax,
                          const std::string& discounts = "[]") {
    return mapText(
        R"({"id": "w1", "number": "780", "currency": "EUR", "createdDate": "2026-02-01T10:00:00.000Z",
        "updatedDate": "2026-02-01T10:00:00.000Z", "taxIncludedInPrices": true,
        "billingInfo": {"address": {"country": "SI"}}, "appliedDiscounts": )" +
        discounts + R"(, "lineItems": )" + lineItems +
        (shippingCost.empty() ? ""
                              : R"(, "shippingInfo": {"title": "Pošta", "cost": )" + shippingCost + "}") +
        R"(, "priceSummary": {"total": {"amount": ")" + total + R"("}, "tax": {"amount": ")" + tax +
        R"("}}})");
}

std::string item(const std::string& id, const std::string& gross, const std::string& vat) {
    return R"({"id": ")" + id + R"(", "productName": {"original": "Izdelek )" + id +
           R"("}, "quantity": 1, "price": {"amount": ")" + gross +
           R"("}, "totalPriceAfterTax": {"amount": ")" + gross +
           R"("}, "taxDetails": {"totalTax": {"amount": ")" + vat + R"("}}})";
}

TEST(OrderMapper, AFreeLineWithoutARateOnADomesticOrderIsNoZeroRateSale) {
    // A free sample (price 0, no tax details) beside a 22 % line: nothing to tax, nothing to flag.
    const std::string freeSample =
        R"({"id": "s", "productName": {"original": "Vzorec"}, "quantity": 1, "price": {"amount": "0"}})";
    const MappedOrder m =
        domesticOrder("[" + item("a", "12.20", "2.20") + ", " + freeSample + "]", "", "12.20", "2.20");
    ASSERT_TRUE(m.order) << m.error.message.en;
    ASSERT_EQ(m.order->lines.size(), 2u);
    EXPECT_TRUE(dec(m.order->lines[1].gross).isZero());
    EXPECT_TRUE(m.order->flags.empty()) << m.order->flags[0].code;
}

TEST(OrderMapper, AOneCentDifferenceBetweenLineVatAndWixsTaxIsFlaggedWithBothFigures) {
    // Two lines of 1.25 at 22 %: 1.25 × 22/122 = 0.2254 → 0.23 each, 0.46; Wix's tax on the total, 2.50 ×
    // 22/122 = 0.4508 → 0.45. The lines stay as Wix gave them; the order says why it is 0.46.
    const MappedOrder m = domesticOrder(
        "[" + item("a", "1.25", "0.23") + ", " + item("b", "1.25", "0.23") + "]", "", "2.50", "0.45");
    ASSERT_TRUE(m.order);
    EXPECT_EQ(dec(m.order->totalVat), d("0.46"));
    ASSERT_TRUE(flagged(m, review::kTotalMismatch));
    EXPECT_NE(m.order->flags[0].reason.en.find("VAT 0.46 instead of 0.45"), std::string::npos)
        << m.order->flags[0].reason.en;
}

TEST(OrderMapper, ADiscountLargerThanTheGoodsIsNotSpreadButFlagged) {
    // Goods 10.00 (22 %) and shipping 4.88 (22 %), Wix's total 2.00: a discount of 12.88 is more than the
    // goods are worth, so it cannot be a discount on them; the order is imported as the lines are, flagged.
    const MappedOrder m = domesticOrder(
        "[" + item("a", "10.00", "1.80") + "]",
        R"({"price": {"amount": "4.88"}, "taxDetails": {"totalTax": {"amount": "0.88"}}})", "2.00", "0.36");
    ASSERT_TRUE(m.order);
    ASSERT_TRUE(flagged(m, review::kTotalMismatch));
    EXPECT_NE(m.order->flags[0].reason.en.find("exceeds the products' value"), std::string::npos)
        << m.order->flags[0].reason.en;
    EXPECT_EQ(dec(m.order->totalGross), d("14.88"));
}

TEST(OrderMapper, AFreeShippingDiscountLeavesNoShippingToTax) {
    // A SHIPPING discount takes the whole 4.88 off: the shipping line's gross is 0, so there is nothing to
    // follow the goods' rate and no flag; the order adds up to Wix's 10.95.
    const MappedOrder m = domesticOrder(
        "[" + item("a", "10.95", "0.95") + "]",
        R"({"price": {"amount": "4.88"}, "discount": {"amount": "4.88"}, "totalPriceAfterTax": {"amount": "0"},
            "taxDetails": {"totalTax": {"amount": "0"}}})",
        "10.95", "0.95",
        R"([{"discountType": "SHIPPING", "coupon": {"code": "BREZPOSTNINE", "amount": {"amount": "4.88"}}}])");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_EQ(dec(m.order->totalGross), d("10.95"));
    EXPECT_EQ(dec(m.order->totalVat), d("0.95"));
    EXPECT_FALSE(flagged(m, review::kShippingVatSplit));
    EXPECT_FALSE(flagged(m, review::kTotalMismatch));
}

TEST(OrderMapper, ADiscountOnSpecificItemsStaysOnThoseItemsAndTheirRate) {
    // A SPECIFIC_ITEMS coupon of 5.00 on the 9.5 % book only: Wix puts it on the book's line (totalDiscount,
    // and a lower totalPriceAfterTax), so it stays there at 9.5 % and is never spread over the 22 % tea.
    //   Čaj    24.40 incl. 4.40 VAT (22 %)
    //   Knjiga 32.85 − 5.00 = 27.85; 27.85 × 9.5 / 109.5 = 2.416 → 2.42 VAT
    //   Total 52.25, VAT 6.82 (Wix's).
    const std::string book =
        R"({"id": "b", "productName": {"original": "Knjiga"}, "quantity": 1, "price": {"amount": "32.85"},
            "totalDiscount": {"amount": "5.00"}, "totalPriceAfterTax": {"amount": "27.85"},
            "taxDetails": {"totalTax": {"amount": "2.42"}}})";
    const MappedOrder m =
        domesticOrder("[" + item("t", "24.40", "4.40") + ", " + book + "]", "", "52.25", "6.82",
                      R"([{"discountType": "SPECIFIC_ITEMS", "lineItemIds": ["b"],
             "coupon": {"code": "KNJIGA5", "amount": {"amount": "5.00"}}}])");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_TRUE(m.order->flags.empty()) << m.order->flags.front().code;
    ASSERT_EQ(m.order->lines.size(), 2u) << "no discount line spread over the rates";
    EXPECT_EQ(dec(m.order->lines[1].discount), d("5.00"));
    EXPECT_EQ(dec(m.order->lines[1].gross), d("27.85"));
    EXPECT_EQ(dec(m.order->lines[1].vatRate), d("9.5"));
    EXPECT_EQ(dec(m.order->lines[0].gross), d("24.40"));
    ASSERT_EQ(m.order->vatBreakdown.size(), 2u);
    EXPECT_EQ(dec(m.order->totalGross), d("52.25"));
    EXPECT_EQ(dec(m.order->totalVat), d("6.82"));
}

TEST(OrderMapper, AnAdditionalFeeInATaxInclusiveShopIncludesItsVat) {
    // Gift wrapping 2.44 with 0.44 VAT in a shop whose prices include VAT: the fee is 2.44 gross, 2.00 net at
    // 22 % (not 2.44 + 0.44). Total 12.20 + 2.44 = 14.64, VAT 2.64.
    const MappedOrder m = mapText(R"({"id": "f1", "number": "782", "currency": "EUR",
        "createdDate": "2026-02-01T10:00:00.000Z", "updatedDate": "2026-02-01T10:00:00.000Z",
        "taxIncludedInPrices": true, "billingInfo": {"address": {"country": "SI"}},
        "lineItems": [)" + item("a", "12.20", "2.20") +
                                  R"(],
        "additionalFees": [{"id": "fee-wrap", "code": "wrap", "name": "Darilno pakiranje", "price": {"amount": "2.44"},
            "taxDetails": {"taxRate": "0.22", "totalTax": {"amount": "0.44"}}}],
        "priceSummary": {"total": {"amount": "14.64"}, "tax": {"amount": "2.64"}, "totalAdditionalFees": {"amount": "2.44"}}})");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_TRUE(m.order->flags.empty()) << m.order->flags.front().code;
    ASSERT_EQ(m.order->lines.size(), 2u);
    const auto& fee = m.order->lines[1];
    EXPECT_EQ(fee.kind, LineKind::Fee);
    EXPECT_EQ(fee.externalId, "fee-wrap");
    EXPECT_EQ(dec(fee.gross), d("2.44"));
    EXPECT_EQ(dec(fee.net), d("2.00"));
    EXPECT_EQ(dec(fee.vatRate), d("22"));
    EXPECT_EQ(dec(m.order->totalGross), d("14.64"));
}

//   Masaža hrbta 60 min 55.00 at 22 %: 55 × 22 / 122 = 9.918 → 9.92 VAT, 45.08 net
//   Napitnina 5.00, a fee Wix did not tax: 0 % (Wix's own rate, stated on the fee)
//   Totals 50.08 net + 9.92 VAT = 60.00, Wix's total. Wix Tips named the fee's code as its tip
//   (si_09_tip.tip.json), so the order waits for a person: whether the tip is subject to VAT depends on
//   whom it belongs to, and the 0 % on a domestic sale is the tip's, not wrong tax settings.
TEST(OrderMapper, ATipIsHeldForAPersonBecauseItsVatDependsOnWhomItBelongsTo) {
    const SalesOrder o = mapFixture("si_09_tip");
    ASSERT_EQ(o.flags.size(), 1u) << o.flags.front().code;
    EXPECT_EQ(o.flags[0].code, review::kTipIncluded);
    EXPECT_NE(o.flags[0].reason.sl.find("»Napitnina«, 5,00 EUR"), std::string::npos) << o.flags[0].reason.sl;
    EXPECT_NE(o.flags[0].reason.en.find("C-16/93 Tolsma"), std::string::npos) << o.flags[0].reason.en;
    ASSERT_EQ(o.lines.size(), 2u);
    expectAmounts(o.lines[0], "22", "55.00", "9.92");
    EXPECT_EQ(o.lines[1].kind, LineKind::Fee);
    expectAmounts(o.lines[1], "0", "5.00", "0");
    EXPECT_EQ(dec(o.totalNet), d("50.08"));
    EXPECT_EQ(dec(o.totalVat), d("9.92"));
    EXPECT_EQ(dec(o.totalGross), d("60.00"));

    // Had Wix Tips said there is no tip, the fee would be an ordinary one at 0 % on a domestic sale.
    const MappedOrder untipped = mapText(readFile(kOrders + "si_09_tip.json"));
    ASSERT_TRUE(untipped.order);
    EXPECT_FALSE(flagged(untipped, review::kTipIncluded));
    EXPECT_TRUE(flagged(untipped, review::kVatZeroDomestic));
}

TEST(OrderMapper, AFeeWixTipsProvidedIsATipWithoutAskingAndAnotherAppsFeeIsNot) {
    const std::string order = readFile(kOrders + "si_09_tip.json");
    const auto withApp = [&](const std::string& app) {
        std::string text = order;
        const std::string code = R"("code": "0b7c3e52-61d4-4f0e-9a8d-2c5e7f1a9b09",)";
        text.replace(text.find(code), code.size(), code + R"( "providerAppId": ")" + app + R"(",)");
        return mapText(text);
    };
    EXPECT_TRUE(flagged(withApp(estore::wix::kWixTipsAppId), review::kTipIncluded));
    const MappedOrder other = withApp("4b1e6f52-0e3c-4c3d-9a57-5d7f0c1a2b3e");
    EXPECT_FALSE(flagged(other, review::kTipIncluded));
    EXPECT_FALSE(flagged(other, review::kTipUnchecked));
}

TEST(OrderMapper, AFeeThatMayBeATipWixTipsWouldNotTellAboutIsFlaggedNotGuessed) {
    estore::wix::TipCheck refused;
    refused.unchecked = true;
    refused.why = {"API ključ nima dovoljenja za Wix Tips (403).",
                   "The API key may not read Wix Tips (403)."};
    const MappedOrder m = mapText(readFile(kOrders + "si_09_tip.json"), "", refused);
    ASSERT_TRUE(m.order);
    EXPECT_FALSE(flagged(m, review::kTipIncluded));
    const auto reason = reasonOf(m, review::kTipUnchecked);
    EXPECT_NE(reason.sl.find("»Napitnina«, 5,00 EUR"), std::string::npos) << reason.sl;
    EXPECT_NE(reason.en.find("\"Napitnina\", 5.00 EUR"), std::string::npos) << reason.en;
    EXPECT_NE(reason.en.find("may not read Wix Tips (403)"), std::string::npos) << reason.en;
}

TEST(OrderMapper, SellingAGiftCardIsHeldBecauseItIsNotSubjectToVatNotZeroRated) {
    // A 50.00 gift card (itemType GIFT_CARD) untaxed by Wix, at home: not "0 % at home" (vat_zero_domestic)
    // but a multi-purpose voucher, outside VAT, which a person records (gift_card_sold).
    const std::string card =
        R"({"id": "g", "productName": {"original": "Darilni bon 50 €"}, "quantity": 1, "itemType": {"preset": "GIFT_CARD"},
            "price": {"amount": "50.00"}, "totalPriceAfterTax": {"amount": "50.00"}, "taxDetails": {"totalTax": {"amount": "0"}}})";
    const MappedOrder m =
        domesticOrder("[" + item("a", "12.20", "2.20") + ", " + card + "]", "", "62.20", "2.20");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_FALSE(flagged(m, review::kVatZeroDomestic));
    const auto reason = reasonOf(m, review::kGiftCardSold);
    EXPECT_NE(reason.sl.find("»Darilni bon 50 €«"), std::string::npos) << reason.sl;
    EXPECT_NE(reason.en.find("not subject to VAT"), std::string::npos) << reason.en;
    EXPECT_EQ(dec(m.order->totalGross), d("62.20")) << "the amounts stay Wix's";
}

TEST(OrderMapper, AnOrderPaidByADepositFirstIsHeldForAnAdvanceInvoice) {
    // Wix's DEPOSIT_ONLINE payment option: the buyer pays a deposit now and the rest later. A deposit is an
    // advance payment: its own invoice first, deducted by the final one (ZDDV-1 Art. 81).
    const std::string deposit =
        R"({"id": "k", "productName": {"original": "Kavč"}, "quantity": 1, "paymentOption": "DEPOSIT_ONLINE",
            "depositAmount": {"amount": "100.00"}, "price": {"amount": "610.00"},
            "totalPriceAfterTax": {"amount": "610.00"}, "taxDetails": {"totalTax": {"amount": "110.00"}}})";
    MappedOrder m = domesticOrder("[" + deposit + "]", "", "610.00", "110.00");
    ASSERT_TRUE(m.order) << m.error.message.en;
    ASSERT_TRUE(flagged(m, review::kAdvancePayment));
    // PARTIALLY_PAID on its own says the same.
    m = mapText(R"({"id": "p1", "number": "783", "currency": "EUR", "paymentStatus": "PARTIALLY_PAID",
        "updatedDate": "2026-02-01T10:00:00.000Z", "taxIncludedInPrices": true,
        "billingInfo": {"address": {"country": "SI"}}, "lineItems": [)" +
                item("a", "12.20", "2.20") + R"(],
        "priceSummary": {"total": {"amount": "12.20"}, "tax": {"amount": "2.20"}}})");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_TRUE(flagged(m, review::kAdvancePayment));
    // A cancelled one is never invoiced, so it is not flagged.
    const SalesOrder cancelled = mapFixture("wix_doc_10012_cancel_order");
    EXPECT_EQ(cancelled.paymentStatus, "PARTIALLY_PAID");
    EXPECT_TRUE(std::none_of(cancelled.flags.begin(), cancelled.flags.end(),
                             [](const auto& f) { return f.code == review::kAdvancePayment; }));
}

TEST(OrderMapper, DigitalGoodsToAnEuConsumerCarryTheBuyersRate) {
    // An e-book to a consumer in Austria: nothing is shipped, so the place of supply is where the buyer is
    // (the billing address) and Austria's 20 % is plausible (OSS): 12.00 × 20/120 = 2.00.
    const MappedOrder m = mapText(R"({"id": "d1", "number": "781", "currency": "EUR",
        "createdDate": "2026-02-01T10:00:00.000Z", "updatedDate": "2026-02-01T10:00:00.000Z",
        "taxIncludedInPrices": true, "billingInfo": {"address": {"country": "AT"}},
        "lineItems": [{"id": "e", "productName": {"original": "E-knjiga"}, "quantity": 1, "itemType": {"preset": "DIGITAL"},
            "price": {"amount": "12.00"}, "totalPriceAfterTax": {"amount": "12.00"},
            "taxDetails": {"totalTax": {"amount": "2.00"}}}],
        "priceSummary": {"total": {"amount": "12.00"}, "tax": {"amount": "2.00"}}})");
    ASSERT_TRUE(m.order) << m.error.message.en;
    EXPECT_EQ(dec(m.order->lines[0].vatRate), d("20"));
    EXPECT_TRUE(m.order->flags.empty());
}
