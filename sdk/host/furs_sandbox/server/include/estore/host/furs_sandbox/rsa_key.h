#pragma once
// An RSA private key of the sandbox's PKI (its CA, its TLS server, FURS's response signing) or of a
// company certificate it issues. RSA 2048 like FURS's certificates [SPEC32 §2]. Copies share the key.
#include <openssl/types.h>

#include <memory>
#include <string>

namespace furs_sandbox {

class RsaKey {
public:
    /// A new key; throws std::runtime_error when OpenSSL cannot make one.
    static RsaKey generate(int bits = 2048);
    /// An unencrypted PEM private key (PKCS #8 or PKCS #1); throws std::runtime_error.
    static RsaKey fromPem(const std::string& pem);
    static RsaKey fromPemFile(const std::string& path);

    /// Unencrypted PKCS #8 PEM ("-----BEGIN PRIVATE KEY-----").
    std::string pem() const;
    /// The public half as PEM ("-----BEGIN PUBLIC KEY-----").
    std::string publicPem() const;
    /// RSASSA-PKCS1-v1_5 with SHA-256 of the bytes: JWS "RS256" (RFC 7518 §3.3).
    std::string signRs256(const std::string& data) const;
    EVP_PKEY* native() const { return _key.get(); }

private:
    explicit RsaKey(std::shared_ptr<EVP_PKEY> key) : _key(std::move(key)) {}

    std::shared_ptr<EVP_PKEY> _key;
};

}  // namespace furs_sandbox
