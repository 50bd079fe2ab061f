#pragma once
// Signs ZOI inputs and FURS messages with the company's FURS certificate key (RSA-SHA256, PKCS #1 v1.5,
// which is deterministic: the same input always gives the same ZOI, so an invoice's ZOI can be
// re-checked). The key is read from the .p12 file FURS issues (with its password) or from PEM files named
// in host configuration, and lives only in this object; it is never written to a log, a message or an
// invoice.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include <openssl/types.h>

#include "estore/host_api/host_services.h"

namespace estore::host {

/// A fiscal key or certificate that cannot be used; the message names the configuration key to fix.
class FiscalConfigError : public std::runtime_error {
public:
    /// what() holds both languages, for a log; message() each, for a person's one.
    FiscalConfigError(std::string configKey, host_api::Text message)
        : std::runtime_error(message.sl + " / " + message.en),
          _configKey(std::move(configKey)),
          _message(std::move(message)) {}
    const std::string& configKey() const { return _configKey; }
    const host_api::Text& message() const { return _message; }

private:
    std::string _configKey;
    host_api::Text _message;
};

class FiscalSigner {
public:
    /// Reads the certificate and the private key and checks that they belong together. certificatePath
    /// is either FURS's PKCS #12 file (.p12 or .pfx: certificate and key in one, opened with keyPassword;
    /// keyPath is not used) or a PEM certificate with its PEM key in keyPath (optionally encrypted with
    /// keyPassword). Throws FiscalConfigError naming fiscal.certificate, fiscal.private_key or
    /// fiscal.key_password.
    static std::unique_ptr<FiscalSigner> load(const std::string& certificatePath, const std::string& keyPath,
                                              const std::string& keyPassword);
    /// load() of the files host configuration names: fiscal.certificate, fiscal.private_key,
    /// fiscal.key_password.
    static std::unique_ptr<FiscalSigner> fromConfig(host_api::Config& config);
    ~FiscalSigner();

    FiscalSigner(const FiscalSigner&) = delete;
    FiscalSigner& operator=(const FiscalSigner&) = delete;

    /// The RSA-SHA256 signature of the bytes.
    std::string sign(const std::string& data) const;
    /// The ZOI: lower-case MD5 hex of sign(zoiInput), 32 characters.
    std::string zoi(const std::string& zoiInput) const;
    /// The certificate's subject, for messages ("CN=…, O=…"); never anything secret.
    const std::string& subject() const { return _subject; }
    /// The certificate (no key), PEM.
    std::string certificatePem() const;
    /// For the TLS client authentication FURS requires; owned by this object.
    X509* nativeCertificate() const;
    EVP_PKEY* nativeKey() const;

    /// Lower-case MD5 hex of the bytes.
    static std::string md5Hex(const std::string& data);

    struct Keys;  ///< the OpenSSL objects, opaque here

private:
    explicit FiscalSigner(std::unique_ptr<Keys> keys, std::string subject);

    std::unique_ptr<Keys> _keys;
    std::string _subject;
};

}  // namespace estore::host
