#include "estore/host/fiscal/x509_certificate.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "estore/host/fiscal/jws.h"
#include "estore/host/fiscal/openssl_handle.h"

namespace estore::host {

namespace {

std::shared_ptr<X509> own(X509* certificate) {
    return std::shared_ptr<X509>(certificate, [](X509* c) { X509_free(c); });
}

/// OpenSSL's reason for the last failure, for messages; clears the error queue.
std::string openSslReason() {
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0) return "unknown reason";
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return buffer;
}

std::string hex(const unsigned char* bytes, int length) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < length; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 15];
    }
    return out;
}

/// The RFC 2253 §2.3 keywords Java's X500Principal writes by name; every other attribute is written as
/// its OID with a hex DER value (SPEC32 §9.1 shows serialNumber as "2.5.4.5=#130131").
const char* rfc2253Keyword(int nid) {
    switch (nid) {
        case NID_commonName: return "CN";
        case NID_countryName: return "C";
        case NID_localityName: return "L";
        case NID_stateOrProvinceName: return "ST";
        case NID_organizationName: return "O";
        case NID_organizationalUnitName: return "OU";
        case NID_streetAddress: return "STREET";
        case NID_domainComponent: return "DC";
        case NID_userId: return "UID";
        default: return nullptr;
    }
}

/// RFC 2253 §2.4: ',', '+', '"', '\', '<', '>', ';' get a backslash, so do a leading '#' or space and a
/// trailing space; control characters become "\XX" per byte. Other UTF-8 stays as it is.
std::string escapeValue(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        const bool special =
            c == ',' || c == '+' || c == '"' || c == '\\' || c == '<' || c == '>' || c == ';';
        const bool edge = (i == 0 && (c == '#' || c == ' ')) || (i + 1 == value.size() && c == ' ');
        if (c < 0x20 || c == 0x7f) {
            out += '\\';
            out += hex(&c, 1);
        } else {
            if (special || edge) out += '\\';
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string utf8Value(const ASN1_STRING* data) {
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0) return {};
    std::string value(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return value;
}

std::string hexDerValue(const ASN1_STRING* data) {
    OpenSslPtr<ASN1_TYPE, ASN1_TYPE_free> type(ASN1_TYPE_new());
    if (!type || ASN1_TYPE_set1(type.get(), ASN1_STRING_type(data), data) != 1) return "#";
    unsigned char* der = nullptr;
    const int length = i2d_ASN1_TYPE(type.get(), &der);
    if (length < 0) return "#";
    std::string out = "#" + hex(der, length);
    OPENSSL_free(der);
    return out;
}

std::string attribute(const X509_NAME_ENTRY* entry) {
    const ASN1_OBJECT* object = X509_NAME_ENTRY_get_object(entry);
    const ASN1_STRING* data = X509_NAME_ENTRY_get_data(entry);
    if (const char* keyword = rfc2253Keyword(OBJ_obj2nid(object)))
        return std::string(keyword) + "=" + escapeValue(utf8Value(data));
    char oid[128];
    OBJ_obj2txt(oid, sizeof oid, object, 1);
    return std::string(oid) + "=" + hexDerValue(data);
}

std::string rfc2253(const X509_NAME* name) {
    // Entries are stored least specific first (C … CN); entries of one multi-valued RDN share a set number.
    std::vector<std::vector<const X509_NAME_ENTRY*>> rdns;
    int lastSet = -1;
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        const int set = X509_NAME_ENTRY_set(entry);
        if (rdns.empty() || set != lastSet) rdns.emplace_back();
        rdns.back().push_back(entry);
        lastSet = set;
    }
    std::string out;
    for (auto rdn = rdns.rbegin(); rdn != rdns.rend(); ++rdn) {
        if (!out.empty()) out += ',';
        for (std::size_t i = 0; i < rdn->size(); ++i) {
            if (i > 0) out += '+';
            out += attribute((*rdn)[i]);
        }
    }
    return out;
}

std::int64_t epochSeconds(const ASN1_TIME* time) {
    std::tm parts{};
    if (ASN1_TIME_to_tm(time, &parts) != 1) throw std::runtime_error("certificate time cannot be read");
    return static_cast<std::int64_t>(timegm(&parts));
}

bool isEightDigits(const std::string& text) {
    if (text.size() != 8) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

X509Certificate X509Certificate::fromPem(const std::string& pem) {
    OpenSslPtr<BIO, BIO_free> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509* certificate = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!certificate)
        throw std::runtime_error(
            "not a PEM certificate (expected a \"-----BEGIN CERTIFICATE-----\" block): " + openSslReason());
    return X509Certificate(own(certificate));
}

X509Certificate X509Certificate::fromPemFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read the certificate file " + path);
    std::ostringstream text;
    text << file.rdbuf();
    try {
        return fromPem(text.str());
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(path + ": " + error.what());
    }
}

X509Certificate X509Certificate::fromDer(const std::string& der) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
    X509* certificate = d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
    if (!certificate) throw std::runtime_error("not a DER certificate: " + openSslReason());
    return X509Certificate(own(certificate));
}

X509Certificate X509Certificate::fromNative(X509* certificate) {
    if (!certificate || X509_up_ref(certificate) != 1) throw std::runtime_error("no certificate");
    return X509Certificate(own(certificate));
}

std::string X509Certificate::subjectRfc2253() const {
    return rfc2253(X509_get_subject_name(native()));
}

std::string X509Certificate::issuerRfc2253() const {
    return rfc2253(X509_get_issuer_name(native()));
}

std::string X509Certificate::serialDecimal() const {
    OpenSslPtr<BIGNUM, BN_free> number(ASN1_INTEGER_to_BN(X509_get0_serialNumber(native()), nullptr));
    if (!number) throw std::runtime_error("certificate serial cannot be read");
    char* decimal = BN_bn2dec(number.get());
    std::string out(decimal);
    OPENSSL_free(decimal);
    return out;
}

std::string X509Certificate::der() const {
    unsigned char* bytes = nullptr;
    const int length = i2d_X509(native(), &bytes);
    if (length < 0) throw std::runtime_error("certificate cannot be DER-encoded");
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
    OPENSSL_free(bytes);
    return out;
}

std::string X509Certificate::derBase64() const {
    return base64Encode(der());
}

std::string X509Certificate::pem() const {
    OpenSslPtr<BIO, BIO_free> bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), native()) != 1)
        throw std::runtime_error("certificate cannot be PEM-encoded");
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(length));
}

std::string X509Certificate::taxNumber() const {
    const X509_NAME* name = X509_get_subject_name(native());
    for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
        const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
        if (OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry)) != NID_organizationalUnitName) continue;
        const std::string value = utf8Value(X509_NAME_ENTRY_get_data(entry));
        if (isEightDigits(value)) return value;
    }
    return {};
}

std::string X509Certificate::commonName() const {
    const X509_NAME* name = X509_get_subject_name(native());
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0) return {};
    return utf8Value(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
}

std::int64_t X509Certificate::notBeforeEpochSeconds() const {
    return epochSeconds(X509_get0_notBefore(native()));
}

std::int64_t X509Certificate::notAfterEpochSeconds() const {
    return epochSeconds(X509_get0_notAfter(native()));
}

bool X509Certificate::verifyRs256(const std::string& data, const std::string& signature) const {
    EVP_PKEY* key = X509_get0_pubkey(native());
    // RS256 is RSA only (RFC 7518 §3.3); an EC key must not pass as "RS256".
    if (!key || EVP_PKEY_base_id(key) != EVP_PKEY_RSA) return false;
    OpenSslPtr<EVP_MD_CTX, EVP_MD_CTX_free> context(EVP_MD_CTX_new());
    const bool valid =
        context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                         data.size()) == 1;
    ERR_clear_error();
    return valid;
}

bool X509Certificate::chainsTo(const std::string& caFile, std::string* why) const {
    OpenSslPtr<X509_STORE, X509_STORE_free> store(X509_STORE_new());
    if (!store || X509_STORE_load_file(store.get(), caFile.c_str()) != 1) {
        if (why) *why = "cannot read CA certificates from " + caFile + ": " + openSslReason();
        return false;
    }
    // A pinned intermediate (FURS recommends pinning the root or the intermediate, SPEC32 §2) is a
    // trust anchor of its own: the chain need not reach a self-signed root.
    X509_STORE_set_flags(store.get(), X509_V_FLAG_PARTIAL_CHAIN);
    OpenSslPtr<X509_STORE_CTX, X509_STORE_CTX_free> context(X509_STORE_CTX_new());
    if (!context || X509_STORE_CTX_init(context.get(), store.get(), native(), nullptr) != 1) {
        if (why) *why = "cannot start verification: " + openSslReason();
        return false;
    }
    if (X509_verify_cert(context.get()) == 1) return true;
    if (why) *why = X509_verify_cert_error_string(X509_STORE_CTX_get_error(context.get()));
    ERR_clear_error();
    return false;
}

}  // namespace estore::host
