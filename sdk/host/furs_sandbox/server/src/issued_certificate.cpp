#include "estore/host/furs_sandbox/issued_certificate.h"

#include "estore/sdk/atomic_file.h"

namespace furs_sandbox {

CertificateFiles IssuedCertificate::writeTo(const std::filesystem::path& dir) const {
    std::filesystem::create_directories(dir);
    CertificateFiles files{dir / (taxNumber + ".cert.pem"), dir / (taxNumber + ".key.pem"),
                           dir / (taxNumber + ".p12"), dir / (taxNumber + ".p12.password")};
    estore::sdk::AtomicFile::writePublic(files.certificate, certificatePem);
    estore::sdk::AtomicFile::writeSecret(files.privateKey, privateKeyPem);
    estore::sdk::AtomicFile::writeSecret(files.p12, p12);
    estore::sdk::AtomicFile::writeSecret(files.p12Password, p12Password + "\n");
    return files;
}

}  // namespace furs_sandbox
