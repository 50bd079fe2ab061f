#include <gtest/gtest.h>

#include "orders/vat_rates.h"

using estore::sdk::Decimal;
using estore::wix::LineTax;
using estore::wix::matchVatRate;
using estore::wix::plausibleVatRates;

namespace {

Decimal d(const char* s) {
    return Decimal::parse(s).value();
}

std::string joined(const std::vector<Decimal>& rates) {
    std::string out;
    for (const auto& r : rates) out += (out.empty() ? "" : " ") + r.toString();
    return out;
}

LineTax line(const char* net, const char* vat, const char* gross) {
    return {d(net), d(vat), d(gross), std::nullopt};
}

TEST(VatRates, SloveniaAndZeroAlwaysTheDestinationsForOss) {
    EXPECT_EQ(joined(plausibleVatRates("SI")), "22 9.5 5 0");
    EXPECT_EQ(joined(plausibleVatRates("US")), "22 9.5 5 0");
    EXPECT_EQ(joined(plausibleVatRates("")), "22 9.5 5 0");
    EXPECT_EQ(joined(plausibleVatRates("DE")), "22 19 9.5 7 5 0");
    EXPECT_EQ(joined(plausibleVatRates("HR")), "25 22 13 9.5 5 0");
    EXPECT_EQ(joined(plausibleVatRates("EL")), joined(plausibleVatRates("GR")));
    EXPECT_EQ(joined(plausibleVatRates("XI")), "22 20 9.5 5 0");
    EXPECT_TRUE(estore::wix::isEuVatArea("FR"));
    EXPECT_FALSE(estore::wix::isEuVatArea("CH"));
    EXPECT_FALSE(estore::wix::isEuVatArea("GB"));
}

TEST(VatRates, ConfirmsARateTaxInclusiveOrExclusive) {
    const auto si = plausibleVatRates("SI");
    // inclusive: 43.92 × 22/122 = 7.92
    auto m = matchVatRate(line("36.00", "7.92", "43.92"), si);
    EXPECT_TRUE(m.verified);
    EXPECT_EQ(m.rate, d("22"));
    // exclusive: 138.94 × 9.5 % = 13.1993 → 13.20
    m = matchVatRate(line("138.94", "13.20", "152.14"), si);
    EXPECT_TRUE(m.verified);
    EXPECT_EQ(m.rate, d("9.5"));
    // tiny amounts: 0.08 × 22 % = 0.0176 → 0.02, although 0.02 / 0.08 is 25 %
    m = matchVatRate(line("0.08", "0.02", "0.10"), si);
    EXPECT_TRUE(m.verified);
    EXPECT_EQ(m.rate, d("22"));
    // Wix's taxableAmount counts too
    m = matchVatRate({d("20.00"), d("1.00"), d("21.00"), d("20.00")}, si);
    EXPECT_EQ(m.rate, d("5"));
}

TEST(VatRates, KeepsTheNearestPlausibleOrTheRawRateWhenNothingFits) {
    const auto si = plausibleVatRates("SI");
    auto m = matchVatRate(line("8.19", "1.81", "10.00"), si);  // 22.10 %: off by a cent
    EXPECT_FALSE(m.verified);
    EXPECT_EQ(m.rate, d("22"));
    m = matchVatRate(line("66.50", "2.66", "69.16"), si);  // 4 %: no known rate near
    EXPECT_FALSE(m.verified);
    EXPECT_EQ(m.rate, d("4"));
    m = matchVatRate(line("30.00", "3.51", "33.51"), si);  // 11.70 %
    EXPECT_FALSE(m.verified);
    EXPECT_EQ(m.rate, d("11.7"));
    EXPECT_EQ(*m.raw, d("11.7"));
}

TEST(VatRates, AZeroLineTakesTheStatedRateIfItIsKnown) {
    const auto si = plausibleVatRates("SI");
    EXPECT_EQ(matchVatRate(line("0", "0", "0"), si, d("22")).rate, d("22"));
    EXPECT_EQ(matchVatRate(line("0", "0", "0"), si, d("4")).rate, d("0"));
    EXPECT_EQ(matchVatRate(line("0", "0", "0"), si).rate, d("0"));
    EXPECT_TRUE(matchVatRate(line("0", "0", "0"), si).verified);
}

TEST(VatRates, VatContainedInAGrossAmount) {
    EXPECT_EQ(estore::wix::vatInGross(d("3.68"), d("22")), d("0.66"));
    EXPECT_EQ(estore::wix::vatInGross(d("35.0"), d("22")), d("6.31"));
    EXPECT_EQ(estore::wix::vatInGross(d("10"), d("0")), d("0"));
}

}  // namespace
