#pragma once
#include <filesystem>

namespace furs_sandbox {

/// Where IssuedCertificate::writeTo() put a company's certificate, key and PKCS #12 bundle.
struct CertificateFiles {
    std::filesystem::path certificate;  ///< PEM certificate
    std::filesystem::path privateKey;   ///< unencrypted PEM key, mode 0600
    std::filesystem::path p12;          ///< PKCS #12 with key, certificate and the sandbox CA, mode 0600
    std::filesystem::path p12Password;  ///< the .p12's password as one line, mode 0600
};

}  // namespace furs_sandbox
