#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/openssl_handle.h"

#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>
#include <Poco/String.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace estore::host {

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr open(const std::string& path, const std::string& configKey, const std::string& sl,
             const std::string& en) {
    if (path.empty())
        throw FiscalConfigError(configKey, {"Pot do " + sl + " ni nastavljena (" + configKey + ").",
                                            "The path to the " + en + " is not set (" + configKey + ")."});
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw FiscalConfigError(configKey, {"Datoteke ni mogoče odpreti: " + path + " (" + configKey + ").",
                                            "Cannot open the file " + path + " (" + configKey + ")."});
    return file;
}

}  // namespace

struct FiscalSigner::Keys {
    OpenSslPtr<EVP_PKEY, EVP_PKEY_free> key;
    OpenSslPtr<X509, X509_free> certificate;
};

namespace {

std::string subjectOf(X509* cert) {
    char buffer[512];
    X509_NAME_oneline(X509_get_subject_name(cert), buffer, sizeof buffer);
    return buffer;
}

}  // namespace

FiscalSigner::FiscalSigner(std::unique_ptr<Keys> keys, std::string subject)
    : _keys(std::move(keys)), _subject(std::move(subject)) {}

FiscalSigner::~FiscalSigner() = default;

namespace {

bool isPkcs12(const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    return Poco::icompare(extension, ".p12") == 0 || Poco::icompare(extension, ".pfx") == 0;
}

/// FURS's test certificates are PKCS #12 files protected with RC2-40-CBC, which OpenSSL 3 reads only
/// with its legacy provider (furs-protocol.md §1.2, confirmed on python-furs-fiscal's demo .p12). Loading
/// it keeps the default provider for everything else.
void loadLegacyProvider() {
    static const bool loaded = [] {
        OSSL_PROVIDER_load(nullptr, "default");
        return OSSL_PROVIDER_load(nullptr, "legacy") != nullptr;
    }();
    (void)loaded;
}

void readPkcs12(FiscalSigner::Keys& keys, const std::string& path, const std::string& password) {
    FilePtr file = open(path, "fiscal.certificate", "certifikata", "certificate");
    OpenSslPtr<PKCS12, PKCS12_free> p12(d2i_PKCS12_fp(file.get(), nullptr));
    if (!p12)
        throw FiscalConfigError("fiscal.certificate",
                                {"Datoteka " + path + " ni datoteka PKCS #12 (fiscal.certificate).",
                                 "The file " + path + " is not a PKCS #12 file (fiscal.certificate)."});
    auto parse = [&] {
        EVP_PKEY* key = nullptr;
        X509* certificate = nullptr;
        const int ok = PKCS12_parse(p12.get(), password.c_str(), &key, &certificate, nullptr);
        keys.key.reset(key);
        keys.certificate.reset(certificate);
        return ok == 1 && key && certificate;
    };
    if (parse()) return;
    loadLegacyProvider();
    if (parse()) return;
    throw FiscalConfigError(
        "fiscal.key_password",
        {"Datoteke " + path +
             " ni mogoče odpreti: napačno geslo ali poškodovana datoteka (fiscal.key_password).",
         "Cannot open " + path + ": wrong password or a damaged file (fiscal.key_password)."});
}

int passwordCallback(char* buffer, int size, int, void* password) {
    const auto* text = static_cast<const std::string*>(password);
    if (!text || text->empty() || static_cast<int>(text->size()) > size) return 0;
    std::memcpy(buffer, text->data(), text->size());
    return static_cast<int>(text->size());
}

void readPem(FiscalSigner::Keys& keys, const std::string& certificatePath, const std::string& keyPath,
             const std::string& keyPassword) {
    {
        FilePtr file = open(certificatePath, "fiscal.certificate", "certifikata", "certificate");
        keys.certificate.reset(PEM_read_X509(file.get(), nullptr, nullptr, nullptr));
        if (!keys.certificate)
            throw FiscalConfigError(
                "fiscal.certificate",
                {"Datoteka " + certificatePath + " ni certifikat PEM (fiscal.certificate).",
                 "The file " + certificatePath + " is not a PEM certificate (fiscal.certificate)."});
    }
    FilePtr file = open(keyPath, "fiscal.private_key", "zasebnega ključa", "private key");
    // The password goes to OpenSSL through the callback only: never copied, never printed, and an
    // encrypted key without one fails at once instead of OpenSSL asking on the terminal.
    keys.key.reset(
        PEM_read_PrivateKey(file.get(), nullptr, passwordCallback, const_cast<std::string*>(&keyPassword)));
    if (!keys.key)
        throw FiscalConfigError("fiscal.private_key",
                                {"Zasebnega ključa ni mogoče prebrati (napačna datoteka ali geslo; "
                                 "fiscal.private_key, fiscal.key_password).",
                                 "Cannot read the private key (wrong file or password; fiscal.private_key, "
                                 "fiscal.key_password)."});
}

}  // namespace

std::unique_ptr<FiscalSigner> FiscalSigner::load(const std::string& certificatePath,
                                                 const std::string& keyPath, const std::string& keyPassword) {
    auto keys = std::make_unique<Keys>();
    if (isPkcs12(certificatePath))
        readPkcs12(*keys, certificatePath, keyPassword);
    else
        readPem(*keys, certificatePath, keyPath, keyPassword);
    if (EVP_PKEY_base_id(keys->key.get()) != EVP_PKEY_RSA)
        throw FiscalConfigError("fiscal.private_key", {"FURS zahteva ključ RSA (fiscal.private_key).",
                                                       "FURS requires an RSA key (fiscal.private_key)."});
    if (X509_check_private_key(keys->certificate.get(), keys->key.get()) != 1)
        throw FiscalConfigError(
            "fiscal.private_key",
            {"Zasebni ključ ne pripada certifikatu (fiscal.private_key, fiscal.certificate).",
             "The private key does not belong to the certificate (fiscal.private_key, fiscal.certificate)."});
    std::string subject = subjectOf(keys->certificate.get());
    return std::unique_ptr<FiscalSigner>(new FiscalSigner(std::move(keys), std::move(subject)));
}

std::string FiscalSigner::sign(const std::string& data) const {
    OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> ctx(EVP_MD_CTX_new());
    std::size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, _keys->key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char*>(data.data()),
                       data.size()) != 1)
        throw std::runtime_error("RSA-SHA256 signing could not start");
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(ctx.get(), signature.data(), &length,
                       reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
        throw std::runtime_error("RSA-SHA256 signing failed");
    return std::string(reinterpret_cast<const char*>(signature.data()), length);
}

std::unique_ptr<FiscalSigner> FiscalSigner::fromConfig(host_api::Config& config) {
    return load(config.get("fiscal.certificate").value_or(""), config.get("fiscal.private_key").value_or(""),
                config.get("fiscal.key_password").value_or(""));
}

std::string FiscalSigner::certificatePem() const {
    OpenSslPtr<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), _keys->certificate.get());
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

X509* FiscalSigner::nativeCertificate() const {
    return _keys->certificate.get();
}

EVP_PKEY* FiscalSigner::nativeKey() const {
    return _keys->key.get();
}

std::string FiscalSigner::md5Hex(const std::string& data) {
    Poco::MD5Engine md5;
    md5.update(data);
    return Poco::DigestEngine::digestToHex(md5.digest());
}

std::string FiscalSigner::zoi(const std::string& zoiInput) const {
    return md5Hex(sign(zoiInput));
}

}  // namespace estore::host
