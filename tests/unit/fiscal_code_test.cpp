// FURS fiscal verification formats (ZOI input, QR data with its check digit, local time) and the
// contents of invoices and credit notes, as pure functions. Expected values are worked out independently:
// the FURS example string by hand, the QR data with Python's arbitrary-precision integers, and the ZOI
// with the OpenSSL command line over the fixed test key in tests/data/fiscal.
#include <gtest/gtest.h>

#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/invoicing/invoice_builder.h"
#include "estore/sdk/amount.h"

using estore::host::FiscalCode;
using estore::host::FiscalSigner;
using estore::host::Invoice;
using estore::host::InvoiceBuilder;
using estore::host::LocalDateTime;
using estore::sdk::Decimal;

namespace {

const std::string kFiscalData = std::string(ESTORE_TEST_DATA) + "/fiscal/";
const LocalDateTime kIssued{2015, 8, 15, 10, 13, 32};

}  // namespace

TEST(FiscalCode, ZoiInputIsTheFursConcatenation) {
    // The FURS technical documentation's example: tax number, "dd.MM.yyyy HH:mm:ss", number, premise,
    // device, amount with two decimals, nothing between them.
    EXPECT_EQ(FiscalCode::zoiInput("12345678", kIssued, "12345", "blag001", "11245", Decimal(124556, 2)),
              "1234567815.08.2015 10:13:3212345blag001112451245.56");
    EXPECT_EQ(FiscalCode::zoiInput("12345678", kIssued, "1", "P", "1", Decimal(5, 0)),
              "1234567815.08.2015 10:13:321P15.00");
}

TEST(FiscalCode, ZoiIsMd5OfTheRsaSha256SignatureWithTheTestKey) {
    const auto signer = FiscalSigner::load(kFiscalData + "test_cert.pem", kFiscalData + "test_key.pem", "");
    // printf '%s' '1234567815.08.2015 10:13:3212345blag001112451245.56' |
    //   openssl dgst -sha256 -sign tests/data/fiscal/test_key.pem -binary | openssl dgst -md5
    EXPECT_EQ(signer->zoi("1234567815.08.2015 10:13:3212345blag001112451245.56"),
              "66297af3db0879982b4440a37acf1db7");
    EXPECT_EQ(FiscalSigner::md5Hex("test"), "098f6bcd4621d373cade4e832627b4f6");
}

TEST(FiscalCode, QrDataIsSixtyDigitsWithTheDigitSumCheck) {
    // Python: s = str(int(zoi, 16)).zfill(39) + "12345678" + "150815101332"; s + str(sum(map(int, s)) % 10)
    EXPECT_EQ(FiscalCode::qrData("a7e5f55e1dbb48b799268e1a6d8618a3", "12345678", kIssued),
              "223175087923687075112234402528973166755123456781508151013321");
    EXPECT_EQ(FiscalCode::qrData("66297af3db0879982b4440a37acf1db7", "12345678", kIssued),
              "135796633515463946209782528721908866487123456781508151013321");
    // A small ZOI is zero-padded to 39 digits.
    const std::string padded = FiscalCode::qrData("0000000000000000000000000000000f", "12345678", kIssued);
    ASSERT_EQ(padded.size(), 60u);
    EXPECT_EQ(padded.substr(0, 39), std::string(37, '0') + "15");
    EXPECT_TRUE(FiscalCode::qrData("xyz", "12345678", kIssued).empty());
    EXPECT_TRUE(FiscalCode::qrData("a7e5f55e1dbb48b799268e1a6d8618a3", "1234567", kIssued).empty());
}

TEST(FiscalCode, HexToDecimalAndCheckDigit) {
    EXPECT_EQ(FiscalCode::hexToDecimal("ff"), "255");
    EXPECT_EQ(FiscalCode::hexToDecimal("0"), "0");
    EXPECT_EQ(FiscalCode::hexToDecimal("ffffffffffffffffffffffffffffffff"),
              "340282366920938463463374607431768211455");
    EXPECT_EQ(FiscalCode::checkDigit("19"), '0');
    EXPECT_EQ(FiscalCode::checkDigit("1234"), '0');
    EXPECT_EQ(FiscalCode::checkDigit("99"), '8');
}

TEST(FiscalCode, LjubljanaTimeFollowsTheEuSummerTimeRule) {
    // 2025: CEST from 30 March 01:00 UTC to 26 October 01:00 UTC.
    EXPECT_EQ(FiscalCode::ljubljanaTime(1743296399000).isoForm(), "2025-03-30T01:59:59");  // 00:59:59Z
    EXPECT_EQ(FiscalCode::ljubljanaTime(1743296400000).isoForm(), "2025-03-30T03:00:00");  // 01:00:00Z
    EXPECT_EQ(FiscalCode::ljubljanaTime(1761440399000).isoForm(), "2025-10-26T02:59:59");  // 00:59:59Z
    EXPECT_EQ(FiscalCode::ljubljanaTime(1761440400000).isoForm(), "2025-10-26T02:00:00");  // 01:00:00Z
    EXPECT_EQ(FiscalCode::ljubljanaTime(1735689599000).isoForm(), "2025-01-01T00:59:59");  // new year, CET
    EXPECT_EQ(kIssued.zoiForm(), "15.08.2015 10:13:32");
    EXPECT_EQ(kIssued.qrForm(), "150815101332");
}

TEST(InvoiceBuilder, AllocatesToTheCentByLargestRemainder) {
    EXPECT_EQ(InvoiceBuilder::allocate(1000, {2875, 3285}), (std::vector<std::int64_t>{467, 533}));
    EXPECT_EQ(InvoiceBuilder::allocate(1, {1, 1}), (std::vector<std::int64_t>{1, 0}));
    EXPECT_EQ(InvoiceBuilder::allocate(0, {1, 1}), (std::vector<std::int64_t>{0, 0}));
    EXPECT_EQ(InvoiceBuilder::allocate(100, {0, 0}), (std::vector<std::int64_t>{0, 0}));
}

TEST(InvoiceBuilder, PartialCreditNoteSplitsNetAndVatAsTheRateDoes) {
    Invoice invoice;
    invoice.number = "P-1-1";
    invoice.vatBreakdown = {{{22, 0}, {10000, 2}, {2200, 2}, {12200, 2}}};
    invoice.totalGross = {12200, 2};
    const Invoice note = InvoiceBuilder::creditNote(invoice, {}, Decimal(6100, 2), false);
    ASSERT_EQ(note.lines.size(), 1u);
    EXPECT_EQ(estore::sdk::toDecimal(note.totalGross).toString(2), "-61.00");
    EXPECT_EQ(estore::sdk::toDecimal(note.totalVat).toString(2), "-11.00");
    EXPECT_EQ(estore::sdk::toDecimal(note.totalNet).toString(2), "-50.00");
    EXPECT_EQ(note.refersTo, "P-1-1");
    // Asking for more than is left gives what is left.
    const Invoice rest = InvoiceBuilder::creditNote(invoice, {note}, Decimal(99999, 2), false);
    EXPECT_EQ(estore::sdk::toDecimal(rest.totalGross).toString(2), "-61.00");
    EXPECT_TRUE(InvoiceBuilder::creditNote(invoice, {note, rest}, Decimal(100, 2), false).lines.empty());
}
