#pragma once
// furs-sandbox: a local stand-in for FURS's fiscal verification service (JSON variant, SPEC32 v3.2), for
// tests and the demo. HTTPS with client certificates on a loopback address, its own test CA, FURS's
// error codes and signed answers, idempotent EORs, fault modes, and a /_sandbox/ control API.
// Every method is thread-safe and may be called while requests are served.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/furs_fault.h"
#include "estore/host/furs_sandbox/furs_sandbox_options.h"
#include "estore/host/furs_sandbox/invoice_record.h"
#include "estore/host/furs_sandbox/issued_certificate.h"
#include "estore/host/furs_sandbox/premise_record.h"
#include "estore/host/furs_sandbox/sandbox_stats.h"

namespace furs_sandbox {

class ControlApi;
class FaultSwitch;
class FiscalLedger;
class FursApi;
class FursServer;
class RequestCounter;
class SandboxPki;

class FursSandbox {
public:
    /// Loads or makes the PKI in options.stateDir and replays the ledger; the socket opens in start().
    /// Throws std::invalid_argument (no state folder, an address that is not loopback) or
    /// std::runtime_error (the state folder cannot be used).
    explicit FursSandbox(FursSandboxOptions options);
    ~FursSandbox();
    FursSandbox(const FursSandbox&) = delete;
    FursSandbox& operator=(const FursSandbox&) = delete;

    void start();
    void stop();
    bool running() const;
    unsigned short port() const;  ///< the bound port once started (also when options.port was 0)
    std::string baseUrl() const;  ///< "https://127.0.0.1:PORT"

    std::string stateDir() const;
    std::string caFile() const;  ///< <stateDir>/ca.pem: trust it for the TLS server and the answers
    estore::host::X509Certificate caCertificate() const;
    estore::host::X509Certificate serverCertificate() const;
    estore::host::X509Certificate signingCertificate() const;  ///< DavPotRacTEST, in every answer's "x5c"

    /// A company certificate like FURS's test ones [SPEC32 §2.3], valid for 5 years. Throws
    /// std::invalid_argument for a bad tax number (8 digits, no leading zero) or name (1-64 characters).
    IssuedCertificate issueCertificate(const std::string& taxNumber, const std::string& name);
    /// The same, but expired yesterday: TLS still takes it, messages get S008 [SPEC32 §4].
    IssuedCertificate issueExpiredCertificate(const std::string& taxNumber, const std::string& name);
    /// Messages signed with it get S007 from now on; false when the serial was not issued here.
    bool revokeCertificate(const std::string& serialDecimal);

    /// Applies to the next fault.count FURS requests (connections for "down"); replaces any active one.
    /// Throws std::invalid_argument for a count below -1 or a negative delay.
    void injectFault(const FursFault& fault);
    void clearFaults();
    std::optional<FursFault> activeFault() const;

    std::vector<InvoiceRecord> invoices() const;
    std::optional<InvoiceRecord> invoice(const std::string& taxNumber, const std::string& identifier) const;
    std::vector<PremiseRecord> premises() const;
    SandboxStats stats() const;
    void resetStats();

private:
    FursSandboxOptions _options;
    std::unique_ptr<SandboxPki> _pki;
    std::unique_ptr<FiscalLedger> _ledger;
    std::unique_ptr<FaultSwitch> _faults;
    std::unique_ptr<RequestCounter> _counter;
    std::unique_ptr<FursApi> _api;
    std::unique_ptr<ControlApi> _control;
    std::unique_ptr<FursServer> _server;
    mutable std::mutex _mutex;  // guards _server
};

}  // namespace furs_sandbox
