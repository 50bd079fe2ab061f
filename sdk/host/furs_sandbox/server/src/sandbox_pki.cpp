#include "estore/host/furs_sandbox/sandbox_pki.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "estore/host/fiscal/openssl_handle.h"
#include "estore/sdk/atomic_file.h"

namespace furs_sandbox {

namespace {

using estore::host::X509Certificate;

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kYear = 365 * kDay;

struct StackFree {
    void operator()(STACK_OF(X509) * s) const { sk_X509_free(s); }
};

/// One attribute of a subject, in DER order (least specific first); `joinPrevious` puts it into the same
/// multi-valued RDN as the one before (FURS's signing certificate has "CN=DavPotRacTEST + serialNumber").
struct NameEntry {
    const char* field;
    std::string value;
    bool joinPrevious = false;
};

struct Extension {
    int nid;
    const char* value;
};

struct CertificateSpec {
    std::vector<NameEntry> subject;
    int serialBytes = 9;
    std::int64_t notBeforeOffset = -3600;  // an hour back: clocks of client and sandbox may differ a little
    std::int64_t notAfterOffset = 5 * kYear;
    std::vector<Extension> extensions;
};

[[noreturn]] void fail(const std::string& what) {
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    char reason[256] = "";
    if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
    throw std::runtime_error(what + (code != 0 ? std::string(": ") + reason : std::string()));
}

/// A random positive serial of exactly `bytes` bytes (RFC 5280 §4.1.2.2: positive, at most 20 octets).
void setRandomSerial(X509* certificate, int bytes) {
    std::vector<unsigned char> random(static_cast<std::size_t>(bytes));
    if (RAND_bytes(random.data(), bytes) != 1) fail("no random bytes for a serial");
    random[0] = static_cast<unsigned char>((random[0] & 0x7f) | 0x40);
    estore::host::OpenSslPtr<BIGNUM, BN_free> number(BN_bin2bn(random.data(), bytes, nullptr));
    if (!number || !BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)))
        fail("cannot set a serial");
}

void setSubject(X509* certificate, const std::vector<NameEntry>& entries) {
    X509_NAME* name = X509_get_subject_name(certificate);
    for (const NameEntry& entry : entries) {
        // MBSTRING_UTF8 in: OpenSSL picks the type the attribute allows (serialNumber and C become
        // PrintableString, the rest UTF8String), as FURS's certificates have them.
        if (X509_NAME_add_entry_by_txt(name, entry.field, MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(entry.value.c_str()), -1, -1,
                                       entry.joinPrevious ? -1 : 0) != 1)
            fail(std::string("cannot set the subject's ") + entry.field);
    }
}

/// Builds and signs a certificate; `issuer` null means self-signed with `subjectKey`.
X509Certificate makeCertificate(const CertificateSpec& spec, const RsaKey& subjectKey,
                                const X509Certificate* issuer, const RsaKey& issuerKey) {
    estore::host::OpenSslPtr<X509, X509_free> certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1) fail("cannot make a certificate");
    setRandomSerial(certificate.get(), spec.serialBytes);
    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), static_cast<long>(spec.notBeforeOffset)) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), static_cast<long>(spec.notAfterOffset)))
        fail("cannot set the validity");
    setSubject(certificate.get(), spec.subject);
    X509* issuerNative = issuer ? issuer->native() : certificate.get();
    if (X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuerNative)) != 1 ||
        X509_set_pubkey(certificate.get(), subjectKey.native()) != 1)
        fail("cannot set the issuer or the key");
    X509V3_CTX context;
    X509V3_set_ctx(&context, issuerNative, certificate.get(), nullptr, nullptr, 0);
    for (const Extension& extension : spec.extensions) {
        X509_EXTENSION* made = X509V3_EXT_conf_nid(nullptr, &context, extension.nid, extension.value);
        if (!made) fail(std::string("cannot make the extension ") + OBJ_nid2sn(extension.nid));
        const int added = X509_add_ext(certificate.get(), made, -1);
        X509_EXTENSION_free(made);
        if (added != 1) fail(std::string("cannot add the extension ") + OBJ_nid2sn(extension.nid));
    }
    if (X509_sign(certificate.get(), issuerKey.native(), EVP_sha256()) == 0)
        fail("cannot sign a certificate");
    return X509Certificate::fromNative(certificate.get());
}

CertificateSpec caSpec() {
    CertificateSpec spec;
    spec.subject = {{"C", "SI"}, {"O", "state-institutions"}, {"CN", "Tax CA Test Sandbox"}};
    spec.serialBytes = 16;
    spec.notAfterOffset = 20 * kYear;
    spec.extensions = {{NID_basic_constraints, "critical,CA:TRUE"},
                       {NID_key_usage, "critical,keyCertSign,cRLSign"},
                       {NID_subject_key_identifier, "hash"},
                       {NID_authority_key_identifier, "keyid:always"}};
    return spec;
}

CertificateSpec serverSpec() {
    CertificateSpec spec;
    spec.subject = {{"C", "SI"}, {"O", "furs-sandbox"}, {"CN", "localhost"}};
    spec.notAfterOffset = 2 * kYear;  // FURS renews its TLS certificates about every 2 years (SPEC32 §2)
    spec.extensions = {{NID_basic_constraints, "critical,CA:FALSE"},
                       {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                       {NID_ext_key_usage, "serverAuth"},
                       {NID_subject_alt_name, "IP:127.0.0.1,IP:::1,DNS:localhost"},
                       {NID_subject_key_identifier, "hash"},
                       {NID_authority_key_identifier, "keyid:always"}};
    return spec;
}

/// Shaped like FURS's test signing certificate (SPEC32 §9.3 header: "CN=DavPotRacTEST +
/// OID.2.5.4.5=…, OU=systems, O=state authorities, C=SI"), with a 96-bit serial as in SPEC32 §9.5.
CertificateSpec signingSpec() {
    CertificateSpec spec;
    spec.subject = {{"C", "SI"},
                    {"O", "state authorities"},
                    {"OU", "systems"},
                    {"CN", "DavPotRacTEST"},
                    {"serialNumber", "9990000000001", true}};
    spec.serialBytes = 12;
    spec.extensions = {{NID_basic_constraints, "critical,CA:FALSE"},
                       {NID_key_usage, "critical,digitalSignature,nonRepudiation"},
                       {NID_subject_key_identifier, "hash"},
                       {NID_authority_key_identifier, "keyid:always"}};
    return spec;
}

CertificateSpec companySpec(const std::string& taxNumber, const std::string& name) {
    CertificateSpec spec;
    spec.subject = {{"C", "SI"},       {"O", "state-institutions"}, {"OU", "DavPotRacTEST"},
                    {"OU", taxNumber}, {"serialNumber", "1"},       {"CN", name}};
    spec.extensions = {{NID_basic_constraints, "critical,CA:FALSE"},
                       {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                       {NID_ext_key_usage, "clientAuth"},
                       {NID_subject_key_identifier, "hash"},
                       {NID_authority_key_identifier, "keyid:always"}};
    return spec;
}

bool keyMatches(const X509Certificate& certificate, const RsaKey& key) {
    const bool matches = X509_check_private_key(certificate.native(), key.native()) == 1;
    ERR_clear_error();
    return matches;
}

bool issuedBy(const X509Certificate& certificate, const X509Certificate& ca) {
    const bool ok = X509_check_issued(ca.native(), certificate.native()) == X509_V_OK &&
                    X509_verify(certificate.native(), X509_get0_pubkey(ca.native())) == 1;
    ERR_clear_error();
    return ok;
}

/// A certificate and key pair of the state folder issued by `ca`, valid for at least another day; made
/// anew when missing, foreign or about to expire.
std::pair<X509Certificate, RsaKey> leaf(const std::filesystem::path& certificateFile,
                                        const std::filesystem::path& keyFile, const CertificateSpec& spec,
                                        const X509Certificate& ca, const RsaKey& caKey) {
    if (std::filesystem::exists(certificateFile) && std::filesystem::exists(keyFile)) {
        X509Certificate certificate = X509Certificate::fromPemFile(certificateFile.string());
        RsaKey key = RsaKey::fromPemFile(keyFile.string());
        if (keyMatches(certificate, key) && issuedBy(certificate, ca) &&
            certificate.notAfterEpochSeconds() > std::time(nullptr) + kDay)
            return {certificate, key};
    }
    RsaKey key = RsaKey::generate();
    X509Certificate certificate = makeCertificate(spec, key, &ca, caKey);
    estore::sdk::AtomicFile::writeSecret(keyFile, key.pem());
    estore::sdk::AtomicFile::writePublic(certificateFile, certificate.pem());
    return {certificate, key};
}

std::string randomPassword() {
    static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    unsigned char random[20];
    if (RAND_bytes(random, sizeof random) != 1) fail("no random bytes for a password");
    std::string password;
    for (const unsigned char byte : random) password += kAlphabet[byte % (sizeof kAlphabet - 1)];
    return password;
}

std::string p12Bundle(const std::string& password, const std::string& name, const RsaKey& key,
                      const X509Certificate& certificate, const X509Certificate& ca) {
    std::unique_ptr<STACK_OF(X509), StackFree> chain(sk_X509_new_null());
    if (!chain || sk_X509_push(chain.get(), ca.native()) == 0) fail("cannot make the .p12 chain");
    // nid 0 and iterations 0: OpenSSL 3's defaults, PBES2 with AES-256-CBC and an HMAC-SHA-256 MAC
    // (FURS's own test .p12 files still use RC2-40, which needs OpenSSL's legacy provider).
    estore::host::OpenSslPtr<PKCS12, PKCS12_free> bundle(PKCS12_create(
        password.c_str(), name.c_str(), key.native(), certificate.native(), chain.get(), 0, 0, 0, 0, 0));
    if (!bundle) fail("cannot make the .p12");
    unsigned char* der = nullptr;
    const int length = i2d_PKCS12(bundle.get(), &der);
    if (length < 0) fail("cannot encode the .p12");
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return out;
}

bool isTaxNumber(const std::string& text) {
    if (text.size() != 8 || text[0] == '0') return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

std::size_t codePoints(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
    return count;
}

bool isDecimal(const std::string& text) {
    if (text.empty()) return false;
    for (const char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

SandboxPki::SandboxPki(std::filesystem::path stateDir) : SandboxPki(stateDir, loadOrCreate(stateDir)) {}

SandboxPki::SandboxPki(std::filesystem::path stateDir, Materials materials)
    : _stateDir(std::move(stateDir)),
      _caKey(std::move(materials.caKey)),
      _ca(std::move(materials.ca)),
      _server(std::move(materials.server)),
      _signing(std::move(materials.signing)),
      _signingKey(std::move(materials.signingKey)) {
    loadRegistry();
}

SandboxPki::Materials SandboxPki::loadOrCreate(const std::filesystem::path& stateDir) {
    // A folder made here holds the CA's key: nobody else may read it. One that exists already (the user's
    // choice, perhaps a shared one) keeps its mode; the key files are 0600 either way.
    if (std::filesystem::create_directories(stateDir))
        std::filesystem::permissions(stateDir, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace);
    std::filesystem::create_directories(stateDir / "issued");
    const std::filesystem::path caFile = stateDir / "ca.pem";
    const std::filesystem::path caKeyFile = stateDir / "ca.key";
    const bool haveCa = std::filesystem::exists(caFile) && std::filesystem::exists(caKeyFile);
    RsaKey caKey = haveCa ? RsaKey::fromPemFile(caKeyFile.string()) : RsaKey::generate();
    X509Certificate ca = haveCa ? X509Certificate::fromPemFile(caFile.string())
                                : makeCertificate(caSpec(), caKey, nullptr, caKey);
    if (haveCa && !keyMatches(ca, caKey))
        throw std::runtime_error(caKeyFile.string() + " is not the key of " + caFile.string() +
                                 "; remove both to make a new CA");
    if (!haveCa) {
        estore::sdk::AtomicFile::writeSecret(caKeyFile, caKey.pem());
        estore::sdk::AtomicFile::writePublic(caFile, ca.pem());
    }
    auto [server, serverKey] =
        leaf(stateDir / "server.pem", stateDir / "server.key", serverSpec(), ca, caKey);
    auto [signing, signingKey] =
        leaf(stateDir / "signing.pem", stateDir / "signing.key", signingSpec(), ca, caKey);
    return Materials{caKey, ca, server, signing, signingKey};
}

void SandboxPki::loadRegistry() {
    std::lock_guard lock(_mutex);
    for (const auto& entry : std::filesystem::directory_iterator(_stateDir / "issued")) {
        const std::filesystem::path& path = entry.path();
        if (path.extension() == ".pem" && isDecimal(path.stem().string()))
            _issued.insert(path.stem().string());
    }
    std::ifstream revokedFile(_stateDir / "revoked");
    for (std::string line; std::getline(revokedFile, line);)
        if (isDecimal(line)) _revoked.insert(line);
}

IssuedCertificate SandboxPki::issue(const std::string& taxNumber, const std::string& name,
                                    std::int64_t notBeforeOffset, std::int64_t notAfterOffset) {
    if (!isTaxNumber(taxNumber))
        throw std::invalid_argument("tax_number must be 8 digits without a leading zero, got \"" + taxNumber +
                                    "\"");
    if (name.empty() || codePoints(name) > 64)
        throw std::invalid_argument("name must have 1 to 64 characters (the CN's limit)");
    CertificateSpec spec = companySpec(taxNumber, name);
    spec.notBeforeOffset = notBeforeOffset;
    spec.notAfterOffset = notAfterOffset;
    const RsaKey key = RsaKey::generate();
    const X509Certificate certificate = makeCertificate(spec, key, &_ca, _caKey);
    IssuedCertificate issued;
    issued.taxNumber = taxNumber;
    issued.name = name;
    issued.serial = certificate.serialDecimal();
    issued.certificatePem = certificate.pem();
    issued.privateKeyPem = key.pem();
    issued.p12Password = randomPassword();
    issued.p12 = p12Bundle(issued.p12Password, name, key, certificate, _ca);
    std::lock_guard lock(_mutex);
    estore::sdk::AtomicFile::writePublic(_stateDir / "issued" / (issued.serial + ".pem"),
                                         issued.certificatePem);
    _issued.insert(issued.serial);
    return issued;
}

bool SandboxPki::issued(const std::string& serial) const {
    std::lock_guard lock(_mutex);
    return _issued.count(serial) > 0;
}

bool SandboxPki::revoke(const std::string& serial) {
    std::lock_guard lock(_mutex);
    if (_issued.count(serial) == 0) return false;
    if (!_revoked.insert(serial).second) return true;
    std::string lines;
    for (const std::string& revokedSerial : _revoked) lines += revokedSerial + "\n";
    estore::sdk::AtomicFile::writePublic(_stateDir / "revoked", lines);
    return true;
}

bool SandboxPki::revoked(const std::string& serial) const {
    std::lock_guard lock(_mutex);
    return _revoked.count(serial) > 0;
}

}  // namespace furs_sandbox
