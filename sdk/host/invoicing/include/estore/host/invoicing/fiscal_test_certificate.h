#pragma once
// A self-signed RSA test pair for the demo, so fiscal invoices can be shown without a real FURS
// certificate. Marked "TEST" in its subject; it protects nothing.
#include <filesystem>
#include <string>

namespace estore::host {

struct FiscalTestPair {
    std::filesystem::path certificate;
    std::filesystem::path privateKey;
};

class FiscalTestCertificate {
public:
    /// Writes test_cert.pem and test_key.pem (mode 0600) into `dir` for the given tax number.
    static FiscalTestPair generate(const std::filesystem::path& dir, const std::string& taxNumber);
};

}  // namespace estore::host
