#include "estore/host/furs_sandbox/issued_certificate.h"

#include "estore/host/furs_sandbox/atomic_file.h"

namespace furs_sandbox {

CertificateFiles IssuedCertificate::writeTo(const std::filesystem::path& dir) const {
    std::filesystem::create_directories(dir);
    CertificateFiles files{dir / (taxNumber + ".cert.pem"), dir / (taxNumber + ".key.pem"),
                           dir / (taxNumber + ".p12"), dir / (taxNumber + ".p12.password")};
    AtomicFile::writePublic(files.certificate, certificatePem);
    AtomicFile::writeSecret(files.privateKey, privateKeyPem);
    AtomicFile::writeSecret(files.p12, p12);
    AtomicFile::writeSecret(files.p12Password, p12Password + "\n");
    return files;
}

}  // namespace furs_sandbox
