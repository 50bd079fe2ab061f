#include "estore/host/invoicing/fiscal_test_certificate.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace estore::host {

namespace {

struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CertFree {
    void operator()(X509* c) const { X509_free(c); }
};
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

void addName(X509_NAME* name, const char* field, const std::string& value) {
    X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0);
}

std::unique_ptr<std::FILE, FileCloser> create(const std::filesystem::path& path) {
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
    if (!file) throw std::runtime_error("cannot write " + path.string());
    std::filesystem::permissions(path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    return file;
}

}  // namespace

FiscalTestPair FiscalTestCertificate::generate(const std::filesystem::path& dir,
                                               const std::string& taxNumber) {
    std::filesystem::create_directories(dir);
    std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_RSA_gen(2048));
    std::unique_ptr<X509, CertFree> cert(X509_new());
    if (!key || !cert) throw std::runtime_error("cannot generate an RSA test key");
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    addName(name, "C", "SI");
    addName(name, "O", "TEST podjetje d.o.o.");
    addName(name, "serialNumber", taxNumber);
    addName(name, "CN", "TEST - ni FURS potrdilo / not a FURS certificate");
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        throw std::runtime_error("cannot sign the test certificate");

    FiscalTestPair pair{dir / "test_cert.pem", dir / "test_key.pem"};
    {
        auto file = create(pair.certificate);
        PEM_write_X509(file.get(), cert.get());
    }
    {
        auto file = create(pair.privateKey);
        PEM_write_PrivateKey(file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    }
    return pair;
}

}  // namespace estore::host
