#include "estore/host/fiscal/furs_client.h"

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/String.h>
#include <openssl/ssl.h>

#include <regex>
#include <sstream>

#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/jws.h"
#include "estore/host/fiscal/x509_certificate.h"
#include "estore/sdk/http_client.h"
#include "estore/sdk/int_setting.h"

namespace estore::host {

namespace {

using Poco::JSON::Object;

// SPEC32 §6.1.
constexpr const char* kEchoPath = "/v1/cash_registers/echo";
constexpr const char* kPremisePath = "/v1/cash_registers/invoices/register";
constexpr const char* kInvoicePath = "/v1/cash_registers/invoices";

FursAnswer fail(FursStatus status, std::string detail) {
    FursAnswer answer;
    answer.status = status;
    answer.detail = std::move(detail);
    return answer;
}

Object::Ptr parseObject(const std::string& text) {
    return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

/// FURS's header carries the certificate serial as a JSON number that exceeds 64 bits
/// ("serial":64766398760318685497656163882 in SPEC32 §9.5), which Poco's parser refuses; only alg and x5c
/// are read from it, so the serial is quoted as text first.
std::string withQuotedSerial(const std::string& headerJson) {
    static const std::regex serial(R"re(("serial"\s*:\s*)(-?\d+))re");
    return std::regex_replace(headerJson, serial, "$1\"$2\"");
}

std::string base64Decoded(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    return std::string(std::istreambuf_iterator<char>(decoder), {});
}

/// The certificate that signed FURS's answer: the first of the header's x5c (SPEC32 §8.1), trusted only
/// when it chains to FURS's CA and is FURS's signing certificate (CN=DavPotRac, DavPotRacTEST on test).
std::optional<std::string> untrustedSigner(const Object::Ptr& header, const std::string& caFile,
                                           std::optional<X509Certificate>& signer) {
    if (caFile.empty())
        return "fiscal.furs_ca_file is not set, so FURS's signature on the answer cannot be checked";
    const auto chain = header->getArray("x5c");
    if (!chain || chain->size() == 0) return "the answer's header has no x5c certificate";
    signer = X509Certificate::fromDer(base64Decoded(chain->getElement<std::string>(0)));
    std::string why;
    if (!signer->chainsTo(caFile, &why)) return "the answer's certificate is not FURS's: " + why;
    if (signer->subjectRfc2253().rfind("CN=DavPotRac", 0) != 0)
        return "the answer is signed by " + signer->subjectRfc2253() + ", not by FURS's signing certificate";
    return std::nullopt;
}

}  // namespace

FursSettings FursSettings::from(host_api::Config& config) {
    FursSettings settings;
    if (auto url = config.get("fiscal.furs_url"); url && !url->empty()) settings.baseUrl = *url;
    settings.caFile = config.get("fiscal.furs_ca_file").value_or("");
    const sdk::IntSetting timeout =
        sdk::readIntSetting(&config, "fiscal.furs_timeout_ms", settings.timeoutMs);
    if (!timeout.ok())
        settings.problem = timeout.problem->sl + " / " + timeout.problem->en;
    else if (timeout.value < 100 || timeout.value > 60000)
        settings.problem =
            "fiscal.furs_timeout_ms mora biti med 100 in 60000. / fiscal.furs_timeout_ms must be "
            "between 100 and 60000.";
    else
        settings.timeoutMs = static_cast<int>(timeout.value);
    if (settings.baseUrl.rfind("https://", 0) != 0)
        settings.problem =
            "fiscal.furs_url mora biti naslov https:// (FURS sprejema le TLS). / fiscal.furs_url "
            "must be an https:// address (FURS accepts TLS only).";
    return settings;
}

FursClient::FursClient(FursSettings settings, const FiscalSigner& signer)
    : _settings(std::move(settings)), _signer(signer), _protectedHeader(protectedHeader(signer)) {}

FursClient::~FursClient() = default;

FursAnswer FursClient::echo() {
    if (!_settings.problem.empty()) return fail(FursStatus::NotReached, _settings.problem);
    const sdk::HttpResult result = post(kEchoPath, FursMessage::echoRequest());
    if (auto problem = undelivered(result)) return *problem;
    try {
        if (parseObject(result.response.body)->optValue<std::string>("EchoResponse", "") == "furs")
            return {FursStatus::Accepted, "", "", "", "FURS answered the echo"};
    } catch (const std::exception&) {
    }
    return fail(FursStatus::BadAnswer, "the echo's answer is not {\"EchoResponse\":\"furs\"}");
}

FursAnswer FursClient::registerPremise(const FursPremise& premise) {
    return sendSigned(
        kPremisePath,
        [&premise](const FursHeader& header) { return FursMessage::premiseRequest(header, premise); },
        "BusinessPremiseResponse");
}

FursAnswer FursClient::submitInvoice(const FursInvoice& invoice) {
    FursAnswer answer = sendSigned(
        kInvoicePath,
        [&invoice](const FursHeader& header) { return FursMessage::invoiceRequest(header, invoice); },
        "InvoiceResponse");
    if (answer.accepted() && answer.eor.size() != 36)
        return fail(FursStatus::BadAnswer, "FURS's answer has no UniqueInvoiceID (EOR)");
    return answer;
}

std::string FursClient::protectedHeader(const FiscalSigner& signer) {
    // SPEC32 §8.1: alg plus the certificate's subject, issuer and serial (a decimal JSON number).
    const X509Certificate certificate = X509Certificate::fromNative(signer.nativeCertificate());
    Object header(Poco::JSON_PRESERVE_KEY_ORDER);
    header.set("alg", "RS256");
    header.set("subject_name", certificate.subjectRfc2253());
    header.set("issuer_name", certificate.issuerRfc2253());
    std::ostringstream out;
    header.stringify(out);
    std::string text = out.str();
    text.insert(text.size() - 1, ",\"serial\":" + certificate.serialDecimal());
    return text;
}

FursAnswer FursClient::sendSigned(const std::string& path,
                                  const std::function<std::string(const FursHeader&)>& payload,
                                  const char* responseKey) {
    if (!_settings.problem.empty()) return fail(FursStatus::NotReached, _settings.problem);
    for (int attempt = 0;; ++attempt) {
        // A new header for every message, a resend included (R_1.0).
        const FursHeader header = FursHeader::now();
        const std::string token =
            compactJws(_protectedHeader, payload(header),
                       [this](const std::string& input) { return _signer.sign(input); });
        const bool reused = _http && _http->reusingConnection();
        const sdk::HttpResult result = post(path, "{\"token\":\"" + token + "\"}");
        // A kept-alive connection FURS closed while idle: the same message once more as a new one, on a
        // new connection. FURS knows an invoice by its identifier, so a resend cannot make a second one.
        if (reused && attempt == 0 && result.failure == sdk::TransportFailure::Dropped) continue;
        if (auto problem = undelivered(result)) return *problem;
        return readAnswer(result.response.body, header, responseKey);
    }
}

sdk::HttpResult FursClient::post(const std::string& path, const std::string& body) {
    if (!_http) {
        sdk::HttpClientOptions options;
        options.timeoutMs = options.connectTimeoutMs = _settings.timeoutMs;
        options.caFile = _settings.caFile;
        const FiscalSigner& signer = _signer;
        options.tlsSetup = [&signer](Poco::Net::Context& context) {
            // FURS knows the company by the certificate its TLS presents (SPEC32 §2).
            SSL_CTX_use_certificate(context.sslContext(), signer.nativeCertificate());
            SSL_CTX_use_PrivateKey(context.sslContext(), signer.nativeKey());
        };
        // Kept alive between messages: a mutual TLS handshake costs more than a message.
        options.resendOnStaleConnection = false;  // sendSigned resends, as a new message
        _http = std::make_unique<sdk::HttpClient>(_settings.baseUrl, options);
    }
    sdk::HttpRequest request;
    request.method = "POST";
    request.target = path;
    request.body = body;
    request.contentType = "application/json; charset=UTF-8";
    return _http->send(request);
}

std::optional<FursAnswer> FursClient::undelivered(const sdk::HttpResult& result) {
    if (!result.delivered())
        return fail(FursStatus::NotReached,
                    std::string(sdk::transportFailureName(result.failure)) + ": " + result.detail);
    // Errors come inside a signed answer with 200; any other status is not FURS's answer to this message
    // (a firewall's page, a proxy's error), so nothing is known of the message's fate (§4).
    if (result.response.status != 200)
        return fail(FursStatus::BadAnswer,
                    "HTTP " + std::to_string(result.response.status) + " without FURS's answer");
    return std::nullopt;
}

FursAnswer FursClient::readAnswer(const std::string& body, const FursHeader& header,
                                  const char* responseKey) const {
    try {
        const auto token = parseObject(body)->optValue<std::string>("token", "");
        const auto jws = parseCompactJws(token);
        if (!jws) return fail(FursStatus::BadAnswer, "the answer is not a JWS token");
        const Object::Ptr jwsHeader = parseObject(withQuotedSerial(jws->headerJson));
        if (jwsHeader->optValue<std::string>("alg", "") != "RS256")
            return fail(FursStatus::BadAnswer, "the answer is not signed RS256");
        std::optional<X509Certificate> signer;
        if (auto why = untrustedSigner(jwsHeader, _settings.caFile, signer))
            return fail(FursStatus::BadAnswer, *why);
        if (!signer->verifyRs256(jws->signingInput, jws->signature))
            return fail(FursStatus::BadAnswer, "FURS's signature on the answer does not verify");
        const Object::Ptr response = parseObject(jws->payload)->getObject(responseKey);
        if (!response) return fail(FursStatus::BadAnswer, std::string("the answer has no ") + responseKey);
        const Object::Ptr answerHeader = response->getObject("Header");
        if (!answerHeader || answerHeader->optValue<std::string>("MessageID", "") != header.messageId)
            return fail(FursStatus::BadAnswer, "the answer is to another message (MessageID differs)");
        if (const Object::Ptr error = response->getObject("Error")) {
            FursAnswer refused;
            refused.status = FursStatus::Refused;
            // Codes appear as "s001" and "S002" (SPEC32 §3.1.5, §9.6).
            refused.errorCode = Poco::toUpper(error->optValue<std::string>("ErrorCode", ""));
            refused.errorMessage = error->optValue<std::string>("ErrorMessage", "");
            refused.detail = "FURS " + refused.errorCode + ": " + refused.errorMessage;
            return refused;
        }
        FursAnswer accepted;
        accepted.status = FursStatus::Accepted;
        accepted.eor = response->optValue<std::string>("UniqueInvoiceID", "");
        accepted.detail = accepted.eor.empty() ? "FURS accepted the message" : "EOR " + accepted.eor;
        return accepted;
    } catch (const std::exception& e) {
        return fail(FursStatus::BadAnswer, std::string("the answer cannot be read: ") + e.what());
    }
}

}  // namespace estore::host
