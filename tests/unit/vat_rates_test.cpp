#include <gtest/gtest.h>

#include "estore/sdk/eu_vat_area.h"
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

/// The rates in force on one day.
std::vector<Decimal> on(const char* country, int day) {
    return plausibleVatRates(country, {day});
}

TEST(VatRates, SloveniaAndZeroAlwaysTheDestinationsForOss) {
    constexpr int kDay = 20260315;
    EXPECT_EQ(joined(on("SI", kDay)), "22 9.5 5 0");
    EXPECT_EQ(joined(on("US", kDay)), "22 9.5 5 0");
    EXPECT_EQ(joined(on("", kDay)), "22 9.5 5 0");
    EXPECT_EQ(joined(on("DE", kDay)), "22 19 9.5 7 5 0");
    EXPECT_EQ(joined(on("HR", kDay)), "25 22 13 9.5 5 0");
    EXPECT_EQ(joined(on("EL", kDay)), joined(on("GR", kDay)));
    EXPECT_EQ(joined(on("XI", kDay)), "22 20 9.5 5 0");
    EXPECT_TRUE(estore::sdk::isEuVatArea("FR"));
    EXPECT_FALSE(estore::sdk::isEuVatArea("CH"));
    EXPECT_FALSE(estore::sdk::isEuVatArea("GB"));
    EXPECT_TRUE(estore::sdk::isEuVatArea("XI"));
    EXPECT_TRUE(estore::sdk::isEuVatArea("EL"));
    EXPECT_FALSE(estore::sdk::isEuVatArea("MC")) << "Monaco counts as France only once mapped (vatCountryOf)";
}

TEST(VatRates, ConfirmsARateTaxInclusiveOrExclusive) {
    const auto si = plausibleVatRates("SI", {20260315});
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
    const auto si = plausibleVatRates("SI", {20260315});
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
    const auto si = plausibleVatRates("SI", {20260315});
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

TEST(VatRates, AnOrderUsesTheRatesInForceOnItsDates) {
    // Lithuania: 9 % until 31 December 2025, 12 % from 1 January 2026 (Law XV-287).
    EXPECT_EQ(joined(on("LT", 20251231)), "22 21 9.5 9 5 0");
    EXPECT_EQ(joined(on("LT", 20260101)), "22 21 12 9.5 5 0");
    // Austria: 4.9 % on basic foods from 1 July 2026 only.
    EXPECT_EQ(joined(on("AT", 20260630)), "22 20 13 10 9.5 5 0");
    EXPECT_EQ(joined(on("AT", 20260701)), "22 20 13 10 9.5 5 4.9 0");
    // Cyprus 3 % from 23 July 2023, Malta 12 % from 1 January 2024.
    EXPECT_EQ(joined(on("CY", 20230722)), "22 19 9.5 9 5 0");
    EXPECT_EQ(joined(on("CY", 20230723)), "22 19 9.5 9 5 3 0");
    EXPECT_EQ(joined(on("MT", 20231231)), "22 18 9.5 7 5 0");
    EXPECT_EQ(joined(on("MT", 20240101)), "22 18 12 9.5 7 5 0");
    // Estonia's standard rate: 20, then 22 (2024), then 24 (from 1 July 2025).
    EXPECT_EQ(on("EE", 20231231)[0], d("22"));  // Slovenia's 22 leads, Estonia's is 20
    EXPECT_NE(joined(on("EE", 20231231)).find(" 20 "), std::string::npos);
    EXPECT_EQ(joined(on("EE", 20250701)).find(" 20 "), std::string::npos);
    EXPECT_EQ(on("EE", 20250701)[0], d("24"));
    // An order placed before a change and paid after it may carry either rate.
    EXPECT_EQ(joined(plausibleVatRates("LT", {20251230, 20260102})), "22 21 12 9.5 9 5 0");
}

TEST(VatRates, NorthernIrelandAndMonacoAreTaxedAsXiAndFrance) {
    EXPECT_EQ(estore::sdk::vatCountryOf("GB", "GB-NIR"), "XI");
    EXPECT_EQ(estore::sdk::vatCountryOf("GB", "GB-ENG"), "GB");
    EXPECT_EQ(estore::sdk::vatCountryOf("GB", ""), "GB");
    EXPECT_EQ(estore::sdk::vatCountryOf("MC", ""), "FR");
    EXPECT_EQ(estore::sdk::vatCountryOf("EL", ""), "GR");
    EXPECT_EQ(estore::sdk::vatCountryOf("SI", "SI-061"), "SI");
}

TEST(VatRates, EveryRateInForceNamesItsSource) {
    for (const char* country :
         {"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU",
          "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI"})
        for (int day : {20210701, 20230615, 20250101, 20260101, 20260701}) {
            const auto rates = on(country, day);
            for (const auto& rate : rates) {
                if (rate.isZero()) continue;
                const bool home = estore::wix::vatRateSource("SI", rate, day) != nullptr;
                EXPECT_TRUE(home || estore::wix::vatRateSource(country, rate, day) != nullptr)
                    << country << " " << rate.toString() << " on " << day;
            }
        }
    EXPECT_EQ(estore::wix::vatRateSource("LT", d("9"), 20260101), nullptr) << "no longer in force";
    EXPECT_NE(std::string(estore::wix::vatRateSource("LT", d("12"), 20260101)).find("XV-287"),
              std::string::npos);
}

TEST(VatRates, DaysAreReadFromIsoDates) {
    EXPECT_EQ(estore::wix::dayOf("2026-07-01T00:15:00.000Z"), 20260701);
    EXPECT_EQ(estore::wix::dayOf("2026-07-01"), 20260701);
    EXPECT_FALSE(estore::wix::dayOf(""));
    EXPECT_FALSE(estore::wix::dayOf("2026/07/01"));
}
