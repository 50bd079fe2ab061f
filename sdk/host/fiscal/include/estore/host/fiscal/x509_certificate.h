#pragma once
// An X.509 certificate as FURS messages need it: the names and serial for the JWS header [SPEC32 §8.1],
// the tax number out of a FURS company certificate [SPEC32 §2], the DER for "x5c", an RS256 check with
// the public key, and a chain check against a CA file. Wraps OpenSSL's X509; copies share it.
#include <openssl/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace estore::host {

class X509Certificate {
public:
    /// The first certificate in PEM text; throws std::runtime_error saying what is wrong.
    static X509Certificate fromPem(const std::string& pem);
    /// The first certificate in a PEM file; throws std::runtime_error naming the file.
    static X509Certificate fromPemFile(const std::string& path);
    /// A DER-encoded certificate; throws std::runtime_error.
    static X509Certificate fromDer(const std::string& der);
    /// Shares an OpenSSL certificate (takes a reference of its own, X509_up_ref); throws on null.
    static X509Certificate fromNative(X509* certificate);

    /// The subject as FURS writes it in "subject_name" (SPEC32 §9.1, Java's RFC 2253 form): the most
    /// specific RDN first, ',' without spaces, '+' inside a multi-valued RDN, RFC 2253 §2.4 escapes ("\,"),
    /// CN, C, L, ST, O, OU, STREET, DC and UID by name, any other attribute as its dotted OID, '=#' and the
    /// hex of its DER value (serialNumber "1" → "2.5.4.5=#130131"). Text stays UTF-8 ("ŠPELA").
    std::string subjectRfc2253() const;
    /// The issuer in the same form ("issuer_name").
    std::string issuerRfc2253() const;
    /// The serial in decimal (BN_bn2dec: exact for any length, never through a double).
    std::string serialDecimal() const;
    /// Standard base64 (with padding, no line breaks) of the DER, as JWS "x5c" carries it (RFC 7515 §4.1.6).
    std::string derBase64() const;
    std::string der() const;
    std::string pem() const;
    /// The first subject OU of exactly 8 digits (FURS puts the tax number in an OU, SPEC32 §2.3); "" if none.
    std::string taxNumber() const;
    /// The value of the subject's first CN; "" if none.
    std::string commonName() const;
    std::int64_t notBeforeEpochSeconds() const;
    std::int64_t notAfterEpochSeconds() const;
    /// RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256", RFC 7518 §3.3) with this certificate's public key.
    bool verifyRs256(const std::string& data, const std::string& signature) const;
    /// True when this certificate chains to one of the PEM certificates in caFile (X509_verify_cert with
    /// a store from that file), at the current time. On false, `why` (if given) gets OpenSSL's reason.
    bool chainsTo(const std::string& caFile, std::string* why = nullptr) const;
    X509* native() const { return _certificate.get(); }

private:
    explicit X509Certificate(std::shared_ptr<X509> certificate) : _certificate(std::move(certificate)) {}

    std::shared_ptr<X509> _certificate;
};

}  // namespace estore::host
