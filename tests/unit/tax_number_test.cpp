// Slovenian tax numbers and VAT IDs: the mod-11 check digit wherever a tax number is entered.
#include <gtest/gtest.h>

#include "estore/sdk/tax_number.h"

using estore::sdk::isValidSlovenianTaxNumber;
using estore::sdk::slovenianTaxNumber;

TEST(TaxNumber, TheCheckDigitIsModuloElevenOverTheFirstSeven) {
    // 1·8 + 0·7 + 0·6 + 3·5 + 9·4 + 8·3 + 5·2 = 93; 93 mod 11 = 5; 11 − 5 = 6.
    EXPECT_TRUE(isValidSlovenianTaxNumber("10039856"));
    EXPECT_FALSE(isValidSlovenianTaxNumber("10039857"));
    // 112 mod 11 = 2, so 12345678 would need a 9.
    EXPECT_FALSE(isValidSlovenianTaxNumber("12345678"));
    EXPECT_TRUE(isValidSlovenianTaxNumber("12345679"));
    // 99999862: 9·(8+7+6+5+4) + 8·3 + 6·2 = 306, 306 mod 11 = 9, 11 − 9 = 2.
    EXPECT_TRUE(isValidSlovenianTaxNumber("99999862"));
    // A remainder of 1 gives 10, written as 0: 1000002x has 1·8 + 2·2 = 12, 12 mod 11 = 1.
    EXPECT_TRUE(isValidSlovenianTaxNumber("10000020"));
    EXPECT_FALSE(isValidSlovenianTaxNumber("10000021"));
    // 45678901: 4·8+5·7+6·6+7·5+8·4+9·3+0·2 = 197, 197 mod 11 = 10 → 1.
    EXPECT_TRUE(isValidSlovenianTaxNumber("45678901"));
}

TEST(TaxNumber, ARemainderOfZeroIsNeverIssued) {
    // 2000003x: 2·8 + 3·2 = 22, 22 mod 11 = 0, 11 − 0 = 11: no digit fits.
    for (char last = '0'; last <= '9'; ++last)
        EXPECT_FALSE(isValidSlovenianTaxNumber(std::string("2000003") + last));
}

TEST(TaxNumber, ShapeIsEightDigitsNotStartingWithZero) {
    EXPECT_FALSE(isValidSlovenianTaxNumber(""));
    EXPECT_FALSE(isValidSlovenianTaxNumber("1003985"));
    EXPECT_FALSE(isValidSlovenianTaxNumber("100398566"));
    EXPECT_FALSE(isValidSlovenianTaxNumber("0003985x"));
    EXPECT_FALSE(isValidSlovenianTaxNumber("01234567"));
}

TEST(TaxNumber, AVatIdIsReadWithOrWithoutItsPrefixAndSpaces) {
    EXPECT_EQ(slovenianTaxNumber("SI 1003 9856"), "10039856");
    EXPECT_EQ(slovenianTaxNumber("si10039856"), "10039856");
    EXPECT_EQ(slovenianTaxNumber("10.03-98.56"), "10039856");
    EXPECT_FALSE(slovenianTaxNumber("SI 1234 5678"));
    EXPECT_FALSE(slovenianTaxNumber("DE10039856"));
    EXPECT_EQ(estore::sdk::slovenianVatId("10039856"), "SI10039856");
}
