#include "estore/host/furs_sandbox/message_schema.h"

#include "estore/host/furs_sandbox/decimal_literal.h"

namespace furs_sandbox {

namespace {

// The reasons, in Slovene like the rest of FURS's ErrorMessage [SPEC32 §3.1.5].
const std::string kMissing = "manjka";
const std::string kNotAllowed = "ni dovoljen";
const std::string kNotObject = "ni objekt";
const std::string kNotArray = "ni seznam";
const std::string kNotString = "ni besedilo";
const std::string kNotNumber = "ni število";
const std::string kNotInteger = "ni celo število";
const std::string kNotBoolean = "ni logična vrednost";
const std::string kLength = "napačna dolžina";
const std::string kCharacters = "nedovoljeni znaki";
const std::string kFormat = "napačna oblika";
const std::string kRange = "izven obsega";
const std::string kValue = "neveljavna vrednost";
const std::string kTooFew = "premalo elementov";
const std::string kTooMany = "preveč elementov";

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

bool isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isAlphanumeric(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::size_t codePoints(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
    return count;
}

int digits(const std::string& text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!isDigit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

/// "YYYY-MM-DD" with a day that exists (Gregorian calendar).
bool validDate(const std::string& text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return false;
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

/// "YYYY-MM-DDTHH:MM:SS", nothing before or after [SPEC32 R_2.0, R_3.2].
bool validDateTime(const std::string& text) {
    if (text.size() != 19 || !validDate(text) || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return false;
    const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
    return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59;
}

}  // namespace

std::optional<SchemaViolation> MessageSchema::check(const JsonValue& root, Message message) {
    MessageSchema schema;
    const bool premise = message == Message::BusinessPremise;
    const std::string_view name = premise ? "BusinessPremiseRequest" : "InvoiceRequest";
    if (!root.isObject()) {
        schema.failAt(name, kMissing);
        return schema._violation;
    }
    // SCHEMA: the root has "additionalProperties": false; a request path takes its own request only.
    if (schema.object(root, {name}, {name}))
        schema.member(root, name, [&](const JsonValue& v) {
            return premise ? schema.premiseRequest(v) : schema.invoiceRequest(v);
        });
    return schema._violation;
}

std::string MessageSchema::path() const {
    std::string out;
    for (const std::string& step : _path) {
        if (!out.empty() && step.front() != '[') out += '.';
        out += step;
    }
    return out;
}

bool MessageSchema::fail(const std::string& reason) {
    if (!_violation) _violation = SchemaViolation{path(), reason};
    return false;
}

bool MessageSchema::failAt(std::string_view name, const std::string& reason) {
    _path.emplace_back(name);
    fail(reason);
    _path.pop_back();
    return false;
}

bool MessageSchema::member(const JsonValue& object, std::string_view name, const Check& check) {
    const JsonValue* value = object.find(name);
    if (!value) return true;
    _path.emplace_back(name);
    const bool ok = check(*value);
    _path.pop_back();
    return ok;
}

bool MessageSchema::object(const JsonValue& value, Names allowed, Names required) {
    if (!value.isObject()) return fail(kNotObject);
    for (const auto& [name, member] : value.members) {
        bool known = false;
        for (const std::string_view candidate : allowed) known = known || candidate == name;
        if (!known) return failAt(name, kNotAllowed);  // "additionalProperties": false
    }
    for (const std::string_view name : required)
        if (!value.find(name)) return failAt(name, kMissing);
    return true;
}

bool MessageSchema::exactlyOne(const JsonValue& object, Names names) {
    std::string list;
    int present = 0;
    for (const std::string_view name : names) {
        list += (list.empty() ? "" : ", ") + std::string(name);
        if (object.find(name)) ++present;
    }
    if (present == 1) return true;
    return fail(present == 0 ? "manjka eden od: " + list : "dovoljen je le eden od: " + list);
}

bool MessageSchema::array(const JsonValue& value, std::size_t minItems, std::size_t maxItems,
                          const Check& item) {
    if (value.type != JsonValue::Type::Array) return fail(kNotArray);
    if (value.items.size() < minItems) return fail(kTooFew);
    if (value.items.size() > maxItems) return fail(kTooMany);
    for (std::size_t i = 0; i < value.items.size(); ++i) {
        _path.push_back("[" + std::to_string(i) + "]");
        const bool ok = item(value.items[i]);
        _path.pop_back();
        if (!ok) return false;
    }
    return true;
}

bool MessageSchema::list(const JsonValue& object, std::string_view name,
                         bool (MessageSchema::*item)(const JsonValue&)) {
    // The schema's arrays of objects: 1 to 1000 items [SCHEMA].
    return member(object, name, [this, item](const JsonValue& v) {
        return array(v, 1, 1000, [this, item](const JsonValue& element) { return (this->*item)(element); });
    });
}

bool MessageSchema::text(const JsonValue& value, std::size_t minLength, std::size_t maxLength) {
    if (!value.isString()) return fail(kNotString);
    const std::size_t length = codePoints(value.text);
    return (length >= minLength && length <= maxLength) || fail(kLength);
}

bool MessageSchema::identifierText(const JsonValue& value) {
    // BusinessPremiseID, ElectronicDeviceID: "^[0-9a-zA-Z]*$", 1-20 [SCHEMA; SPEC32 R_3.4].
    if (!text(value, 1, 20)) return false;
    for (const char c : value.text)
        if (!isAlphanumeric(c)) return fail(kCharacters);
    return true;
}

bool MessageSchema::invoiceNumber(const JsonValue& value) {
    // SPEC32 R_3.4.3: digits only, no leading zero, 1-20 (the schema only limits the length).
    if (!text(value, 1, 20)) return false;
    for (const char c : value.text)
        if (!isDigit(c)) return fail(kCharacters);
    return value.text[0] != '0' || fail(kFormat);
}

bool MessageSchema::isUuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < 36; ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i])) return false;
    }
    return true;
}

bool MessageSchema::uuid(const JsonValue& value) {
    // SPEC32 R_1.0: 36 characters; SCHEMA's pattern, anchored: 8-4-4-4-12 hex digits.
    if (!value.isString()) return fail(kNotString);
    if (value.text.size() != 36) return fail(kLength);
    return isUuid(value.text) || fail(kFormat);
}

bool MessageSchema::protectedId(const JsonValue& value) {
    // The ZOI: MD5 as 32 lower-case hex digits [SPEC32 R_3.12, §10].
    if (!value.isString()) return fail(kNotString);
    if (value.text.size() != 32) return fail(kLength);
    for (const char c : value.text)
        if (!isDigit(c) && (c < 'a' || c > 'f')) return fail(kCharacters);
    return true;
}

bool MessageSchema::dateTime(const JsonValue& value) {
    if (!value.isString()) return fail(kNotString);
    return validDateTime(value.text) || fail(kFormat);
}

bool MessageSchema::dateOrDateTime(const JsonValue& value) {
    // ValidityDate and the sales-book dates: the table says "YYYY-MM-DD", the schema "date-time"; both
    // are taken (furs-protocol.md §3: which one FURS refuses is unconfirmed).
    if (!value.isString()) return fail(kNotString);
    const bool date = value.text.size() == 10 && validDate(value.text);
    return date || validDateTime(value.text) || fail(kFormat);
}

bool MessageSchema::oneOf(const JsonValue& value, Names values) {
    if (!value.isString()) return fail(kNotString);
    for (const std::string_view allowed : values)
        if (value.text == allowed) return true;
    return fail(kValue);
}

bool MessageSchema::boolean(const JsonValue& value) {
    return value.type == JsonValue::Type::Boolean || fail(kNotBoolean);
}

bool MessageSchema::taxNumber(const JsonValue& value) {
    // TaxNumberType: an integer 10000000-99999999 [SCHEMA; SPEC32 change log 2.2]. "12345678.0" or
    // "1.2345678e7" are JSON numbers but not integers as FURS's validator reads them.
    if (!value.isNumber()) return fail(kNotNumber);
    for (const char c : value.text)
        if (!isDigit(c)) return fail(kNotInteger);
    return (value.text.size() == 8 && value.text[0] != '0') || fail(kRange);
}

bool MessageSchema::amount(const JsonValue& value) {
    // AmountType: multipleOf 0.01, -10^14 < x < 10^14 [SCHEMA; SPEC32 R_3.6-3.9: 14 digits, 2 decimals].
    if (!value.isNumber()) return fail(kNotNumber);
    const std::optional<DecimalLiteral> number = DecimalLiteral::parse(value.text);
    if (!number) return fail(kNotNumber);
    if (number->fractionPart().size() > 2) return fail("več kot 2 decimalki");
    return number->integerPart().size() <= 14 || fail(kRange);
}

bool MessageSchema::taxRate(const JsonValue& value) {
    // TaxRateType: multipleOf 0.01, -99999 ≤ x ≤ 99999 [SCHEMA; SPEC32 R_3.9.21].
    if (!value.isNumber()) return fail(kNotNumber);
    const std::optional<DecimalLiteral> number = DecimalLiteral::parse(value.text);
    if (!number) return fail(kNotNumber);
    if (number->fractionPart().size() > 2) return fail("več kot 2 decimalki");
    const std::string& whole = number->integerPart();
    const bool beyond = whole.size() > 5 || (whole == "99999" && !number->integral());
    return !beyond || fail(kRange);
}

bool MessageSchema::wholeNumber(const JsonValue& value, std::size_t maxDigits) {
    // PropertyID numbers: 0 up to 4 or 5 digits [SCHEMA "minimum": 0; SPEC32 P_5.1].
    if (!value.isNumber()) return fail(kNotNumber);
    const std::optional<DecimalLiteral> number = DecimalLiteral::parse(value.text);
    if (!number) return fail(kNotNumber);
    if (!number->integral()) return fail(kNotInteger);
    return (!number->negative() && number->integerPart().size() <= maxDigits) || fail(kRange);
}

bool MessageSchema::coordinate(const JsonValue& value, std::size_t maxIntegerDigits) {
    // Geolocation: multipleOf 0.000001, |Latitude| ≤ 99.999999, |Longitude| ≤ 999.999999 [SCHEMA v2.9].
    if (!value.isNumber()) return fail(kNotNumber);
    const std::optional<DecimalLiteral> number = DecimalLiteral::parse(value.text);
    if (!number) return fail(kNotNumber);
    if (number->fractionPart().size() > 6) return fail("več kot 6 decimalk");
    return number->integerPart().size() <= maxIntegerDigits || fail(kRange);
}

bool MessageSchema::header(const JsonValue& value) {
    return object(value, {"MessageID", "DateTime"}, {"MessageID", "DateTime"}) &&
           member(value, "MessageID", [this](const JsonValue& v) { return uuid(v); }) &&
           member(value, "DateTime", [this](const JsonValue& v) { return dateTime(v); });
}

bool MessageSchema::premiseRequest(const JsonValue& value) {
    return object(value, {"Header", "BusinessPremise"}, {"Header", "BusinessPremise"}) &&
           member(value, "Header", [this](const JsonValue& v) { return header(v); }) &&
           member(value, "BusinessPremise", [this](const JsonValue& v) { return premise(v); });
}

bool MessageSchema::premise(const JsonValue& value) {
    // SPEC32 §3.2.1 P_3-P_9; SCHEMA BusinessPremiseType.
    return object(value,
                  {"TaxNumber", "BusinessPremiseID", "BPIdentifier", "ValidityDate", "ClosingTag",
                   "SoftwareSupplier", "SpecialNotes"},
                  {"TaxNumber", "BusinessPremiseID", "BPIdentifier", "ValidityDate", "SoftwareSupplier"}) &&
           member(value, "TaxNumber", [this](const JsonValue& v) { return taxNumber(v); }) &&
           member(value, "BusinessPremiseID", [this](const JsonValue& v) { return identifierText(v); }) &&
           member(value, "BPIdentifier", [this](const JsonValue& v) { return premiseIdentifier(v); }) &&
           member(value, "ValidityDate", [this](const JsonValue& v) { return dateOrDateTime(v); }) &&
           member(value, "ClosingTag", [this](const JsonValue& v) { return oneOf(v, {"Z"}); }) &&
           member(value, "SoftwareSupplier",
                  [this](const JsonValue& v) {
                      return array(v, 0, static_cast<std::size_t>(-1),
                                   [this](const JsonValue& item) { return softwareSupplier(item); });
                  }) &&
           member(value, "SpecialNotes", [this](const JsonValue& v) { return text(v, 1, 1000); });
}

bool MessageSchema::premiseIdentifier(const JsonValue& value) {
    return object(value, {"RealEstateBP", "PremiseType", "VendingMachine"}, {}) &&
           exactlyOne(value, {"RealEstateBP", "PremiseType", "VendingMachine"}) &&
           member(value, "RealEstateBP", [this](const JsonValue& v) { return realEstate(v); }) &&
           member(value, "PremiseType",
                  [this](const JsonValue& v) {
                      return oneOf(v, {"A", "B", "C"});
                  }) &&
           member(value, "VendingMachine", [this](const JsonValue& v) { return vendingMachine(v); });
}

bool MessageSchema::realEstate(const JsonValue& value) {
    const auto propertyId = [this](const JsonValue& v) {
        return object(v, {"CadastralNumber", "BuildingNumber", "BuildingSectionNumber"},
                      {"CadastralNumber", "BuildingNumber", "BuildingSectionNumber"}) &&
               member(v, "CadastralNumber", [this](const JsonValue& n) { return wholeNumber(n, 4); }) &&
               member(v, "BuildingNumber", [this](const JsonValue& n) { return wholeNumber(n, 5); }) &&
               member(v, "BuildingSectionNumber", [this](const JsonValue& n) { return wholeNumber(n, 4); });
    };
    return object(value, {"PropertyID", "Address"}, {"PropertyID", "Address"}) &&
           member(value, "PropertyID", propertyId) &&
           member(value, "Address", [this](const JsonValue& v) { return address(v); });
}

bool MessageSchema::address(const JsonValue& value) {
    return object(value,
                  {"Street", "HouseNumber", "HouseNumberAdditional", "Community", "City", "PostalCode"},
                  {"Street", "HouseNumber", "Community", "City", "PostalCode"}) &&
           member(value, "Street", [this](const JsonValue& v) { return text(v, 1, 100); }) &&
           member(value, "HouseNumber", [this](const JsonValue& v) { return text(v, 1, 10); }) &&
           member(value, "HouseNumberAdditional", [this](const JsonValue& v) { return text(v, 1, 10); }) &&
           member(value, "Community", [this](const JsonValue& v) { return text(v, 1, 100); }) &&
           member(value, "City", [this](const JsonValue& v) { return text(v, 1, 100); }) &&
           member(value, "PostalCode", [this](const JsonValue& v) { return text(v, 4, 4); });
}

bool MessageSchema::vendingMachine(const JsonValue& value) {
    const auto geolocation = [this](const JsonValue& v) {
        return object(v, {"Latitude", "Longitude"}, {"Latitude", "Longitude"}) &&
               member(v, "Latitude", [this](const JsonValue& n) { return coordinate(n, 2); }) &&
               member(v, "Longitude", [this](const JsonValue& n) { return coordinate(n, 3); });
    };
    return object(value, {"VPremiseType", "Address", "Geolocation"}, {"VPremiseType"}) &&
           exactlyOne(value, {"Address", "Geolocation"}) &&
           member(value, "VPremiseType",
                  [this](const JsonValue& v) {
                      return oneOf(v, {"D", "E", "F"});
                  }) &&
           member(value, "Address", [this](const JsonValue& v) { return address(v); }) &&
           member(value, "Geolocation", geolocation);
}

bool MessageSchema::softwareSupplier(const JsonValue& value) {
    return object(value, {"TaxNumber", "NameForeign"}, {}) &&
           exactlyOne(value, {"TaxNumber", "NameForeign"}) &&
           member(value, "TaxNumber", [this](const JsonValue& v) { return taxNumber(v); }) &&
           member(value, "NameForeign", [this](const JsonValue& v) { return text(v, 1, 1000); });
}

bool MessageSchema::invoiceRequest(const JsonValue& value) {
    return object(value, {"Header", "Invoice", "SalesBookInvoice"}, {"Header"}) &&
           exactlyOne(value, {"Invoice", "SalesBookInvoice"}) &&
           member(value, "Header", [this](const JsonValue& v) { return header(v); }) &&
           member(value, "Invoice", [this](const JsonValue& v) { return invoice(v); }) &&
           member(value, "SalesBookInvoice", [this](const JsonValue& v) { return salesBookInvoice(v); });
}

bool MessageSchema::invoice(const JsonValue& value) {
    // SPEC32 §3.1.1 R_3.x; SCHEMA InvoiceType.
    const Check taxNumberCheck = [this](const JsonValue& v) { return taxNumber(v); };
    const Check booleanCheck = [this](const JsonValue& v) { return boolean(v); };
    return object(value,
                  {"TaxNumber", "IssueDateTime", "NumberingStructure", "InvoiceIdentifier",
                   "CustomerVATNumber", "InvoiceAmount", "ReturnsAmount", "PaymentAmount", "TaxesPerSeller",
                   "OperatorTaxNumber", "ForeignOperator", "ProtectedID", "SubsequentSubmit",
                   "ReferenceInvoice", "ReferenceSalesBook", "SpecialNotes"},
                  {"TaxNumber", "IssueDateTime", "NumberingStructure", "InvoiceIdentifier", "InvoiceAmount",
                   "PaymentAmount", "TaxesPerSeller", "ProtectedID"}) &&
           member(value, "TaxNumber", taxNumberCheck) &&
           member(value, "IssueDateTime", [this](const JsonValue& v) { return dateTime(v); }) &&
           member(value, "NumberingStructure",
                  [this](const JsonValue& v) {
                      return oneOf(v, {"B", "C"});
                  }) &&
           member(value, "InvoiceIdentifier", [this](const JsonValue& v) { return invoiceIdentifier(v); }) &&
           member(value, "OperatorTaxNumber", taxNumberCheck) &&
           member(value, "ForeignOperator", booleanCheck) &&
           member(value, "ProtectedID", [this](const JsonValue& v) { return protectedId(v); }) &&
           member(value, "SubsequentSubmit", booleanCheck) && invoiceContent(value);
}

bool MessageSchema::salesBookInvoice(const JsonValue& value) {
    // SPEC32 R_4.x; SCHEMA SalesBookInvoiceType. SalesBookIdentifier is required here (the schema leaves
    // it optional) because the sandbox knows a sales-book invoice by it.
    return object(value,
                  {"TaxNumber", "IssueDate", "SalesBookIdentifier", "BusinessPremiseID", "CustomerVATNumber",
                   "InvoiceAmount", "ReturnsAmount", "PaymentAmount", "TaxesPerSeller", "ReferenceSalesBook",
                   "ReferenceInvoice", "SpecialNotes"},
                  {"TaxNumber", "IssueDate", "SalesBookIdentifier", "BusinessPremiseID", "InvoiceAmount",
                   "PaymentAmount", "TaxesPerSeller"}) &&
           member(value, "TaxNumber", [this](const JsonValue& v) { return taxNumber(v); }) &&
           member(value, "IssueDate", [this](const JsonValue& v) { return dateOrDateTime(v); }) &&
           member(value, "SalesBookIdentifier",
                  [this](const JsonValue& v) { return salesBookIdentifier(v); }) &&
           member(value, "BusinessPremiseID", [this](const JsonValue& v) { return identifierText(v); }) &&
           invoiceContent(value);
}

bool MessageSchema::invoiceContent(const JsonValue& value) {
    // What InvoiceType and SalesBookInvoiceType share: the buyer, the amounts, the taxes, the references
    // and the notes.
    const Check amountCheck = [this](const JsonValue& v) { return amount(v); };
    return member(value, "CustomerVATNumber", [this](const JsonValue& v) { return text(v, 1, 20); }) &&
           member(value, "InvoiceAmount", amountCheck) && member(value, "ReturnsAmount", amountCheck) &&
           member(value, "PaymentAmount", amountCheck) &&
           list(value, "TaxesPerSeller", &MessageSchema::taxesPerSeller) &&
           list(value, "ReferenceInvoice", &MessageSchema::referenceInvoice) &&
           list(value, "ReferenceSalesBook", &MessageSchema::referenceSalesBook) &&
           member(value, "SpecialNotes", [this](const JsonValue& v) { return text(v, 0, 1000); });
}

bool MessageSchema::invoiceIdentifier(const JsonValue& value) {
    return object(value, {"BusinessPremiseID", "ElectronicDeviceID", "InvoiceNumber"},
                  {"BusinessPremiseID", "ElectronicDeviceID", "InvoiceNumber"}) &&
           member(value, "BusinessPremiseID", [this](const JsonValue& v) { return identifierText(v); }) &&
           member(value, "ElectronicDeviceID", [this](const JsonValue& v) { return identifierText(v); }) &&
           member(value, "InvoiceNumber", [this](const JsonValue& v) { return invoiceNumber(v); });
}

bool MessageSchema::salesBookIdentifier(const JsonValue& value) {
    // SalesBookIdentifierType: min/maxProperties 3 without extras, so all three are needed.
    return object(value, {"InvoiceNumber", "SetNumber", "SerialNumber"},
                  {"InvoiceNumber", "SetNumber", "SerialNumber"}) &&
           member(value, "InvoiceNumber", [this](const JsonValue& v) { return text(v, 1, 20); }) &&
           member(value, "SetNumber", [this](const JsonValue& v) { return text(v, 2, 2); }) &&
           member(value, "SerialNumber", [this](const JsonValue& v) { return text(v, 12, 12); });
}

bool MessageSchema::taxesPerSeller(const JsonValue& value) {
    const Check amountCheck = [this](const JsonValue& v) { return amount(v); };
    return object(value,
                  {"SellerTaxNumber", "VAT", "FlatRateCompensation", "OtherTaxesAmount",
                   "ExemptVATTaxableAmount", "ReverseVATTaxableAmount", "NontaxableAmount",
                   "SpecialTaxRulesAmount"},
                  {}) &&
           member(value, "SellerTaxNumber", [this](const JsonValue& v) { return taxNumber(v); }) &&
           list(value, "VAT", &MessageSchema::vat) &&
           list(value, "FlatRateCompensation", &MessageSchema::flatRate) &&
           member(value, "OtherTaxesAmount", amountCheck) &&
           member(value, "ExemptVATTaxableAmount", amountCheck) &&
           member(value, "ReverseVATTaxableAmount", amountCheck) &&
           member(value, "NontaxableAmount", amountCheck) &&
           member(value, "SpecialTaxRulesAmount", amountCheck);
}

bool MessageSchema::vat(const JsonValue& value) {
    return object(value, {"TaxRate", "TaxableAmount", "TaxAmount"},
                  {"TaxRate", "TaxableAmount", "TaxAmount"}) &&
           member(value, "TaxRate", [this](const JsonValue& v) { return taxRate(v); }) &&
           member(value, "TaxableAmount", [this](const JsonValue& v) { return amount(v); }) &&
           member(value, "TaxAmount", [this](const JsonValue& v) { return amount(v); });
}

bool MessageSchema::flatRate(const JsonValue& value) {
    return object(value, {"FlatRateRate", "FlatRateTaxableAmount", "FlatRateAmount"},
                  {"FlatRateRate", "FlatRateTaxableAmount", "FlatRateAmount"}) &&
           member(value, "FlatRateRate", [this](const JsonValue& v) { return taxRate(v); }) &&
           member(value, "FlatRateTaxableAmount", [this](const JsonValue& v) { return amount(v); }) &&
           member(value, "FlatRateAmount", [this](const JsonValue& v) { return amount(v); });
}

bool MessageSchema::referenceInvoice(const JsonValue& value) {
    // The table calls the date optional (R_3.15), the schema requires it; the schema wins here.
    return object(value, {"ReferenceInvoiceIdentifier", "ReferenceInvoiceIssueDateTime"},
                  {"ReferenceInvoiceIdentifier", "ReferenceInvoiceIssueDateTime"}) &&
           member(value, "ReferenceInvoiceIdentifier",
                  [this](const JsonValue& v) { return invoiceIdentifier(v); }) &&
           member(value, "ReferenceInvoiceIssueDateTime", [this](const JsonValue& v) { return dateTime(v); });
}

bool MessageSchema::referenceSalesBook(const JsonValue& value) {
    return object(value, {"ReferenceSalesBookIdentifier", "ReferenceSalesBookIssueDate"},
                  {"ReferenceSalesBookIdentifier", "ReferenceSalesBookIssueDate"}) &&
           member(value, "ReferenceSalesBookIdentifier",
                  [this](const JsonValue& v) { return salesBookIdentifier(v); }) &&
           member(value, "ReferenceSalesBookIssueDate",
                  [this](const JsonValue& v) { return dateOrDateTime(v); });
}

}  // namespace furs_sandbox
