#include "estore/host/fiscal/furs_message.h"

#include <Poco/Timestamp.h>
#include <Poco/UTF8String.h>
#include <Poco/UUIDGenerator.h>

#include "estore/host/fiscal/fiscal_code.h"

namespace estore::host {

namespace {

/// JSON text written field by field, so that numbers keep the exact text FURS's schema wants.
class JsonText {
public:
    JsonText& open(const std::string& key = {}) {
        name(key);
        _text += '{';
        _first = true;
        return *this;
    }
    JsonText& openArray(const std::string& key) {
        name(key);
        _text += '[';
        _first = true;
        return *this;
    }
    JsonText& close() { return end('}'); }
    JsonText& closeArray() { return end(']'); }
    JsonText& string(const std::string& key, const std::string& value) {
        name(key);
        _text += '"' + Poco::UTF8::escape(value, true) + '"';
        return *this;
    }
    /// A number whose text is already valid JSON (digits, a sign, a dot).
    JsonText& number(const std::string& key, const std::string& digits) {
        name(key);
        _text += digits;
        return *this;
    }
    JsonText& amount(const std::string& key, const sdk::Decimal& value) {
        return number(key, value.rescaled(2).toString(2));
    }
    JsonText& boolean(const std::string& key, bool value) {
        name(key);
        _text += value ? "true" : "false";
        return *this;
    }
    const std::string& text() const { return _text; }

private:
    void name(const std::string& key) {
        if (!_first) _text += ',';
        _first = false;
        if (!key.empty()) _text += '"' + key + "\":";
    }
    JsonText& end(char bracket) {
        _text += bracket;
        _first = false;
        return *this;
    }

    std::string _text;
    bool _first = true;
};

void writeHeader(JsonText& json, const FursHeader& header) {
    json.open("Header").string("MessageID", header.messageId).string("DateTime", header.dateTime).close();
}

void writeIdentifier(JsonText& json, const std::string& key, const FursInvoiceId& id) {
    json.open(key)
        .string("BusinessPremiseID", id.premise)
        .string("ElectronicDeviceID", id.device)
        .string("InvoiceNumber", id.number)
        .close();
}

void writeTaxes(JsonText& json, const FursInvoice& invoice) {
    json.openArray("TaxesPerSeller").open();
    if (!invoice.vat.empty()) {
        json.openArray("VAT");
        for (const auto& vat : invoice.vat)
            json.open()
                .amount("TaxRate", vat.rate)
                .amount("TaxableAmount", vat.taxable)
                .amount("TaxAmount", vat.tax)
                .close();
        json.closeArray();
    }
    if (!invoice.exemptTaxable.isZero()) json.amount("ExemptVATTaxableAmount", invoice.exemptTaxable);
    json.close().closeArray();
}

void writeReference(JsonText& json, const FursInvoice& invoice) {
    if (!invoice.reference) return;
    json.openArray("ReferenceInvoice").open();
    writeIdentifier(json, "ReferenceInvoiceIdentifier", *invoice.reference);
    json.string("ReferenceInvoiceIssueDateTime", invoice.referenceIssueDateTime).close().closeArray();
}

void writeLocation(JsonText& json, const FursPremise& premise) {
    json.open("BPIdentifier");
    if (premise.realEstate) {
        const auto& r = *premise.realEstate;
        json.open("RealEstateBP")
            .open("PropertyID")
            .number("CadastralNumber", r.cadastralNumber)
            .number("BuildingNumber", r.buildingNumber)
            .number("BuildingSectionNumber", r.buildingSectionNumber)
            .close()
            .open("Address")
            .string("Street", r.street)
            .string("HouseNumber", r.houseNumber);
        if (!r.houseNumberAdditional.empty()) json.string("HouseNumberAdditional", r.houseNumberAdditional);
        json.string("Community", r.community).string("City", r.city).string("PostalCode", r.postalCode);
        json.close().close();
    } else {
        json.string("PremiseType", premise.premiseType);
    }
    json.close();
}

}  // namespace

FursHeader FursHeader::now() {
    return {Poco::UUIDGenerator::defaultGenerator().createRandom().toString(),
            FiscalCode::ljubljanaTime(Poco::Timestamp().epochMicroseconds() / 1000).isoForm()};
}

std::string FursMessage::invoiceRequest(const FursHeader& header, const FursInvoice& invoice) {
    JsonText json;
    json.open().open("InvoiceRequest");
    writeHeader(json, header);
    json.open("Invoice")
        .number("TaxNumber", invoice.taxNumber)
        .string("IssueDateTime", invoice.issueDateTime)
        // "B": numbered per electronic device (premise-device-sequence), as the host numbers them.
        .string("NumberingStructure", "B");
    writeIdentifier(json, "InvoiceIdentifier", invoice.id);
    if (!invoice.customerVatNumber.empty()) json.string("CustomerVATNumber", invoice.customerVatNumber);
    json.amount("InvoiceAmount", invoice.amount).amount("PaymentAmount", invoice.amount);
    writeTaxes(json, invoice);
    json.number("OperatorTaxNumber", invoice.operatorTaxNumber).string("ProtectedID", invoice.zoi);
    if (invoice.subsequent) json.boolean("SubsequentSubmit", true);
    writeReference(json, invoice);
    json.close().close().close();
    return json.text();
}

std::string FursMessage::premiseRequest(const FursHeader& header, const FursPremise& premise) {
    JsonText json;
    json.open().open("BusinessPremiseRequest");
    writeHeader(json, header);
    json.open("BusinessPremise")
        .number("TaxNumber", premise.taxNumber)
        .string("BusinessPremiseID", premise.premise);
    writeLocation(json, premise);
    json.string("ValidityDate", premise.validityDate);
    if (premise.closing) json.string("ClosingTag", "Z");
    json.openArray("SoftwareSupplier").open();
    if (!premise.softwareSupplierTaxNumber.empty())
        json.number("TaxNumber", premise.softwareSupplierTaxNumber);
    else
        json.string("NameForeign", premise.softwareSupplierName);
    json.close().closeArray();
    if (!premise.specialNotes.empty()) json.string("SpecialNotes", premise.specialNotes);
    json.close().close().close();
    return json.text();
}

std::string FursMessage::echoRequest() {
    return R"({"EchoRequest":"furs"})";
}

}  // namespace estore::host
