#pragma once
// FURS's JSON schema for the two signed requests [SCHEMA FiscalVerificationSchema.json (draft-04), with
// VendingMachine from SPEC32 v2.9; the field tables of SPEC32 §3.1.1 and §3.2.1], checked by hand so
// the first violation can be named. Where the schema is looser than the spec's tables, the sandbox
// follows the tables (README.md "Choices"): MessageID is exactly a UUID, date-times are
// "YYYY-MM-DDTHH:MM:SS" without a zone, InvoiceNumber is digits without a leading zero, ProtectedID is
// 32 lower-case hex digits, tax numbers are JSON integers written without a fraction or exponent.
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estore/host/furs_sandbox/json_value.h"
#include "estore/host/furs_sandbox/schema_violation.h"

namespace furs_sandbox {

class MessageSchema {
public:
    enum class Message { BusinessPremise, Invoice };

    /// The first place where `root` breaks the schema of that request, or nullopt. The root object may
    /// hold nothing but {"BusinessPremiseRequest":…} or {"InvoiceRequest":…} respectively.
    static std::optional<SchemaViolation> check(const JsonValue& root, Message message);
    /// 8-4-4-4-12 hex digits, 36 characters: a MessageID or an EOR [SPEC32 R_1.0; SCHEMA].
    static bool isUuid(std::string_view text);

private:
    using Check = std::function<bool(const JsonValue&)>;
    using Names = std::initializer_list<std::string_view>;

    bool fail(const std::string& reason);
    bool failAt(std::string_view name, const std::string& reason);
    bool member(const JsonValue& object, std::string_view name, const Check& check);
    bool object(const JsonValue& value, Names allowed, Names required);
    bool exactlyOne(const JsonValue& object, Names names);
    bool array(const JsonValue& value, std::size_t minItems, std::size_t maxItems, const Check& item);
    bool list(const JsonValue& object, std::string_view name, bool (MessageSchema::*item)(const JsonValue&));

    bool text(const JsonValue& value, std::size_t minLength, std::size_t maxLength);
    bool identifierText(const JsonValue& value);
    bool invoiceNumber(const JsonValue& value);
    bool uuid(const JsonValue& value);
    bool protectedId(const JsonValue& value);
    bool dateTime(const JsonValue& value);
    bool dateOrDateTime(const JsonValue& value);
    bool oneOf(const JsonValue& value, Names values);
    bool boolean(const JsonValue& value);
    bool taxNumber(const JsonValue& value);
    bool amount(const JsonValue& value);
    bool taxRate(const JsonValue& value);
    bool wholeNumber(const JsonValue& value, std::size_t maxDigits);
    bool coordinate(const JsonValue& value, std::size_t maxIntegerDigits);

    bool header(const JsonValue& value);
    bool premiseRequest(const JsonValue& value);
    bool premise(const JsonValue& value);
    bool premiseIdentifier(const JsonValue& value);
    bool realEstate(const JsonValue& value);
    bool address(const JsonValue& value);
    bool vendingMachine(const JsonValue& value);
    bool softwareSupplier(const JsonValue& value);
    bool invoiceRequest(const JsonValue& value);
    bool invoice(const JsonValue& value);
    bool salesBookInvoice(const JsonValue& value);
    bool invoiceContent(const JsonValue& value);
    bool invoiceIdentifier(const JsonValue& value);
    bool salesBookIdentifier(const JsonValue& value);
    bool taxesPerSeller(const JsonValue& value);
    bool vat(const JsonValue& value);
    bool flatRate(const JsonValue& value);
    bool referenceInvoice(const JsonValue& value);
    bool referenceSalesBook(const JsonValue& value);

    std::string path() const;

    std::vector<std::string> _path;
    std::optional<SchemaViolation> _violation;
};

}  // namespace furs_sandbox
