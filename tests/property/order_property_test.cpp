// Property: every order the sandbox's generator makes — the shapes a real Slovenian Wix shop produces —
// maps to a document whose lines add up to its totals, whose VAT breakdown adds up to Wix's tax and whose
// total is Wix's total, to the cent.
#include <gtest/gtest.h>
#include <sstream>

#include "estore/sdk/amount.h"
#include "estore/sdk/decimal.h"
#include "estore/sdk/json_access.h"
#include "orders/order_mapper.h"
#include "orders/vat_rates.h"
#include "wix_sandbox/orders/shop_generator.h"

using estore::sdk::Decimal;
using estore::sdk::toDecimal;

namespace {

constexpr int kOrders = 10000;

Decimal wixAmount(const Poco::JSON::Object::Ptr& order, const char* path) {
    auto text = estore::sdk::stringAt(order, path);
    return text ? Decimal::parse(*text).value_or(Decimal()) : Decimal();
}

bool flagged(const estore::host_api::SalesOrder& doc, const char* code) {
    for (const auto& flag : doc.flags)
        if (flag.code == code) return true;
    return false;
}

/// Checks one document; returns a description of the first broken invariant, or empty.
std::string brokenInvariant(const estore::host_api::SalesOrder& doc, const Poco::JSON::Object::Ptr& wix) {
    Decimal net, vat, gross;
    for (const auto& line : doc.lines) {
        if (toDecimal(line.net) + toDecimal(line.vat) != toDecimal(line.gross))
            return "line net + vat != gross";
        net += toDecimal(line.net);
        vat += toDecimal(line.vat);
        gross += toDecimal(line.gross);
    }
    if (net != toDecimal(doc.totalNet) || vat != toDecimal(doc.totalVat) ||
        gross != toDecimal(doc.totalGross))
        return "lines do not add up to the totals";
    Decimal breakdownVat, breakdownGross;
    for (const auto& rate : doc.vatBreakdown) {
        breakdownVat += toDecimal(rate.vat);
        breakdownGross += toDecimal(rate.gross);
    }
    if (breakdownVat != vat || breakdownGross != gross) return "the VAT breakdown does not add up";
    if (gross != wixAmount(wix, "priceSummary.total.amount"))
        return "total " + gross.toString(2) + " != Wix's " +
               wixAmount(wix, "priceSummary.total.amount").toString(2);
    // Wix taxes shipping at the destination's standard rate; when that is not its goods' rate the document
    // taxes it at the goods' rates instead (ZDDV-1 Art. 36) and says so: the VAT then differs from Wix's by
    // exactly the shipping's, and each shipping part holds the VAT its rate contains.
    Decimal expectedVat = wixAmount(wix, "priceSummary.tax.amount");
    if (flagged(doc, estore::wix::review::kShippingVatSplit)) {
        expectedVat -= wixAmount(wix, "shippingInfo.cost.taxDetails.totalTax.amount");
        for (const auto& line : doc.lines) {
            if (line.kind != estore::host_api::LineKind::Shipping) continue;
            if (toDecimal(line.vat) !=
                estore::wix::vatInGross(toDecimal(line.gross), toDecimal(line.vatRate)))
                return "a shipping part's VAT is not what its rate contains";
            expectedVat += toDecimal(line.vat);
        }
    }
    if (vat != expectedVat)
        return "VAT " + vat.toString(2) + " != " + expectedVat.toString(2) + " (Wix's " +
               wixAmount(wix, "priceSummary.tax.amount").toString(2) + ")";
    for (const auto& flag : doc.flags)
        if (flag.code == estore::wix::review::kTotalMismatch)
            return "flagged total_mismatch: " + flag.reason.en;
    return {};
}

void checkSite(wix_sandbox::ShopGenerator& generator, wix_sandbox::SiteInfo site, int orders) {
    estore::wix::OrderMapper mapper;
    int failures = 0;
    for (int i = 0; i < orders; ++i) {
        const std::string number = std::to_string(10001 + i);
        const char* status = i % 17 == 0 ? "CANCELED" : "APPROVED";
        Poco::JSON::Object::Ptr order =
            generator.makeOrder(site, number, static_cast<std::size_t>(i), status);
        std::ostringstream text;
        order->stringify(text);
        auto mapped = mapper.map(std::string_view(text.str()), "CreditCard");
        ASSERT_TRUE(mapped.order.has_value()) << number << ": " << mapped.error.detail;
        const std::string broken = brokenInvariant(*mapped.order, order);
        if (!broken.empty() && ++failures <= 5) {
            std::ostringstream json;
            order->stringify(json);
            ADD_FAILURE() << "order " << number << ": " << broken << "\n" << json.str();
        }
    }
    EXPECT_EQ(failures, 0) << "of " << orders << " orders";
}

}  // namespace

TEST(OrderProperty, TenThousandGeneratedOrdersAddUpToTheCentOnATaxInclusiveSite) {
    wix_sandbox::ShopGenerator generator(20261129);
    auto site = generator.makeSite();
    site.taxIncludedInPrices = true;
    checkSite(generator, site, kOrders);
}

TEST(OrderProperty, TenThousandGeneratedOrdersAddUpToTheCentOnATaxExclusiveSite) {
    wix_sandbox::ShopGenerator generator(7);
    auto site = generator.makeSite();
    site.taxIncludedInPrices = false;
    checkSite(generator, site, kOrders);
}
