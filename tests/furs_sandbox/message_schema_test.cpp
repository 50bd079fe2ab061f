// The pieces behind S002: JSON read with numbers as text, exact decimals, and FURS's schema including the
// parts the HTTP tests do not reach (sales-book invoices, vending machines) [SCHEMA; SPEC32 §3].

#include <gtest/gtest.h>

#include "estore/host/furs_sandbox/decimal_literal.h"
#include "estore/host/furs_sandbox/json_reader.h"
#include "estore/host/furs_sandbox/message_schema.h"
#include "furs_test_support.h"

namespace furs_test {
namespace {

using furs_sandbox::DecimalLiteral;
using furs_sandbox::JsonReader;
using furs_sandbox::JsonValue;
using furs_sandbox::MessageSchema;

std::string violation(const std::string& text, MessageSchema::Message message) {
    const std::optional<JsonValue> root = JsonReader::parse(text);
    if (!root) return "not JSON";
    const auto found = MessageSchema::check(*root, message);
    return found ? found->path + " (" + found->reason + ")" : "";
}

TEST(JsonReader, KeepsNumbersAsWritten) {
    const std::optional<JsonValue> value = JsonReader::parse(
        "{\"serial\":64766398760318685497656163882,\"a\":66.710,\"b\":-1.5e-3,\"s\":"
        "\"\\u0160\\ud83d\\ude00\"}");
    ASSERT_TRUE(value);
    EXPECT_EQ(value->find("serial")->text, "64766398760318685497656163882");
    EXPECT_EQ(value->find("a")->text, "66.710");
    EXPECT_EQ(value->find("b")->text, "-1.5e-3");
    EXPECT_EQ(value->stringAt("s"), "\xc5\xa0\xf0\x9f\x98\x80");
    EXPECT_EQ(value->members.front().first, "serial");
}

TEST(JsonReader, RefusesWhatIsNotStrictJson) {
    std::string error;
    EXPECT_FALSE(JsonReader::parse("{\"a\":1,\"a\":2}", &error));
    EXPECT_EQ(error, "duplicate member \"a\" at offset 10");
    EXPECT_FALSE(JsonReader::parse("{\"a\":01}"));
    EXPECT_FALSE(JsonReader::parse("{\"a\":1.}"));
    EXPECT_FALSE(JsonReader::parse("{\"a\":1} x"));
    EXPECT_FALSE(JsonReader::parse("{'a':1}"));
    EXPECT_FALSE(JsonReader::parse("[1,]"));
    EXPECT_FALSE(JsonReader::parse("\"\\ud800\""));
    EXPECT_FALSE(JsonReader::parse(std::string(100, '[') + std::string(100, ']')));
    EXPECT_TRUE(JsonReader::parse(" [true, false, null, \"\", {}] "));
}

TEST(DecimalLiteral, ExactValueFromText) {
    const auto check = [](const char* text, bool negative, const char* integer, const char* fraction) {
        const std::optional<DecimalLiteral> number = DecimalLiteral::parse(text);
        ASSERT_TRUE(number) << text;
        EXPECT_EQ(number->negative(), negative) << text;
        EXPECT_EQ(number->integerPart(), integer) << text;
        EXPECT_EQ(number->fractionPart(), fraction) << text;
    };
    check("66.71", false, "66", "71");
    check("66.710", false, "66", "71");
    check("-12.3", true, "12", "3");
    check("0", false, "", "");
    check("-0.00", false, "", "");
    check("1.2e3", false, "1200", "");
    check("1.5e1", false, "15", "");
    check("25e-4", false, "", "0025");
    check("0.30000000000000004", false, "", "30000000000000004");
    check("100000000000000", false, "100000000000000", "");
    EXPECT_TRUE(DecimalLiteral::parse("1e999999999")->integral());
    EXPECT_EQ(DecimalLiteral::parse("1e999999999")->integerPart().size(), 1001u);
    EXPECT_FALSE(DecimalLiteral::parse("01"));
    EXPECT_FALSE(DecimalLiteral::parse("1."));
    EXPECT_FALSE(DecimalLiteral::parse("+1"));
    EXPECT_FALSE(DecimalLiteral::parse("1e"));
    EXPECT_FALSE(DecimalLiteral::parse(""));
}

TEST(MessageSchema, AcceptsTheSpecsInvoiceExample) {
    // SPEC32 §9.1's payload (PaymentAmount as printed there).
    const std::string example =
        "{\"InvoiceRequest\":{\"Header\":{\"MessageID\":\"4e64a93a-40fa-4c02-afb1-488534b85e4c\","
        "\"DateTime\":"
        "\"2015-08-07T13:05:24\"},\"Invoice\":{\"TaxNumber\":99999862,\"IssueDateTime\":\"2015-08-07T13:05:"
        "24\","
        "\"NumberingStructure\":\"B\",\"InvoiceIdentifier\":{\"BusinessPremiseID\":\"TRGOVINA1\","
        "\"ElectronicDeviceID\":\"BLAG2\",\"InvoiceNumber\":\"145\"},\"InvoiceAmount\":66.71,"
        "\"PaymentAmount\":"
        "1047.76,\"TaxesPerSeller\":[{\"VAT\":[{\"TaxRate\":22.00,\"TaxableAmount\":23.14,\"TaxAmount\":5.09}"
        ","
        "{\"TaxRate\":9.50,\"TaxableAmount\":35.14,\"TaxAmount\":3.34}]}],\"OperatorTaxNumber\":12345678,"
        "\"ProtectedID\":\"34905bcff14b381039af2e9d7eee54bb\"}}}";
    EXPECT_EQ(violation(example, MessageSchema::Message::Invoice), "");
    EXPECT_EQ(violation(example, MessageSchema::Message::BusinessPremise), "InvoiceRequest (ni dovoljen)");
}

TEST(MessageSchema, SalesBookInvoices) {
    // SPEC32 §9.2's payload.
    const std::string example =
        "{\"InvoiceRequest\":{\"Header\":{\"MessageID\":\"ef60b025-3f8e-43f8-8a7a-905095dc225f\","
        "\"DateTime\":"
        "\"2015-08-07T13:48:23\"},\"SalesBookInvoice\":{\"TaxNumber\":99999862,\"IssueDate\":\"2016-04-10\","
        "\"SalesBookIdentifier\":{\"InvoiceNumber\":\"612\",\"SetNumber\":\"03\",\"SerialNumber\":\"5001-"
        "0001018\"},"
        "\"BusinessPremiseID\":\"TRGOVINA1\",\"InvoiceAmount\":1060.06,\"ReturnsAmount\":12.3,"
        "\"PaymentAmount\":"
        "1047.76,\"TaxesPerSeller\":[{\"VAT\":[{\"TaxRate\":22.0,\"TaxableAmount\":36.89,\"TaxAmount\":8.12}]"
        ","
        "\"OtherTaxesAmount\":53.89,\"NontaxableAmount\":43.87},{\"SellerTaxNumber\":82730341,"
        "\"SpecialTaxRulesAmount\":"
        "3.98}]}}}";
    EXPECT_EQ(violation(example, MessageSchema::Message::Invoice), "");
    EXPECT_EQ(violation(Messages::replaced(example, "\"SetNumber\":\"03\"", "\"SetNumber\":\"3\""),
                        MessageSchema::Message::Invoice),
              "InvoiceRequest.SalesBookInvoice.SalesBookIdentifier.SetNumber (napačna dolžina)");
    const std::string both =
        Messages::replaced(example, "\"SalesBookInvoice\":", "\"Invoice\":{},\"SalesBookInvoice\":");
    EXPECT_EQ(violation(both, MessageSchema::Message::Invoice),
              "InvoiceRequest (dovoljen je le eden od: Invoice, SalesBookInvoice)");
}

TEST(MessageSchema, VendingMachinePremises) {
    const std::string premise = Messages::premise("12345678", "AVT1");
    const std::string realEstate =
        "{\"RealEstateBP\":{\"PropertyID\":{\"CadastralNumber\":365,\"BuildingNumber\":12,"
        "\"BuildingSectionNumber\":3},"
        "\"Address\":{\"Street\":\"Tržaška cesta\",\"HouseNumber\":\"24\",\"HouseNumberAdditional\":\"B\","
        "\"Community\":\"Ljubljana\",\"City\":\"Ljubljana\",\"PostalCode\":\"1000\"}}}";
    const auto with = [&](const std::string& identifier) {
        return Messages::replaced(premise, realEstate, identifier);
    };
    EXPECT_EQ(
        violation(with("{\"VendingMachine\":{\"VPremiseType\":\"D\",\"Geolocation\":{\"Latitude\":46.056946,"
                       "\"Longitude\":14.505751}}}"),
                  MessageSchema::Message::BusinessPremise),
        "");
    EXPECT_EQ(
        violation(with("{\"VendingMachine\":{\"VPremiseType\":\"D\",\"Geolocation\":{\"Latitude\":46.0569461,"
                       "\"Longitude\":14.505751}}}"),
                  MessageSchema::Message::BusinessPremise),
        "BusinessPremiseRequest.BusinessPremise.BPIdentifier.VendingMachine.Geolocation.Latitude (več kot 6 "
        "decimalk)");
    EXPECT_EQ(violation(with("{\"VendingMachine\":{\"VPremiseType\":\"A\",\"Geolocation\":{\"Latitude\":46,"
                             "\"Longitude\":14}}}"),
                        MessageSchema::Message::BusinessPremise),
              "BusinessPremiseRequest.BusinessPremise.BPIdentifier.VendingMachine.VPremiseType (neveljavna "
              "vrednost)");
    EXPECT_EQ(violation(with("{\"VendingMachine\":{\"VPremiseType\":\"E\"}}"),
                        MessageSchema::Message::BusinessPremise),
              "BusinessPremiseRequest.BusinessPremise.BPIdentifier.VendingMachine (manjka eden od: Address, "
              "Geolocation)");
    EXPECT_EQ(
        violation(with("{}"), MessageSchema::Message::BusinessPremise),
        "BusinessPremiseRequest.BusinessPremise.BPIdentifier (manjka eden od: RealEstateBP, PremiseType, "
        "VendingMachine)");
}

TEST(MessageSchema, TaxRateAndAmountLimits) {
    const std::string valid = Messages::invoice(Messages::Invoice{});
    const auto rate = [&](const std::string& value) {
        return violation(Messages::replaced(valid, "\"TaxRate\":22.00", "\"TaxRate\":" + value),
                         MessageSchema::Message::Invoice);
    };
    EXPECT_EQ(rate("99999"), "");
    EXPECT_EQ(rate("-99999.00"), "");
    EXPECT_EQ(rate("99999.01"), "InvoiceRequest.Invoice.TaxesPerSeller[0].VAT[0].TaxRate (izven obsega)");
    EXPECT_EQ(rate("100000"), "InvoiceRequest.Invoice.TaxesPerSeller[0].VAT[0].TaxRate (izven obsega)");
    const auto amount = [&](const std::string& value) {
        return violation(Messages::replaced(valid, "\"InvoiceAmount\":66.71", "\"InvoiceAmount\":" + value),
                         MessageSchema::Message::Invoice);
    };
    EXPECT_EQ(amount("99999999999999.99"), "");
    EXPECT_EQ(amount("-99999999999999.99"), "");
    EXPECT_EQ(amount("66.710"), "");
    EXPECT_EQ(amount("0.30000000000000004"), "InvoiceRequest.Invoice.InvoiceAmount (več kot 2 decimalki)");
    EXPECT_EQ(amount("-100000000000000"), "InvoiceRequest.Invoice.InvoiceAmount (izven obsega)");
    EXPECT_EQ(amount("true"), "InvoiceRequest.Invoice.InvoiceAmount (ni število)");
}

}  // namespace
}  // namespace furs_test
