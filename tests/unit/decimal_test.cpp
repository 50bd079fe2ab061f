#include <gtest/gtest.h>

#include "estore/sdk/currency.h"
#include "estore/sdk/decimal.h"

using estore::sdk::Decimal;

namespace {
Decimal d(const char* s) {
    return Decimal::parse(s).value();
}
}  // namespace

TEST(Decimal, ParsesMoneyAsWixWritesIt) {
    EXPECT_EQ(d("35.0"), Decimal(35, 0));
    EXPECT_EQ(d("2.0").toString(2), "2.00");
    EXPECT_EQ(d("0"), Decimal());
    EXPECT_EQ(d("69.16").toUnits(2), 6916);
    EXPECT_EQ(d("-4.50").toUnits(2), -450);
    EXPECT_EQ(d("+.5").toString(), "0.5");
    EXPECT_EQ(d("0.095").scale(), 3);
    EXPECT_EQ(d("1.1000000000000"), d("1.1"));  // trailing zeros beyond the kept scale are exact
}

TEST(Decimal, RefusesWhatIsNotAPlainDecimal) {
    for (const char* bad : {"", "-", ".", "1.2.3", "1e5", "1,5", " 1", "1 ", "abc", "0x10", "NaN", "inf",
                            "99999999999999999999", "0.0000000001"})
        EXPECT_FALSE(Decimal::parse(bad).has_value()) << bad;
}

TEST(Decimal, ArithmeticIsExact) {
    EXPECT_EQ((d("0.1") + d("0.2")).toString(), "0.3");
    EXPECT_EQ((d("216.25") - d("10.81") + d("2.0") + d("8.22")).toString(2), "215.66");
    EXPECT_EQ((d("35.0") * Decimal::fromInt(2)).toString(), "70");
    EXPECT_EQ((d("66.5") * d("0.04")).toString(), "2.66");
    EXPECT_EQ(d("2.66").dividedBy(d("66.5"), 4)->toString(), "0.04");
    EXPECT_FALSE(d("1").dividedBy(Decimal(), 2).has_value());
}

TEST(Decimal, RoundsHalfAwayFromZero) {
    EXPECT_EQ(d("0.125").toUnits(2), 13);
    EXPECT_EQ(d("-0.125").toUnits(2), -13);
    EXPECT_EQ(d("0.124").toUnits(2), 12);
    EXPECT_EQ(d("10").dividedBy(d("3"), 2)->toString(), "3.33");
    EXPECT_EQ(d("20").dividedBy(d("3"), 2)->toString(), "6.67");
}

TEST(Decimal, ComparesAcrossScales) {
    EXPECT_LT(d("1.09"), d("1.1"));
    EXPECT_GT(d("-1"), d("-1.5"));
    EXPECT_EQ(d("22.0"), d("22"));
}

TEST(Decimal, EdgesThatWouldBeUndefinedBehaviourThrowInstead) {
    const Decimal lowest(INT64_MIN, 0);
    EXPECT_THROW(-lowest, std::overflow_error);  // -INT64_MIN does not fit
    EXPECT_THROW(Decimal(5, 0) - lowest, std::overflow_error);
    EXPECT_EQ(lowest.toString(), "-9223372036854775808");
    // Scales more than 18 apart cannot be brought together in an int64: refused, never a read past the
    // powers of ten.
    EXPECT_THROW(Decimal(1, 0).rescaled(19), std::overflow_error);
    EXPECT_THROW(Decimal(1, 0).rescaled(-19), std::overflow_error);
    EXPECT_THROW((void)(Decimal(1, 25) < Decimal(1, 0)), std::overflow_error);
    EXPECT_EQ(Decimal(1, 0).rescaled(18).units(), 1000000000000000000);
    EXPECT_EQ(Decimal(12, 1).toString(2), "1.20");
}

// ISO 4217 minor units (issue 15): amounts are printed to their currency's unit, not to an assumed cent.
TEST(CurrencyAmount, PrintedToTheCurrencysMinorUnit) {
    using estore::sdk::currencyAmountText;
    using estore::sdk::currencyMinorUnits;
    EXPECT_EQ(currencyMinorUnits("JPY"), 0);
    EXPECT_EQ(currencyMinorUnits("KWD"), 3);
    EXPECT_EQ(currencyMinorUnits("EUR"), 2);
    EXPECT_EQ(currencyMinorUnits("XYZ"), 2) << "an unknown code gets the common 2";
    EXPECT_EQ(currencyAmountText(Decimal(6161, 0), "JPY"), "6161");
    EXPECT_EQ(currencyAmountText(Decimal(1250, 2), "EUR"), "12.50");
    EXPECT_EQ(currencyAmountText(Decimal(125, 1), "EUR"), "12.50");
    EXPECT_EQ(currencyAmountText(Decimal(125, 2), "KWD"), "1.250");
    EXPECT_EQ(currencyAmountText(Decimal(125, 3), "EUR"), "0.125") << "more decimals where the amount has them";
    EXPECT_EQ(currencyAmountText(Decimal(-467, 0), "JPY"), "-467");
}
