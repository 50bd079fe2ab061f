// FURS's messages as text (SPEC32 §3, furs-protocol.md §3) and the working days of ZDavPR Art. 9's
// deadline.
#include <gtest/gtest.h>

#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/furs_message.h"
#include "estore/host/fiscal/working_days.h"

using namespace estore::host;
using estore::sdk::Decimal;

namespace {

Decimal dec(const char* text) {
    return *Decimal::parse(text);
}

FursInvoice creditNote() {
    FursInvoice f;
    f.taxNumber = "12345678";
    f.issueDateTime = "2025-07-01T14:00:00";
    f.id = {"SPLET1", "1", "2"};
    f.amount = dec("-61.6");
    f.vat = {{dec("22"), dec("-26.93"), dec("-5.92")}, {dec("9.5"), dec("-30"), dec("-2.85")}};
    f.exemptTaxable = dec("-1.90");
    f.customerVatNumber = "SI12345679";
    f.operatorTaxNumber = "87654321";
    f.zoi = "a7e5f55e1dbb48b799268e1a6d8618a3";
    f.subsequent = true;
    f.reference = FursInvoiceId{"SPLET1", "1", "1"};
    f.referenceIssueDateTime = "2025-06-30T09:15:00";
    return f;
}

}  // namespace

TEST(FursMessage, AnInvoiceRequestHasFursFieldsWithExactAmountsAndItsReference) {
    const FursHeader header{"4fd7e4a8-1d4a-4c11-8b45-6a7e5b1e2f3c", "2025-07-01T14:00:01"};
    EXPECT_EQ(
        FursMessage::invoiceRequest(header, creditNote()),
        R"({"InvoiceRequest":{"Header":{"MessageID":"4fd7e4a8-1d4a-4c11-8b45-6a7e5b1e2f3c",)"
        R"("DateTime":"2025-07-01T14:00:01"},"Invoice":{"TaxNumber":12345678,)"
        R"("IssueDateTime":"2025-07-01T14:00:00","NumberingStructure":"B","InvoiceIdentifier":)"
        R"({"BusinessPremiseID":"SPLET1","ElectronicDeviceID":"1","InvoiceNumber":"2"},)"
        R"("CustomerVATNumber":"SI12345679","InvoiceAmount":-61.60,"PaymentAmount":-61.60,)"
        R"("TaxesPerSeller":[{"VAT":[{"TaxRate":22.00,"TaxableAmount":-26.93,"TaxAmount":-5.92},)"
        R"({"TaxRate":9.50,"TaxableAmount":-30.00,"TaxAmount":-2.85}],"ExemptVATTaxableAmount":-1.90}],)"
        R"("OperatorTaxNumber":87654321,"ProtectedID":"a7e5f55e1dbb48b799268e1a6d8618a3",)"
        R"("SubsequentSubmit":true,"ReferenceInvoice":[{"ReferenceInvoiceIdentifier":)"
        R"({"BusinessPremiseID":"SPLET1","ElectronicDeviceID":"1","InvoiceNumber":"1"},)"
        R"("ReferenceInvoiceIssueDateTime":"2025-06-30T09:15:00"}]}}})");
}

TEST(FursMessage, AFirstSubmissionOmitsWhatItDoesNotHave) {
    FursInvoice f = creditNote();
    f.amount = dec("0.3");  // 0.1 + 0.2 as a double would be 0.30000000000000004
    f.vat = {{dec("22"), dec("0.25"), dec("0.05")}};
    f.exemptTaxable = Decimal();
    f.customerVatNumber.clear();
    f.subsequent = false;
    f.reference.reset();
    const std::string text = FursMessage::invoiceRequest({"id", "t"}, f);
    EXPECT_NE(text.find(R"("InvoiceAmount":0.30,"PaymentAmount":0.30,)"), std::string::npos) << text;
    for (const char* absent : {"SubsequentSubmit", "ReferenceInvoice", "CustomerVATNumber", "ExemptVAT"})
        EXPECT_EQ(text.find(absent), std::string::npos) << absent << " in " << text;
}

TEST(FursMessage, PremiseRequestsForALoneDeviceAndForABuilding) {
    FursPremise p;
    p.taxNumber = "12345678";
    p.premise = "SPLET1";
    p.premiseType = "C";
    p.validityDate = "2026-12-06";
    p.softwareSupplierTaxNumber = "11111111";
    EXPECT_EQ(
        FursMessage::premiseRequest({"m", "2026-12-06T10:00:00"}, p),
        R"({"BusinessPremiseRequest":{"Header":{"MessageID":"m","DateTime":"2026-12-06T10:00:00"},)"
        R"("BusinessPremise":{"TaxNumber":12345678,"BusinessPremiseID":"SPLET1","BPIdentifier":)"
        R"({"PremiseType":"C"},"ValidityDate":"2026-12-06","SoftwareSupplier":[{"TaxNumber":11111111}]}}})");
    p.realEstate = FursPremise::RealEstate{"365",       "12",        "3",   "Slovenska cesta", "1", "",
                                           "Ljubljana", "Ljubljana", "1000"};
    p.softwareSupplierTaxNumber.clear();
    p.softwareSupplierName = "Foreign \"Soft\" Ltd";
    p.closing = true;
    const std::string text = FursMessage::premiseRequest({"m", "t"}, p);
    EXPECT_NE(
        text.find(R"("RealEstateBP":{"PropertyID":{"CadastralNumber":365,"BuildingNumber":12,)"
                  R"("BuildingSectionNumber":3},"Address":{"Street":"Slovenska cesta","HouseNumber":"1",)"
                  R"("Community":"Ljubljana","City":"Ljubljana","PostalCode":"1000"}})"),
        std::string::npos)
        << text;
    EXPECT_NE(text.find(R"("ClosingTag":"Z","SoftwareSupplier":[{"NameForeign":"Foreign \"Soft\" Ltd"}])"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("HouseNumberAdditional"), std::string::npos);
}

TEST(WorkingDays, WeekendsAndSlovenianPublicHolidaysAreNotWorkingDays) {
    using namespace std::chrono;
    EXPECT_TRUE(WorkingDays::isWorkingDay(2026y / December / 7));    // Monday
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / December / 6));   // Sunday
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / December / 25));  // Christmas, a Friday
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / December / 26));  // Independence and Unity Day
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / April / 6));      // Easter Monday 2026
    EXPECT_FALSE(WorkingDays::isWorkingDay(2025y / April / 21));     // Easter Monday 2025
    EXPECT_FALSE(WorkingDays::isWorkingDay(2027y / March / 29));     // Easter Monday 2027
    EXPECT_TRUE(WorkingDays::isWorkingDay(2026y / April / 7));
    EXPECT_FALSE(WorkingDays::isWorkingDay(2027y / January / 1));
    EXPECT_FALSE(WorkingDays::isWorkingDay(2027y / January / 2));  // a Saturday anyway
    EXPECT_TRUE(WorkingDays::isWorkingDay(2026y / February /
                                          9));  // Monday after Prešeren Day (a Sunday): no day off in lieu
    EXPECT_FALSE(WorkingDays::isWorkingDay(2027y / February / 8));  // Prešeren Day, a Monday
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / June / 25));
    EXPECT_FALSE(WorkingDays::isWorkingDay(2026y / October / 31));
}

TEST(WorkingDays, TheDeadlineCountsWorkingDaysAfterTheIssueDayInLjubljanaTime) {
    // Thursday 2026-12-24 23:30 Ljubljana (22:30 UTC): the next working days are Mon 28 and Tue 29
    // (25 and 26 are holidays, 27 a Sunday).
    const std::int64_t issued = 1798151400000;  // 2026-12-24T22:30:00Z
    ASSERT_EQ(FiscalCode::ljubljanaTime(issued).isoForm(), "2026-12-24T23:30:00");
    // End of Monday 28 in Ljubljana = 2026-12-28T23:00:00Z.
    EXPECT_EQ(WorkingDays::endOfNthWorkingDayAfter(issued, 1), 1798498800000);
    EXPECT_EQ(WorkingDays::endOfNthWorkingDayAfter(issued, 2), 1798498800000 + 86400000);
    // Summer time: issued Friday 2026-07-03 10:00 CEST; Monday 6 ends at 22:00 UTC.
    EXPECT_EQ(WorkingDays::endOfNthWorkingDayAfter(1783065600000, 1), 1783375200000);
}
