#pragma once
// The JSON messages of FURS's fiscal verification (SPEC32 §3, FURS's JSON schema; summarised with sources
// in ../shared/reference/furs-protocol.md §3). Amounts are exact decimals written as JSON numbers in fixed
// text with two decimals ("66.71"), never through a double: the schema's multipleOf 0.01 refuses
// 0.30000000000000004. Date-times are Slovenian wall-clock time without a zone, as printed on the invoice.
#include <optional>
#include <string>
#include <vector>

#include "estore/sdk/decimal.h"

namespace estore::host {

/// InvoiceIdentifier: the printed number PREMISE-DEVICE-NUMBER in its three parts.
struct FursInvoiceId {
    std::string premise;
    std::string device;
    std::string number;  ///< the sequence number only, digits without a leading zero
};

/// One VAT rate of TaxesPerSeller[0].VAT.
struct FursVat {
    sdk::Decimal rate;     ///< "22", "9.5"
    sdk::Decimal taxable;  ///< the net amount at that rate
    sdk::Decimal tax;
};

struct FursInvoice {
    std::string taxNumber;      ///< the seller's, 8 digits (sent as a JSON number)
    std::string issueDateTime;  ///< "2025-03-03T09:00:00", the time printed on the invoice and in the ZOI
    FursInvoiceId id;
    sdk::Decimal amount;  ///< InvoiceAmount = PaymentAmount: the total with VAT (negative on a credit note)
    std::vector<FursVat> vat;
    sdk::Decimal exemptTaxable;     ///< lines at 0 %: ExemptVATTaxableAmount
    std::string customerVatNumber;  ///< only when it is printed on the invoice
    std::string operatorTaxNumber;  ///< OperatorTaxNumber (R_3.10): who issued it, 8 digits
    std::string zoi;                ///< ProtectedID, 32 lower-case hex digits
    bool subsequent = false;        ///< SubsequentSubmit: issued without an EOR, sent later (ZDavPR Art. 9)
    std::optional<FursInvoiceId> reference;  ///< a credit note: the invoice it corrects
    std::string referenceIssueDateTime;      ///< that invoice's IssueDateTime (the schema requires it)
};

/// BusinessPremiseRequest.BusinessPremise (SPEC32 §3.2.1, P_3–P_9).
struct FursPremise {
    struct RealEstate {
        std::string cadastralNumber;        ///< ≤ 4 digits
        std::string buildingNumber;         ///< ≤ 5 digits
        std::string buildingSectionNumber;  ///< ≤ 4 digits
        std::string street, houseNumber, houseNumberAdditional, community, city, postalCode;
    };
    std::string taxNumber;
    std::string premise;
    std::optional<RealEstate> realEstate;   ///< a premise in a building; otherwise premiseType
    std::string premiseType;                ///< "A" movable, "B" fixed spot, "C" a lone device
    std::string validityDate;               ///< "YYYY-MM-DD": from when the data apply
    std::string softwareSupplierTaxNumber;  ///< a Slovenian supplier's tax number, or
    std::string softwareSupplierName;       ///< a foreign supplier's name
    bool closing = false;                   ///< ClosingTag "Z": the premise is closed for good
    std::string specialNotes;
};

/// Every request's Header: a new MessageID for every message, resends included (R_1.0).
struct FursHeader {
    std::string messageId;  ///< a random UUID
    std::string dateTime;   ///< "YYYY-MM-DDTHH:MM:SS", Slovenian local time

    static FursHeader now();
};

class FursMessage {
public:
    /// {"InvoiceRequest":{"Header":…,"Invoice":…}}
    static std::string invoiceRequest(const FursHeader& header, const FursInvoice& invoice);
    /// {"BusinessPremiseRequest":{"Header":…,"BusinessPremise":…}}
    static std::string premiseRequest(const FursHeader& header, const FursPremise& premise);
    /// {"EchoRequest":"furs"}: the unsigned reachability check (SPEC32 §9.7).
    static std::string echoRequest();
};

}  // namespace estore::host
