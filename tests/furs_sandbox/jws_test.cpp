// JWS framing (RFC 7515) as FURS's JSON messages use it [SPEC32 §8], checked against the RFC's own
// example values, FURS's example header, and the openssl command line.

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include <gtest/gtest.h>

#include "estore/host/fiscal/jws.h"
#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/rsa_key.h"
#include "furs_test_support.h"

namespace furs_test {
namespace {

using estore::host::base64UrlDecode;
using estore::host::base64UrlEncode;
using estore::host::compactJws;
using estore::host::parseCompactJws;

// RFC 7515 Appendix A.1: the header and payload exactly as the RFC gives their octets (CRLF, a space).
const std::string kRfcHeader = "{\"typ\":\"JWT\",\r\n \"alg\":\"HS256\"}";
const std::string kRfcPayload =
    "{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"http://example.com/is_root\":true}";
const std::string kRfcToken =
    "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
    "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ."
    "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
// RFC 7515 A.1's HMAC key (the JWK "k" value).
const std::string kRfcHmacKey =
    "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";

std::string hmacSha256(const std::string& key, const std::string& data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &length);
    return std::string(reinterpret_cast<const char*>(out), length);
}

TEST(Base64Url, EncodesRfc7515Examples) {
    EXPECT_EQ(base64UrlEncode(kRfcHeader), "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9");
    EXPECT_EQ(
        base64UrlEncode(kRfcPayload),
        "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ");
    EXPECT_EQ(base64UrlEncode("{\"alg\":\"RS256\"}"), "eyJhbGciOiJSUzI1NiJ9");  // A.2
    // Appendix C: [3, 236, 255, 224, 193] → "A-z_4ME" (no padding, '-' and '_').
    EXPECT_EQ(base64UrlEncode(std::string("\x03\xec\xff\xe0\xc1", 5)), "A-z_4ME");
    EXPECT_EQ(base64UrlEncode(""), "");
}

TEST(Base64, StandardAlphabetWithPaddingAsX5cWantsIt) {
    // RFC 4648 §10's test vectors.
    EXPECT_EQ(estore::host::base64Encode(""), "");
    EXPECT_EQ(estore::host::base64Encode("f"), "Zg==");
    EXPECT_EQ(estore::host::base64Encode("fo"), "Zm8=");
    EXPECT_EQ(estore::host::base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(estore::host::base64Encode(std::string("\x03\xec\xff\xe0\xc1", 5)), "A+z/4ME=");
    EXPECT_EQ(base64UrlEncode("f"), "Zg");
    EXPECT_EQ(base64UrlEncode("fo"), "Zm8");
}

TEST(Base64Url, DecodesAndRefusesBadText) {
    EXPECT_EQ(base64UrlDecode("A-z_4ME"), std::string("\x03\xec\xff\xe0\xc1", 5));
    EXPECT_EQ(base64UrlDecode("eyJhbGciOiJSUzI1NiJ9"), "{\"alg\":\"RS256\"}");
    EXPECT_EQ(base64UrlDecode(""), "");
    EXPECT_FALSE(base64UrlDecode("A-z_4ME="));  // padding is not base64url in JWS
    EXPECT_FALSE(base64UrlDecode("A+z/4ME"));   // the standard alphabet's characters
    EXPECT_FALSE(base64UrlDecode("eyJ0 eXAi"));
    EXPECT_FALSE(base64UrlDecode("eyJhb"));  // 5 characters: length % 4 == 1
}

TEST(Base64Url, RoundTripsEveryLength) {
    std::mt19937 random(7);
    for (std::size_t length = 0; length < 70; ++length) {
        std::string bytes(length, '\0');
        for (char& c : bytes) c = static_cast<char>(random() & 0xff);
        const std::string encoded = base64UrlEncode(bytes);
        EXPECT_EQ(encoded.size(), (length * 4 + 2) / 3);
        EXPECT_EQ(base64UrlDecode(encoded), bytes) << length;
    }
}

TEST(Base64Url, FursExampleHeader) {
    // SPEC32 §9.1: the JWS header of an invoice and its base64url form, as FURS prints them.
    const std::string header =
        "{\"alg\":\"RS256\",\"subject_name\":\"CN=ITM STORITVE\\\\, \xc5\xa0PELA PERGAR "
        "S.P.,2.5.4.5=#130131,OU=99999862,OU=DavPotRacTEST,O=state-institutions,C=SI\",\"issuer_name\":\"CN="
        "Tax CA "
        "Test,O=state-institutions,C=SI\",\"serial\":2575988469811686647}";
    const std::string encoded =
        "eyJhbGciOiJSUzI1NiIsInN1YmplY3RfbmFtZSI6IkNOPUlUTSBTVE9SSVRWRVxcLCDFoFBFTEEgUEVSR0FSIFMuUC4sMi41LjQu"
        "NT0jMTMw"
        "MTMxLE9VPTk5OTk5ODYyLE9VPURhdlBvdFJhY1RFU1QsTz1zdGF0ZS1pbnN0aXR1dGlvbnMsQz1TSSIsImlzc3Vlcl9uYW1lIjoi"
        "Q049VGF4"
        "IENBIFRlc3QsTz1zdGF0ZS1pbnN0aXR1dGlvbnMsQz1TSSIsInNlcmlhbCI6MjU3NTk4ODQ2OTgxMTY4NjY0N30";
    EXPECT_EQ(base64UrlEncode(header), encoded);
    EXPECT_EQ(base64UrlDecode(encoded), header);
}

TEST(CompactJws, BuildsRfc7515HmacExampleExactly) {
    // The framing is the same for every algorithm; HS256 is the RFC example with a published key and result.
    const std::string key = *base64UrlDecode(kRfcHmacKey);
    std::string seenInput;
    const std::string token = compactJws(kRfcHeader, kRfcPayload, [&](const std::string& input) {
        seenInput = input;
        return hmacSha256(key, input);
    });
    EXPECT_EQ(token, kRfcToken);
    EXPECT_EQ(seenInput, kRfcToken.substr(0, kRfcToken.rfind('.')));
}

TEST(CompactJws, ParsesRfc7515Example) {
    const std::optional<estore::host::JwsParts> parts = parseCompactJws(kRfcToken);
    ASSERT_TRUE(parts);
    EXPECT_EQ(parts->headerJson, kRfcHeader);
    EXPECT_EQ(parts->payload, kRfcPayload);
    EXPECT_EQ(parts->signingInput, kRfcToken.substr(0, kRfcToken.rfind('.')));
    EXPECT_EQ(parts->signature, hmacSha256(*base64UrlDecode(kRfcHmacKey), parts->signingInput));
}

TEST(CompactJws, RefusesAnythingButThreeValidParts) {
    EXPECT_FALSE(parseCompactJws(""));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30"));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30.c2ln.c2ln"));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9..c2ln"));
    EXPECT_FALSE(parseCompactJws(".e30.c2ln"));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30."));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30=.c2ln"));
    EXPECT_FALSE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30.c2lnb"));  // 5 characters: no encoding
    EXPECT_TRUE(parseCompactJws("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
}

TEST(CompactJws, RsaSignatureVerifiesWithOpensslCommandLine) {
    if (std::system("openssl version > /dev/null 2>&1") != 0)
        GTEST_SKIP() << "openssl command line not available";
    const std::string dir = makeTempDirectory();
    // The key comes from the command line, the signature from our code, the check from the command line.
    ASSERT_EQ(std::system(("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out " + dir +
                           "/key.pem > /dev/null 2>&1 && openssl pkey -in " + dir + "/key.pem -pubout -out " +
                           dir + "/pub.pem > /dev/null 2>&1")
                              .c_str()),
              0);
    const furs_sandbox::RsaKey key = furs_sandbox::RsaKey::fromPemFile(dir + "/key.pem");
    const std::string token = compactJws("{\"alg\":\"RS256\"}", "{\"EchoRequest\":\"furs\"}",
                                         [&](const std::string& input) { return key.signRs256(input); });
    const std::optional<estore::host::JwsParts> parts = parseCompactJws(token);
    ASSERT_TRUE(parts);
    std::ofstream(dir + "/input", std::ios::binary) << parts->signingInput;
    std::ofstream(dir + "/sig.bin", std::ios::binary) << parts->signature;
    std::ofstream(dir + "/other", std::ios::binary) << parts->signingInput << "x";
    const std::string verify = "cd " + dir + " && openssl dgst -sha256 -verify pub.pem -signature sig.bin ";
    EXPECT_EQ(std::system((verify + "input > verified.txt 2>&1").c_str()), 0);
    std::ifstream verified(dir + "/verified.txt");
    std::string line;
    std::getline(verified, line);
    EXPECT_EQ(line, "Verified OK");
    EXPECT_NE(std::system((verify + "other > /dev/null 2>&1").c_str()), 0);
    removeDirectory(dir);
}

}  // namespace
}  // namespace furs_test
