#include "estore/host/furs_sandbox/furs_api.h"

#include <Poco/UUIDGenerator.h>

#include <chrono>
#include <ctime>

#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/fiscal/jws.h"
#include "estore/host/furs_sandbox/html_pages.h"
#include "estore/host/furs_sandbox/json_reader.h"
#include "estore/host/furs_sandbox/json_text.h"
#include "estore/host/furs_sandbox/message_schema.h"

namespace furs_sandbox {

namespace {

using estore::host::X509Certificate;

// FURS's error texts [SPEC32 §4]; the sandbox may add what exactly was wrong in parentheses.
const std::string kSchemaError = "Sporočilo ni v skladu s shemo JSON";
const std::string kSignatureError = "Digitalni podpis ni ustrezen";
const std::string kSerialError = "Identifikator digitalnega potrdila ni ustrezen";
const std::string kTaxNumberError =
    "Davčna številka v sporočilu ni enaka davčni številki iz digitalnega potrdila";
const std::string kPremiseError = "Podatki o poslovnem prostoru niso posredovani";
const std::string kRevokedError = "Digitalno potrdilo je preklicano";
const std::string kExpiredError = "Digitalnemu potrdilu je potekla veljavnost";
const std::string kSystemError = "Sistemska napaka pri obdelavi sporočila";

/// The answer's DateTime: Slovenian wall-clock time as in SPEC32 §9.3 ("2020-06-15T15:12:41").
std::string nowLocal() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return estore::host::FiscalCode::ljubljanaTime(
               std::chrono::duration_cast<std::chrono::milliseconds>(now).count())
        .isoForm();
}

std::string newUuid() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

const JsonValue* at(const JsonValue* value, std::initializer_list<std::string_view> path) {
    for (const std::string_view name : path) {
        if (!value) return nullptr;
        value = value->find(name);
    }
    return value;
}

/// A decimal serial from the header: a JSON number as FURS's examples have it [SPEC32 §8.1], or a
/// string of digits (furs-protocol.md §6: how strict FURS is here is unconfirmed; the sandbox is
/// lenient). Leading zeros dropped; "" when neither.
std::string headerSerial(const JsonValue& header) {
    const JsonValue* serial = header.find("serial");
    if (!serial || !(serial->isNumber() || serial->isString()) || serial->text.empty()) return {};
    for (const char c : serial->text)
        if (c < '0' || c > '9') return {};
    const std::size_t first = serial->text.find_first_not_of('0');
    return first == std::string::npos ? "0" : serial->text.substr(first);
}

std::string requestRoot(bool premise) {
    return premise ? "BusinessPremiseRequest" : "InvoiceRequest";
}

}  // namespace

FursApi::FursApi(SandboxPki& pki, FiscalLedger& ledger, FaultSwitch& faults, RequestCounter& counter)
    : _pki(pki),
      _ledger(ledger),
      _faults(faults),
      _counter(counter),
      _signer(pki.signingKey(), pki.signingCertificate()) {}

FursReply FursApi::handle(const FursRequest& request) {
    const bool echoPath = request.path == kEchoPath;
    const bool premisePath = request.path == kPremisePath;
    const bool invoicePath = request.path == kInvoicePath;
    const std::string statsPath = echoPath || premisePath || invoicePath ? request.path : "other";
    FursReply reply;
    if (statsPath == "other" || request.method != "POST" || request.body.size() > kMaxBody) {
        // FURS's firewall answers what its services do not take with its block page (furs-protocol.md §4).
        reply = html(200, HtmlPages::requestRejected(), "rejected");
    } else {
        const Kind kind = echoPath ? Kind::Echo : premisePath ? Kind::Premise : Kind::Invoice;
        const std::optional<FursFault> fault = _faults.takeForRequest();
        if (fault) {
            _counter.countFault(FursFault::modeName(fault->mode));
            if (fault->delayMs > 0) _faults.sleep(fault->delayMs);
        }
        const auto active = [&fault](FaultMode mode) { return fault && fault->mode == mode; };
        if (active(FaultMode::Error500)) {
            reply = html(500, HtmlPages::serverError(), "error500");
        } else if (active(FaultMode::Malformed)) {
            reply = html(200, HtmlPages::requestRejected(), "malformed");
        } else if (active(FaultMode::Down)) {
            reply.closeWithoutAnswer = true;
            reply.outcome = "down";
        } else {
            reply = serve(request, kind, active(FaultMode::RefuseSignature));
            if (active(FaultMode::LoseAnswer)) {
                reply.closeWithoutAnswer = true;  // processed and recorded: only the answer is lost
                reply.outcome = "lose_answer";
            }
        }
    }
    _counter.countRequest(statsPath, reply.outcome);
    return reply;
}

FursReply FursApi::serve(const FursRequest& request, Kind kind, bool refuseSignature) const {
    // Two-way TLS [SPEC32 §2]: without a certificate FURS's services are not reached at all.
    if (!request.clientCertificate)
        return html(401, HtmlPages::noClientCertificate(), "no_client_certificate");
    if (kind == Kind::Echo) return echo(request.body);
    try {
        return signedMessage(request, kind, refuseSignature);
    } catch (const std::exception&) {
        return refusal(kind, newUuid(), "S100", kSystemError);
    }
}

FursReply FursApi::echo(const std::string& body) const {
    // SPEC32 §9.7-9.8: {"EchoRequest":"furs"} → {"EchoResponse":"furs"}, unsigned.
    const std::optional<JsonValue> request = JsonReader::parse(body);
    FursReply reply;
    if (request && request->isObject() && request->members.size() == 1 && request->find("EchoRequest") &&
        request->find("EchoRequest")->isString()) {
        reply.body = "{\"EchoResponse\":" + JsonText::quote(request->stringAt("EchoRequest")) + "}";
        reply.outcome = "ok";
        return reply;
    }
    const SchemaViolation violation{
        "EchoRequest",
        request && request->isObject() && !request->find("EchoRequest") ? "manjka" : "neveljavna vrednost"};
    reply.body =
        "{\"Error\":{\"ErrorCode\":\"S002\",\"ErrorMessage\":" + JsonText::quote(violation.message()) + "}}";
    reply.outcome = "S002";
    return reply;
}

FursReply FursApi::signedMessage(const FursRequest& request, Kind kind, bool refuseSignature) const {
    const bool premise = kind == Kind::Premise;
    const X509Certificate& certificate = *request.clientCertificate;
    std::string messageId;

    // {"token":"<JWS>"} [SPEC32 §8].
    const std::optional<JsonValue> body = JsonReader::parse(request.body);
    const JsonValue* token = body ? body->find("token") : nullptr;
    if (!token || !token->isString()) {
        const SchemaViolation violation{"token", token ? "ni besedilo" : "manjka"};
        return refusal(kind, newUuid(), "S002", violation.message());
    }
    const std::optional<estore::host::JwsParts> jws = estore::host::parseCompactJws(token->text);
    if (!jws) return refusal(kind, newUuid(), "S003", kSignatureError + " (JWS ni v kompaktni obliki)");

    // The answer repeats the request's MessageID [SPEC32 §3.1.5] whenever it can be read.
    const std::optional<JsonValue> payload = JsonReader::parse(jws->payload);
    if (payload) {
        const JsonValue* id = at(&*payload, {requestRoot(premise), "Header", "MessageID"});
        if (id && id->isString() && MessageSchema::isUuid(id->text)) messageId = id->text;
    }
    if (messageId.empty()) messageId = newUuid();
    if (refuseSignature) return refusal(kind, messageId, "S003", kSignatureError);

    // JWS header [SPEC32 §8.1]: RS256 by the certificate the TLS connection presented.
    const std::optional<JsonValue> header = JsonReader::parse(jws->headerJson);
    if (!header || !header->isObject())
        return refusal(kind, messageId, "S003", kSignatureError + " (glava JWS)");
    if (header->stringAt("alg") != "RS256")
        return refusal(kind, messageId, "S003", kSignatureError + " (alg)");
    const std::string serial = headerSerial(*header);
    const std::string certificateSerial = certificate.serialDecimal();
    if (serial != certificateSerial) {
        if (!serial.empty() && !_pki.issued(serial))
            return refusal(kind, messageId, "S004", kSerialError + " (serial " + serial + ")");
        return refusal(kind, messageId, "S003", kSignatureError + " (serial)");
    }
    if (!certificate.verifyRs256(jws->signingInput, jws->signature))
        return refusal(kind, messageId, "S003", kSignatureError);
    if (_pki.revoked(certificateSerial)) return refusal(kind, messageId, "S007", kRevokedError);
    const std::int64_t now = std::time(nullptr);
    if (certificate.notAfterEpochSeconds() < now || certificate.notBeforeEpochSeconds() > now)
        return refusal(kind, messageId, "S008", kExpiredError);

    // FURS's JSON schema [SPEC32 §3.1.2, §3.2.2].
    if (!payload)
        return refusal(kind, messageId, "S002", SchemaViolation{requestRoot(premise), "ni JSON"}.message());
    const std::optional<SchemaViolation> violation = MessageSchema::check(
        *payload, premise ? MessageSchema::Message::BusinessPremise : MessageSchema::Message::Invoice);
    if (violation) return refusal(kind, messageId, "S002", violation->message());

    const JsonValue& message = *payload->find(requestRoot(premise));
    return premise ? registerPremise(message, messageId, certificate)
                   : submitInvoice(message, messageId, certificate);
}

FursReply FursApi::registerPremise(const JsonValue& request, const std::string& messageId,
                                   const X509Certificate& certificate) const {
    const JsonValue& premise = *request.find("BusinessPremise");
    PremiseRecord record;
    record.taxNumber = premise.find("TaxNumber")->text;
    if (record.taxNumber != certificate.taxNumber())
        return refusal(Kind::Premise, messageId, "S005", kTaxNumberError);
    record.premiseId = premise.stringAt("BusinessPremiseID");
    const JsonValue* identifier = premise.find("BPIdentifier");
    record.kind = identifier->members.front().first;
    record.validityDate = premise.stringAt("ValidityDate");
    record.closed = premise.stringAt("ClosingTag") == "Z";
    const std::string now = nowLocal();
    _ledger.registerPremise(record, messageId, now);
    // SPEC32 §3.2.4, §9.5: the header alone.
    FursReply reply;
    reply.body = _signer.body("{\"BusinessPremiseResponse\":{\"Header\":" + header(messageId, now) + "}}");
    reply.outcome = "ok";
    return reply;
}

FursReply FursApi::submitInvoice(const JsonValue& request, const std::string& messageId,
                                 const X509Certificate& certificate) const {
    const bool salesBook = request.find("SalesBookInvoice") != nullptr;
    const JsonValue& invoice = *request.find(salesBook ? "SalesBookInvoice" : "Invoice");
    InvoiceRecord record;
    record.taxNumber = invoice.find("TaxNumber")->text;
    if (record.taxNumber != certificate.taxNumber())
        return refusal(Kind::Invoice, messageId, "S005", kTaxNumberError);
    record.salesBook = salesBook;
    if (salesBook) {
        const JsonValue& book = *invoice.find("SalesBookIdentifier");
        record.premiseId = invoice.stringAt("BusinessPremiseID");
        record.invoiceNumber = book.stringAt("InvoiceNumber");
        record.identifier = record.premiseId + "-" + book.stringAt("SetNumber") + "-" +
                            book.stringAt("SerialNumber") + "-" + record.invoiceNumber;
        record.issueDateTime = invoice.stringAt("IssueDate");
    } else {
        const JsonValue& identifier = *invoice.find("InvoiceIdentifier");
        record.premiseId = identifier.stringAt("BusinessPremiseID");
        record.deviceId = identifier.stringAt("ElectronicDeviceID");
        record.invoiceNumber = identifier.stringAt("InvoiceNumber");
        record.identifier = record.premiseId + "-" + record.deviceId + "-" + record.invoiceNumber;
        record.issueDateTime = invoice.stringAt("IssueDateTime");
        record.protectedId = invoice.stringAt("ProtectedID");
    }
    // SPEC32 §4 S006: the premise must have been registered, and not closed, by this taxpayer.
    if (!_ledger.premiseOpen(record.taxNumber, record.premiseId))
        return refusal(Kind::Invoice, messageId, "S006", kPremiseError + " (" + record.premiseId + ")");
    record.invoiceAmount = invoice.find("InvoiceAmount")->text;
    record.paymentAmount = invoice.find("PaymentAmount")->text;
    const JsonValue* subsequent = invoice.find("SubsequentSubmit");
    const std::string now = nowLocal();
    const std::string eor = _ledger.submitInvoice(record, messageId, subsequent && subsequent->boolean, now);
    // SPEC32 §3.1.5, §9.3: the EOR is UniqueInvoiceID.
    FursReply reply;
    reply.body = _signer.body("{\"InvoiceResponse\":{\"Header\":" + header(messageId, now) +
                              ",\"UniqueInvoiceID\":" + JsonText::quote(eor) + "}}");
    reply.outcome = "ok";
    return reply;
}

FursReply FursApi::refusal(Kind kind, const std::string& messageId, const std::string& code,
                           const std::string& message) const {
    // SPEC32 §3.1.5, §9.6: "Error" in place of the result, signed like any answer, HTTP status 200 (the
    // status FURS sends with errors is unconfirmed, furs-protocol.md §4).
    const std::string root = kind == Kind::Premise ? "BusinessPremiseResponse" : "InvoiceResponse";
    FursReply reply;
    reply.body = _signer.body("{\"" + root + "\":{\"Header\":" + header(messageId, nowLocal()) +
                              ",\"Error\":{\"ErrorCode\":" + JsonText::quote(code) +
                              ",\"ErrorMessage\":" + JsonText::quote(message) + "}}}");
    reply.outcome = code;
    return reply;
}

std::string FursApi::header(const std::string& messageId, const std::string& dateTime) const {
    return "{\"MessageID\":" + JsonText::quote(messageId) + ",\"DateTime\":" + JsonText::quote(dateTime) +
           "}";
}

FursReply FursApi::html(int status, const std::string& body, const std::string& outcome) {
    FursReply reply;
    reply.status = status;
    reply.contentType = FursReply::kHtml;
    reply.body = body;
    reply.outcome = outcome;
    return reply;
}

}  // namespace furs_sandbox
