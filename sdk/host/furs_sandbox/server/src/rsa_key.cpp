#include "estore/host/furs_sandbox/rsa_key.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>
#include <vector>

#include "estore/host/fiscal/openssl_handle.h"
#include "estore/sdk/atomic_file.h"

namespace furs_sandbox {

namespace {

std::shared_ptr<EVP_PKEY> own(EVP_PKEY* key) {
    return std::shared_ptr<EVP_PKEY>(key, [](EVP_PKEY* k) { EVP_PKEY_free(k); });
}

std::string memoryText(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(length));
}

}  // namespace

RsaKey RsaKey::generate(int bits) {
    EVP_PKEY* key = EVP_RSA_gen(static_cast<unsigned int>(bits));
    if (!key) throw std::runtime_error("OpenSSL could not generate an RSA key");
    return RsaKey(own(key));
}

RsaKey RsaKey::fromPem(const std::string& pem) {
    estore::host::OpenSslPtr<BIO, BIO_free> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    ERR_clear_error();
    if (!key) throw std::runtime_error("not an unencrypted PEM private key");
    if (EVP_PKEY_base_id(key) != EVP_PKEY_RSA) {
        EVP_PKEY_free(key);
        throw std::runtime_error("not an RSA private key");
    }
    return RsaKey(own(key));
}

RsaKey RsaKey::fromPemFile(const std::string& path) {
    const std::string pem = estore::sdk::AtomicFile::read(path);
    try {
        return fromPem(pem);
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
}

std::string RsaKey::pem() const {
    estore::host::OpenSslPtr<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), native(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        throw std::runtime_error("the key cannot be written as PEM");
    return memoryText(bio.get());
}

std::string RsaKey::publicPem() const {
    estore::host::OpenSslPtr<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PUBKEY(bio.get(), native()) != 1)
        throw std::runtime_error("the public key cannot be written as PEM");
    return memoryText(bio.get());
}

std::string RsaKey::signRs256(const std::string& data) const {
    estore::host::OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> context(EVP_MD_CTX_new());
    std::size_t length = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (!context || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, native()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, bytes, data.size()) != 1)
        throw std::runtime_error("RS256 signing could not start");
    std::vector<unsigned char> signature(length);
    if (EVP_DigestSign(context.get(), signature.data(), &length, bytes, data.size()) != 1)
        throw std::runtime_error("RS256 signing failed");
    return std::string(reinterpret_cast<const char*>(signature.data()), length);
}

}  // namespace furs_sandbox
