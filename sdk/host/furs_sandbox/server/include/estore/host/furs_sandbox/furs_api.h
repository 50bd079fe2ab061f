#pragma once
// FURS's JSON service as the sandbox plays it [SPEC32 §6.1, §8, §9]: echo, business premise and invoice,
// each a POST; the last two carry {"token":"<JWS>"} and are answered with a JWS signed by the sandbox's
// DavPotRacTEST certificate, errors included (HTTP 200, "Error" in place of the result, SPEC32 §9.6).
// Checks, in this order: client certificate (401 HTML without one); JWS framing, "alg", "serial" and
// signature (S003; S004 for a serial the CA never issued); revoked or expired certificate (S007, S008);
// FURS's JSON schema (S002, naming the field); the tax number against the certificate's (S005); for an
// invoice, the premise registered and not closed (S006).
#include <cstddef>
#include <string>

#include "estore/host/furs_sandbox/fault_switch.h"
#include "estore/host/furs_sandbox/fiscal_ledger.h"
#include "estore/host/furs_sandbox/furs_reply.h"
#include "estore/host/furs_sandbox/furs_request.h"
#include "estore/host/furs_sandbox/json_value.h"
#include "estore/host/furs_sandbox/request_counter.h"
#include "estore/host/furs_sandbox/response_signer.h"
#include "estore/host/furs_sandbox/sandbox_pki.h"

namespace furs_sandbox {

class FursApi {
public:
    static constexpr const char* kEchoPath = "/v1/cash_registers/echo";
    static constexpr const char* kPremisePath = "/v1/cash_registers/invoices/register";
    static constexpr const char* kInvoicePath = "/v1/cash_registers/invoices";
    static constexpr std::size_t kMaxBody = 4 << 20;

    FursApi(SandboxPki& pki, FiscalLedger& ledger, FaultSwitch& faults, RequestCounter& counter);

    /// Answers one request to a path outside /_sandbox/, applying the active fault.
    FursReply handle(const FursRequest& request);

private:
    enum class Kind { Echo, Premise, Invoice };

    FursReply serve(const FursRequest& request, Kind kind, bool refuseSignature) const;
    FursReply echo(const std::string& body) const;
    FursReply signedMessage(const FursRequest& request, Kind kind, bool refuseSignature) const;
    FursReply registerPremise(const JsonValue& request, const std::string& messageId,
                              const estore::host::X509Certificate& certificate) const;
    FursReply submitInvoice(const JsonValue& request, const std::string& messageId,
                            const estore::host::X509Certificate& certificate) const;
    FursReply refusal(Kind kind, const std::string& messageId, const std::string& code,
                      const std::string& message) const;
    std::string header(const std::string& messageId, const std::string& dateTime) const;
    static FursReply html(int status, const std::string& body, const std::string& outcome);

    SandboxPki& _pki;
    FiscalLedger& _ledger;
    FaultSwitch& _faults;
    RequestCounter& _counter;
    ResponseSigner _signer;
};

}  // namespace furs_sandbox
