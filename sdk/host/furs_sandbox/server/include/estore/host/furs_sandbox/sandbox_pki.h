#pragma once
// The sandbox's certificates, made with OpenSSL on first start in the state folder and kept there, so a
// host configured once against this CA keeps working across restarts. It plays MJU's Tax CA Test and
// FURS's certificates [SPEC32 §2, §2.3]:
//   ca.pem / ca.key            "CN=Tax CA Test Sandbox,O=state-institutions,C=SI" (self-signed)
//   server.pem / server.key    TLS server for 127.0.0.1, ::1 and localhost (subjectAltName IP and DNS)
//   signing.pem / signing.key  FURS's response signing: "CN=DavPotRacTEST+serialNumber=…,OU=systems,…"
//   issued/<serial>.pem        every company certificate issued, so S003/S004 can tell serials apart
//   revoked                    serials revoked through the sandbox (one a line): S007
// Every key is RSA 2048 in a 0600 file; the folder is 0700.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/issued_certificate.h"
#include "estore/host/furs_sandbox/rsa_key.h"

namespace furs_sandbox {

class SandboxPki {
public:
    static constexpr const char* kCaSubject = "CN=Tax CA Test Sandbox,O=state-institutions,C=SI";

    /// Loads the PKI from `stateDir`, making whatever is missing (a new CA also gets a new server and
    /// signing certificate; one that expires within a day is renewed). Throws std::runtime_error.
    explicit SandboxPki(std::filesystem::path stateDir);

    const std::filesystem::path& stateDir() const { return _stateDir; }
    std::filesystem::path caFile() const { return _stateDir / "ca.pem"; }
    std::filesystem::path serverCertificateFile() const { return _stateDir / "server.pem"; }
    std::filesystem::path serverKeyFile() const { return _stateDir / "server.key"; }

    const estore::host::X509Certificate& ca() const { return _ca; }
    const estore::host::X509Certificate& serverCertificate() const { return _server; }
    const estore::host::X509Certificate& signingCertificate() const { return _signing; }
    const RsaKey& signingKey() const { return _signingKey; }

    /// A company certificate valid from `notBeforeOffset` to `notAfterOffset` seconds from now, with a
    /// random 71-bit serial (beyond 64 bits on purpose: clients must carry it exactly, SPEC32 §9.5 shows
    /// a 96-bit one). Throws std::invalid_argument for a tax number that is not 8 digits without a
    /// leading zero (SCHEMA TaxNumberType) or a name that is empty or longer than 64 characters.
    IssuedCertificate issue(const std::string& taxNumber, const std::string& name,
                            std::int64_t notBeforeOffset, std::int64_t notAfterOffset);

    /// Whether this CA issued a company certificate with that decimal serial.
    bool issued(const std::string& serial) const;
    /// Marks a certificate revoked (S007 from then on, SPEC32 §4); false when the serial is unknown.
    bool revoke(const std::string& serial);
    bool revoked(const std::string& serial) const;

private:
    /// What the constructor loads or makes, before the members exist (they have no empty state).
    struct Materials {
        RsaKey caKey;
        estore::host::X509Certificate ca;
        estore::host::X509Certificate server;
        estore::host::X509Certificate signing;
        RsaKey signingKey;
    };

    SandboxPki(std::filesystem::path stateDir, Materials materials);
    static Materials loadOrCreate(const std::filesystem::path& stateDir);
    void loadRegistry();

    std::filesystem::path _stateDir;
    RsaKey _caKey;
    estore::host::X509Certificate _ca;
    estore::host::X509Certificate _server;
    estore::host::X509Certificate _signing;
    RsaKey _signingKey;
    mutable std::mutex _mutex;  // guards the two sets and the files behind them
    std::set<std::string> _issued;
    std::set<std::string> _revoked;
};

}  // namespace furs_sandbox
