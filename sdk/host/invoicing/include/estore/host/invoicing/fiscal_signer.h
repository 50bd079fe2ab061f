#pragma once
// Signs ZOI inputs with the company's FURS certificate key (RSA-SHA256, PKCS #1 v1.5, which is
// deterministic: the same input always gives the same ZOI, so an invoice's ZOI can be re-checked).
// The key is read from PEM files named in host configuration and lives only in this object; it is never
// written to a log, a message or an invoice.
#include <memory>
#include <stdexcept>
#include <string>

namespace estore::host {

/// A fiscal key or certificate that cannot be used; the message names the configuration key to fix.
class FiscalConfigError : public std::runtime_error {
public:
    FiscalConfigError(std::string configKey, const std::string& message)
        : std::runtime_error(message), _configKey(std::move(configKey)) {}
    const std::string& configKey() const { return _configKey; }

private:
    std::string _configKey;
};

class FiscalSigner {
public:
    /// Reads the certificate and the private key (optionally password-protected) and checks that they
    /// belong together. Throws FiscalConfigError naming fiscal.certificate or fiscal.private_key.
    static std::unique_ptr<FiscalSigner> load(const std::string& certificatePath, const std::string& keyPath,
                                              const std::string& keyPassword);
    ~FiscalSigner();

    FiscalSigner(const FiscalSigner&) = delete;
    FiscalSigner& operator=(const FiscalSigner&) = delete;

    /// The RSA-SHA256 signature of the bytes.
    std::string sign(const std::string& data) const;
    /// The ZOI: lower-case MD5 hex of sign(zoiInput), 32 characters.
    std::string zoi(const std::string& zoiInput) const;
    /// The certificate's subject, for messages ("CN=…, O=…"); never anything secret.
    const std::string& subject() const { return _subject; }

    /// Lower-case MD5 hex of the bytes.
    static std::string md5Hex(const std::string& data);

private:
    struct Keys;
    explicit FiscalSigner(std::unique_ptr<Keys> keys, std::string subject);

    std::unique_ptr<Keys> _keys;
    std::string _subject;
};

}  // namespace estore::host
