// X509Certificate: names in FURS's RFC 2253 form [SPEC32 §8.1, §9.1], serials, DER and PEM, the tax number,
// RS256 checks and chains. Certificates are built here with OpenSSL.

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include <Poco/Base64Encoder.h>
#include <gtest/gtest.h>

#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/rsa_key.h"
#include "furs_test_support.h"

namespace furs_test {
namespace {

using estore::host::X509Certificate;
using furs_sandbox::RsaKey;

struct Entry {
    const char* field;
    std::string value;
    bool joinPrevious = false;
};

/// A certificate with this subject (DER order: least specific first), serial (hex) and validity, signed
/// by `issuerKey` under `issuer`'s subject (self-signed when null); `ca` adds basicConstraints CA:TRUE.
X509Certificate build(const std::vector<Entry>& subject, const std::string& serialHex, const RsaKey& key,
                      const X509Certificate* issuer = nullptr, const RsaKey* issuerKey = nullptr,
                      long validSeconds = 3600, bool ca = false) {
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    BIGNUM* serial = nullptr;
    BN_hex2bn(&serial, serialHex.c_str());
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(certificate));
    BN_free(serial);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), validSeconds);
    X509_NAME* name = X509_get_subject_name(certificate);
    for (const Entry& entry : subject)
        X509_NAME_add_entry_by_txt(name, entry.field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(entry.value.c_str()), -1, -1,
                                   entry.joinPrevious ? -1 : 0);
    X509_set_issuer_name(certificate, issuer ? X509_get_subject_name(issuer->native()) : name);
    X509_set_pubkey(certificate, key.native());
    if (ca) {
        X509_EXTENSION* constraints =
            X509V3_EXT_conf_nid(nullptr, nullptr, NID_basic_constraints, "critical,CA:TRUE");
        X509_add_ext(certificate, constraints, -1);
        X509_EXTENSION_free(constraints);
    }
    X509_sign(certificate, (issuerKey ? *issuerKey : key).native(), EVP_sha256());
    const X509Certificate wrapped = X509Certificate::fromNative(certificate);
    X509_free(certificate);
    return wrapped;
}

std::string base64(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out);
    encoder.rdbuf()->setLineLength(0);
    encoder << bytes;
    encoder.close();
    return out.str();
}

class X509CertificateTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        key = std::make_unique<RsaKey>(RsaKey::generate());
        caKey = std::make_unique<RsaKey>(RsaKey::generate());
    }
    static void TearDownTestSuite() {
        key.reset();
        caKey.reset();
    }

    static inline std::unique_ptr<RsaKey> key;
    static inline std::unique_ptr<RsaKey> caKey;
};

TEST_F(X509CertificateTest, SubjectInFursRfc2253Form) {
    // SPEC32 §9.1's subject: the CN holds ", " and "Š", serialNumber is written as hex DER.
    const X509Certificate certificate = build({{"C", "SI"},
                                               {"O", "state-institutions"},
                                               {"OU", "DavPotRacTEST"},
                                               {"OU", "99999862"},
                                               {"serialNumber", "1"},
                                               {"CN", "ITM STORITVE, \xc5\xa0PELA PERGAR S.P."}},
                                              "23BFBFDD78A0ACF7", *key);
    EXPECT_EQ(certificate.subjectRfc2253(),
              "CN=ITM STORITVE\\, \xc5\xa0PELA PERGAR "
              "S.P.,2.5.4.5=#130131,OU=99999862,OU=DavPotRacTEST,O=state-institutions,C=SI");
    EXPECT_EQ(certificate.issuerRfc2253(), certificate.subjectRfc2253());  // self-signed
    EXPECT_EQ(certificate.taxNumber(), "99999862");
    EXPECT_EQ(certificate.commonName(), "ITM STORITVE, \xc5\xa0PELA PERGAR S.P.");
    // SPEC32 §9.1's serial is 2575988469811686647 = 0x23BFBFDD78A0ACF7.
    EXPECT_EQ(certificate.serialDecimal(), "2575988469811686647");
}

TEST_F(X509CertificateTest, IssuerNameOfFursTestCa) {
    const X509Certificate ca =
        build({{"C", "SI"}, {"O", "state-institutions"}, {"CN", "Tax CA Test"}}, "01", *caKey);
    const X509Certificate leaf = build({{"C", "SI"}, {"CN", "leaf"}}, "02", *key, &ca, caKey.get());
    EXPECT_EQ(leaf.issuerRfc2253(), "CN=Tax CA Test,O=state-institutions,C=SI");
}

TEST_F(X509CertificateTest, EscapesSpecialCharactersAndWritesOtherAttributesAsHex) {
    const X509Certificate certificate = build({{"C", "SI"},
                                               {"emailAddress", "janez@test.si"},
                                               {"OU", "#1 a+b;c<d>\"e\"\\f "},
                                               {"CN", "DavPotRacTEST"},
                                               {"serialNumber", "1237997210011", true}},
                                              "01", *key);
    // RFC 2253 §2.4 escapes; emailAddress (IA5String) and the multi-valued RDN as FURS's signing
    // certificate has it ("CN=DavPotRacTEST + OID.2.5.4.5=…", SPEC32 §9.3).
    EXPECT_EQ(
        certificate.subjectRfc2253(),
        "CN=DavPotRacTEST+2.5.4.5=#130d31323337393937323130303131,OU=\\#1 a\\+b\\;c\\<d\\>\\\"e\\\"\\\\f\\ ,"
        "1.2.840.113549.1.9.1=#160d6a616e657a40746573742e7369,C=SI");
    EXPECT_EQ(certificate.taxNumber(), "");
}

TEST_F(X509CertificateTest, SerialBeyond64BitsIsExact) {
    const X509Certificate certificate = build({{"CN", "x"}}, "0123456789ABCDEF0123", *key);
    EXPECT_EQ(certificate.serialDecimal(), "5373003642731685151011");
}

TEST_F(X509CertificateTest, DerBase64AndPemRoundTrip) {
    const X509Certificate certificate = build({{"CN", "round trip"}}, "0A", *key);
    const std::string der = certificate.der();
    EXPECT_EQ(certificate.derBase64(), base64(der));  // standard alphabet with padding, no line breaks
    EXPECT_EQ(certificate.derBase64().find('\n'), std::string::npos);
    EXPECT_EQ(X509Certificate::fromDer(der).serialDecimal(), "10");
    const std::string pem = certificate.pem();
    EXPECT_EQ(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
    EXPECT_EQ(X509Certificate::fromPem(pem).der(), der);
}

TEST_F(X509CertificateTest, ReadsPemFilesAndSaysWhatIsWrong) {
    const std::string dir = makeTempDirectory();
    const X509Certificate certificate = build({{"CN", "file"}}, "0B", *key);
    std::ofstream(dir + "/cert.pem") << certificate.pem();
    EXPECT_EQ(X509Certificate::fromPemFile(dir + "/cert.pem").der(), certificate.der());
    try {
        X509Certificate::fromPemFile(dir + "/missing.pem");
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& error) {
        EXPECT_EQ(std::string(error.what()), "cannot read the certificate file " + dir + "/missing.pem");
    }
    try {
        X509Certificate::fromPem("garbage");
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& error) {
        EXPECT_EQ(std::string(error.what()).rfind("not a PEM certificate", 0), 0u) << error.what();
    }
    EXPECT_THROW(X509Certificate::fromDer("garbage"), std::runtime_error);
    removeDirectory(dir);
}

TEST_F(X509CertificateTest, ValidityInEpochSeconds) {
    const std::int64_t now = std::time(nullptr);
    const X509Certificate certificate = build({{"CN", "time"}}, "0C", *key, nullptr, nullptr, 1000);
    EXPECT_NEAR(static_cast<double>(certificate.notAfterEpochSeconds()), static_cast<double>(now + 1000),
                2.0);
    EXPECT_NEAR(static_cast<double>(certificate.notBeforeEpochSeconds()), static_cast<double>(now - 60), 2.0);
}

TEST_F(X509CertificateTest, VerifiesRs256WithItsPublicKey) {
    const X509Certificate certificate = build({{"CN", "signer"}}, "0D", *key);
    const std::string signature = key->signRs256("eyJhbGciOiJSUzI1NiJ9.e30");
    EXPECT_TRUE(certificate.verifyRs256("eyJhbGciOiJSUzI1NiJ9.e30", signature));
    EXPECT_FALSE(certificate.verifyRs256("eyJhbGciOiJSUzI1NiJ9.e31", signature));
    EXPECT_FALSE(
        certificate.verifyRs256("eyJhbGciOiJSUzI1NiJ9.e30", caKey->signRs256("eyJhbGciOiJSUzI1NiJ9.e30")));
    EXPECT_FALSE(certificate.verifyRs256("eyJhbGciOiJSUzI1NiJ9.e30", ""));
}

TEST_F(X509CertificateTest, ChainsToItsCaOnly) {
    const std::string dir = makeTempDirectory();
    const X509Certificate ca =
        build({{"C", "SI"}, {"CN", "Test CA"}}, "01", *caKey, nullptr, nullptr, 3600, true);
    const X509Certificate leaf = build({{"CN", "leaf"}}, "02", *key, &ca, caKey.get());
    const X509Certificate otherCa =
        build({{"C", "SI"}, {"CN", "Other CA"}}, "05", *caKey, nullptr, nullptr, 3600, true);
    const X509Certificate stranger = build({{"CN", "stranger"}}, "03", *key, &otherCa, caKey.get());
    std::ofstream(dir + "/ca.pem") << ca.pem();
    std::string why;
    EXPECT_TRUE(leaf.chainsTo(dir + "/ca.pem", &why)) << why;
    EXPECT_FALSE(stranger.chainsTo(dir + "/ca.pem", &why));
    EXPECT_EQ(why, "unable to get local issuer certificate");
    EXPECT_FALSE(leaf.chainsTo(dir + "/missing.pem", &why));
    EXPECT_EQ(why.rfind("cannot read CA certificates from " + dir + "/missing.pem", 0), 0u) << why;
    const X509Certificate expired = build({{"CN", "old"}}, "04", *key, &ca, caKey.get(), -30);
    EXPECT_FALSE(expired.chainsTo(dir + "/ca.pem", &why));
    EXPECT_EQ(why, "certificate has expired");
    removeDirectory(dir);
}

TEST_F(X509CertificateTest, CopiesShareTheCertificate) {
    const X509Certificate certificate = build({{"CN", "shared"}}, "0E", *key);
    const X509Certificate copy = certificate;
    EXPECT_EQ(copy.native(), certificate.native());
    EXPECT_THROW(X509Certificate::fromNative(nullptr), std::runtime_error);
}

}  // namespace
}  // namespace furs_test
