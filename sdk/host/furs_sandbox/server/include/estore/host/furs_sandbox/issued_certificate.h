#pragma once
// A company certificate as FURS's test CA hands it out [SPEC32 §2.3]: subject
// "CN=<name>,serialNumber=1,OU=<tax number>,OU=DavPotRacTEST,O=state-institutions,C=SI", issued by the
// sandbox CA, with its private key and a .p12 (FURS delivers test certificates as .p12).
#include <filesystem>
#include <string>

#include "estore/host/furs_sandbox/certificate_files.h"

namespace furs_sandbox {

struct IssuedCertificate {
    std::string taxNumber;  ///< 8 digits, in an OU
    std::string name;       ///< the CN
    std::string serial;     ///< decimal
    std::string certificatePem;
    std::string privateKeyPem;  ///< unencrypted PKCS #8
    std::string p12;            ///< DER bytes (PKCS12_create with OpenSSL 3's AES-256/SHA-256 defaults)
    std::string p12Password;

    /// Writes <tax>.cert.pem, <tax>.key.pem, <tax>.p12 and <tax>.p12.password into `dir` (created if
    /// missing); the key, the .p12 and the password get mode 0600 before any byte is written.
    CertificateFiles writeTo(const std::filesystem::path& dir) const;
};

}  // namespace furs_sandbox
