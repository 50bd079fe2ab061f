#pragma once
// FURS's fiscal verification service (davčno potrjevanje računov), JSON variant (SPEC32 §6–§9;
// ../shared/reference/furs-protocol.md): each message is a JWS signed RS256 with the company's FURS
// certificate, sent over TLS that presents the same certificate; each answer is a JWS signed by FURS,
// checked against FURS's certificate chain (fiscal.furs_ca_file) before anything in it is believed.
// One blocking call per message over a kept-alive connection; no thread of its own.
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "estore/host/fiscal/furs_message.h"
#include "estore/host_api/host_services.h"
#include "estore/sdk/http_client.h"

namespace estore::host {

class FiscalSigner;

struct FursSettings {
    /// FURS's test environment (SPEC32 §6.1). Production (https://blagajne.fu.gov.si:9003) is never
    /// chosen silently: it must be set in fiscal.furs_url.
    static constexpr const char* kTestUrl = "https://blagajne-test.fu.gov.si:9002";

    std::string baseUrl = kTestUrl;
    std::string caFile;    ///< FURS's CA chain (SIGOV-CA, SI-TRUST Root): its TLS and its answers' signatures
    int timeoutMs = 3000;  ///< FURS should answer within a few seconds (furs-protocol.md §4)
    std::string problem;   ///< set when a setting cannot be used; names the key

    /// fiscal.furs_url, fiscal.furs_ca_file, fiscal.furs_timeout_ms.
    static FursSettings from(host_api::Config& config);
};

enum class FursStatus {
    Accepted,    ///< FURS took the message (an invoice: with its EOR)
    Refused,     ///< FURS answered with an error (S001–S100)
    NotReached,  ///< no answer: unreachable, timed out, dropped, TLS refused
    BadAnswer,   ///< an answer that is not FURS's: not JSON, not signed by FURS, another message's
};

struct FursAnswer {
    FursStatus status = FursStatus::NotReached;
    std::string eor;           ///< Accepted invoice: UniqueInvoiceID, a UUID
    std::string errorCode;     ///< Refused: "S006" …
    std::string errorMessage;  ///< Refused: FURS's own text (Slovenian)
    std::string detail;        ///< what happened, for the activity log; never a secret

    bool accepted() const { return status == FursStatus::Accepted; }
};

class FursClient {
public:
    FursClient(FursSettings settings, const FiscalSigner& signer);
    ~FursClient();

    FursAnswer echo();
    FursAnswer registerPremise(const FursPremise& premise);
    FursAnswer submitInvoice(const FursInvoice& invoice);

private:
    sdk::HttpResult post(const std::string& path, const std::string& body);
    static std::optional<FursAnswer> undelivered(const sdk::HttpResult& result);
    FursAnswer sendSigned(const std::string& path,
                          const std::function<std::string(const FursHeader&)>& payload,
                          const char* responseKey);
    /// The JWS header of every message: the certificate's identity (SPEC32 §8.1).
    static std::string protectedHeader(const FiscalSigner& signer);
    FursAnswer readAnswer(const std::string& body, const FursHeader& header, const char* responseKey) const;

    FursSettings _settings;
    const FiscalSigner& _signer;
    std::string _protectedHeader;
    std::unique_ptr<sdk::HttpClient> _http;
};

}  // namespace estore::host
