// The /_sandbox/ control API and the state folder: certificates like FURS's test ones, what was received,
// faults over HTTP, and a PKI and ledger that survive a restart.

#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include "estore/host/furs_sandbox/rsa_key.h"
#include "furs_test_support.h"

namespace furs_test {
namespace {

using furs_sandbox::FursApi;
using Poco::JSON::Object;

Object::Ptr json(const HttpResult& result) {
    EXPECT_EQ(result.contentType, "application/json; charset=UTF-8");
    return Poco::JSON::Parser().parse(result.body).extract<Object::Ptr>();
}

std::string base64Decode(const std::string& text) {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in);
    std::string bytes;
    Poco::StreamCopier::copyToString(decoder, bytes);
    return bytes;
}

unsigned mode(const std::filesystem::path& path) {
    struct stat info {};
    EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
    return info.st_mode & 0777;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class ControlApiTest : public FursSandboxTest {};

TEST_F(ControlApiTest, IssuesCertificatesLikeFursTestOnes) {
    const HttpResult result = anonymousClient().post(
        "/_sandbox/certificates", "{\"tax_number\":\"23456789\",\"name\":\"TESTNO PODJETJE 1\"}");
    ASSERT_EQ(result.status, 200) << result.body;
    const Object::Ptr issued = json(result);
    EXPECT_EQ(issued->getValue<std::string>("tax_number"), "23456789");

    const auto certificate =
        estore::host::X509Certificate::fromPem(issued->getValue<std::string>("certificate"));
    EXPECT_EQ(certificate.subjectRfc2253(),
              "CN=TESTNO PODJETJE 1,2.5.4.5=#130131,OU=23456789,OU=DavPotRacTEST,O=state-institutions,C=SI");
    EXPECT_EQ(certificate.issuerRfc2253(), "CN=Tax CA Test Sandbox,O=state-institutions,C=SI");
    EXPECT_EQ(certificate.taxNumber(), "23456789");
    EXPECT_EQ(certificate.serialDecimal(), issued->getValue<std::string>("serial"));
    EXPECT_GE(certificate.serialDecimal().size(), 21u) << "a random serial beyond 64 bits";
    std::string why;
    EXPECT_TRUE(certificate.chainsTo(sandbox->caFile(), &why)) << why;

    const auto key = furs_sandbox::RsaKey::fromPem(issued->getValue<std::string>("private_key"));
    EXPECT_EQ(X509_check_private_key(certificate.native(), key.native()), 1);

    // The .p12 opens with its password and holds the same certificate and key.
    const std::string p12 = base64Decode(issued->getValue<std::string>("p12_base64"));
    const auto* bytes = reinterpret_cast<const unsigned char*>(p12.data());
    PKCS12* bundle = d2i_PKCS12(nullptr, &bytes, static_cast<long>(p12.size()));
    ASSERT_NE(bundle, nullptr);
    EVP_PKEY* p12Key = nullptr;
    X509* p12Certificate = nullptr;
    EXPECT_EQ(PKCS12_parse(bundle, "wrong", &p12Key, &p12Certificate, nullptr), 0);
    ERR_clear_error();
    ASSERT_EQ(PKCS12_parse(bundle, issued->getValue<std::string>("p12_password").c_str(), &p12Key,
                           &p12Certificate, nullptr),
              1);
    EXPECT_EQ(estore::host::X509Certificate::fromNative(p12Certificate).serialDecimal(),
              certificate.serialDecimal());
    EXPECT_EQ(X509_check_private_key(certificate.native(), p12Key), 1);
    EVP_PKEY_free(p12Key);
    X509_free(p12Certificate);
    PKCS12_free(bundle);

    // And it opens the FURS paths.
    const std::string dir = makeTempDirectory();
    furs_sandbox::CertificateFiles files{dir + "/c.pem", dir + "/k.pem", "", ""};
    std::ofstream(files.certificate) << issued->getValue<std::string>("certificate");
    std::ofstream(files.privateKey) << issued->getValue<std::string>("private_key");
    const HttpResult echo = TestClient(sandbox->port(), sandbox->caFile(), &files)
                                .post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}");
    EXPECT_EQ(echo.body, "{\"EchoResponse\":\"furs\"}");
    removeDirectory(dir);
}

TEST_F(ControlApiTest, RefusesBadCertificateRequests) {
    const HttpResult shortTax =
        anonymousClient().post("/_sandbox/certificates", "{\"tax_number\":\"1234567\",\"name\":\"A\"}");
    EXPECT_EQ(shortTax.status, 400);
    EXPECT_EQ(json(shortTax)->getValue<std::string>("error"),
              "tax_number must be 8 digits without a leading zero, got \"1234567\"");
    const HttpResult noName =
        anonymousClient().post("/_sandbox/certificates", "{\"tax_number\":\"12345678\"}");
    EXPECT_EQ(noName.status, 400);
    EXPECT_EQ(json(noName)->getValue<std::string>("error"),
              "name must have 1 to 64 characters (the CN's limit)");
    EXPECT_EQ(anonymousClient().post("/_sandbox/certificates", "not json").status, 400);
}

TEST_F(ControlApiTest, WritesCertificateFilesWithPrivateModes) {
    const std::string dir = makeTempDirectory();
    const furs_sandbox::IssuedCertificate issued = sandbox->issueCertificate("34567890", "DATOTEKE D.O.O.");
    const furs_sandbox::CertificateFiles files = issued.writeTo(dir + "/company");
    EXPECT_EQ(files.certificate, std::filesystem::path(dir) / "company" / "34567890.cert.pem");
    EXPECT_EQ(readFile(files.certificate), issued.certificatePem);
    EXPECT_EQ(readFile(files.privateKey), issued.privateKeyPem);
    EXPECT_EQ(readFile(files.p12), issued.p12);
    EXPECT_EQ(readFile(files.p12Password), issued.p12Password + "\n");
    EXPECT_EQ(mode(files.certificate), 0644u);
    EXPECT_EQ(mode(files.privateKey), 0600u);
    EXPECT_EQ(mode(files.p12), 0600u);
    EXPECT_EQ(mode(files.p12Password), 0600u);
    // FiscalSigner (the host's) takes the files as they are.
    EXPECT_NO_THROW(
        estore::host::FiscalSigner::load(files.certificate.string(), files.privateKey.string(), ""));
    removeDirectory(dir);
}

TEST_F(ControlApiTest, ListsWhatWasReceived) {
    registerPremise();
    Messages::Invoice first;
    const std::string eor = decode(sendInvoice(Messages::invoice(first))).eor();
    Messages::Invoice retry = first;
    retry.messageId = newMessageId();
    retry.subsequent = true;
    decode(sendInvoice(Messages::invoice(retry)));

    const Object::Ptr invoices = json(anonymousClient().get("/_sandbox/invoices"));
    const Poco::JSON::Array::Ptr list = invoices->getArray("invoices");
    ASSERT_EQ(list->size(), 1u);
    const Object::Ptr invoice = list->getObject(0);
    EXPECT_EQ(invoice->getValue<std::string>("tax_number"), "12345678");
    EXPECT_EQ(invoice->getValue<std::string>("identifier"), "TRGOVINA1-BLAG2-145");
    EXPECT_EQ(invoice->getValue<std::string>("invoice_amount"), "66.71");
    EXPECT_EQ(invoice->getValue<std::string>("protected_id"), "34905bcff14b381039af2e9d7eee54bb");
    EXPECT_EQ(invoice->getValue<std::string>("eor"), eor);
    EXPECT_EQ(invoice->getValue<int>("times_submitted"), 2);
    EXPECT_EQ(invoice->getArray("subsequent_submit")->getElement<bool>(0), false);
    EXPECT_EQ(invoice->getArray("subsequent_submit")->getElement<bool>(1), true);
    EXPECT_EQ(invoice->getArray("message_ids")->getElement<std::string>(0), first.messageId);
    EXPECT_EQ(invoice->getArray("message_ids")->getElement<std::string>(1), retry.messageId);

    const Object::Ptr premises = json(anonymousClient().get("/_sandbox/premises"));
    const Object::Ptr premise = premises->getArray("premises")->getObject(0);
    EXPECT_EQ(premise->getValue<std::string>("premise_id"), "TRGOVINA1");
    EXPECT_EQ(premise->getValue<std::string>("kind"), "RealEstateBP");
    EXPECT_EQ(premise->getValue<bool>("closed"), false);
    EXPECT_EQ(premise->getValue<int>("times_registered"), 1);

    const Object::Ptr stats = json(anonymousClient().get("/_sandbox/stats"));
    EXPECT_EQ(stats->getObject("requests")->getObject(FursApi::kInvoicePath)->getValue<int>("ok"), 2);
    EXPECT_EQ(stats->getObject("requests")->getObject(FursApi::kPremisePath)->getValue<int>("ok"), 1);
    const HttpResult reset = anonymousClient().send("DELETE", "/_sandbox/stats");
    EXPECT_EQ(reset.body, "{\"requests\":{},\"faults\":{},\"connections_refused\":0}");
}

TEST_F(ControlApiTest, FaultsOverHttp) {
    const HttpResult set =
        anonymousClient().post("/_sandbox/faults", "{\"mode\":\"error500\",\"count\":2,\"delay_ms\":10}");
    EXPECT_EQ(set.body, "{\"mode\":\"error500\",\"count\":2,\"delay_ms\":10}");
    ASSERT_TRUE(sandbox->activeFault());
    EXPECT_EQ(sandbox->activeFault()->mode, furs_sandbox::FaultMode::Error500);
    EXPECT_EQ(client().post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}").status, 500);
    EXPECT_EQ(anonymousClient().get("/_sandbox/faults").body,
              "{\"mode\":\"error500\",\"count\":1,\"delay_ms\":10}");
    EXPECT_EQ(anonymousClient().send("DELETE", "/_sandbox/faults").body, "{}");
    EXPECT_FALSE(sandbox->activeFault());

    const HttpResult defaults = anonymousClient().post("/_sandbox/faults", "{\"mode\":\"timeout\"}");
    EXPECT_EQ(defaults.body, "{\"mode\":\"timeout\",\"count\":1,\"delay_ms\":10000}");
    sandbox->clearFaults();

    const HttpResult bad = anonymousClient().post("/_sandbox/faults", "{\"mode\":\"slow\"}");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(
        json(bad)->getValue<std::string>("error"),
        "mode must be timeout, error500, malformed, refuse_signature, lose_answer or down, got \"slow\"");
}

TEST_F(ControlApiTest, RevocationsOverHttp) {
    const std::string dir = makeTempDirectory();
    const Company revoked(sandbox->issueCertificate("45678901", "PREKLIC D.O.O."), dir);
    const HttpResult result =
        anonymousClient().post("/_sandbox/revocations", "{\"serial\":\"" + revoked.serial() + "\"}");
    EXPECT_EQ(result.body, "{\"serial\":\"" + revoked.serial() + "\",\"revoked\":true}");
    EXPECT_EQ(anonymousClient().post("/_sandbox/revocations", "{\"serial\":\"42\"}").status, 404);
    const Answer answer = decode(clientAs(revoked).post(
        FursApi::kPremisePath, revoked.tokenBody(Messages::premise("45678901", "P1"))));
    EXPECT_EQ(answer.errorCode(), "S007");
    removeDirectory(dir);
}

TEST_F(ControlApiTest, UnknownPathsAndMethods) {
    const HttpResult unknown = anonymousClient().get("/_sandbox/nothing");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(json(unknown)->getValue<std::string>("error"), "unknown control path /_sandbox/nothing");
    EXPECT_EQ(anonymousClient().send("PUT", "/_sandbox/invoices").status, 405);
}

TEST_F(ControlApiTest, ServesTheCaCertificate) {
    const HttpResult ca = anonymousClient().get("/_sandbox/ca");
    EXPECT_EQ(ca.status, 200);
    EXPECT_EQ(ca.body, readFile(sandbox->caFile()));
    EXPECT_EQ(estore::host::X509Certificate::fromPem(ca.body).subjectRfc2253(),
              "CN=Tax CA Test Sandbox,O=state-institutions,C=SI");
}

TEST_F(ControlApiTest, PkiIsPrivateAndSurvivesARestart) {
    const std::filesystem::path state = sandbox->stateDir();
    EXPECT_EQ(mode(state), 0700u);
    for (const char* key : {"ca.key", "server.key", "signing.key"})
        EXPECT_EQ(mode(state / key), 0600u) << key;
    const std::string caDer = sandbox->caCertificate().der();
    const std::string signingSerial = sandbox->signingCertificate().serialDecimal();
    const std::string serverSerial = sandbox->serverCertificate().serialDecimal();

    sandbox.reset();
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = state.string();
    options.keepLedger = false;
    sandbox = std::make_unique<furs_sandbox::FursSandbox>(options);
    sandbox->start();
    EXPECT_EQ(sandbox->caCertificate().der(), caDer);
    EXPECT_EQ(sandbox->signingCertificate().serialDecimal(), signingSerial);
    EXPECT_EQ(sandbox->serverCertificate().serialDecimal(), serverSerial);
    // A company certificate issued before the restart still works.
    EXPECT_EQ(client().post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}").status, 200);
}

TEST_F(ControlApiTest, KeptLedgerSurvivesARestart) {
    const std::string state = makeTempDirectory();
    // The same PKI as the suite's (the company certificates chain to it), with a ledger of its own.
    for (const char* file : {"ca.pem", "ca.key", "server.pem", "server.key", "signing.pem", "signing.key"})
        std::filesystem::copy_file(std::filesystem::path(sandbox->stateDir()) / file,
                                   std::filesystem::path(state) / file);
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = state;
    sandbox = std::make_unique<furs_sandbox::FursSandbox>(options);
    sandbox->start();
    registerPremise();
    Messages::Invoice invoice;
    const std::string eor = decode(sendInvoice(Messages::invoice(invoice))).eor();

    sandbox = std::make_unique<furs_sandbox::FursSandbox>(options);
    sandbox->start();
    ASSERT_EQ(sandbox->premises().size(), 1u);
    EXPECT_EQ(sandbox->premises()[0].premiseId, "TRGOVINA1");
    invoice.messageId = newMessageId();
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(invoice))).eor(), eor);
    EXPECT_EQ(sandbox->invoice("12345678", "TRGOVINA1-BLAG2-145")->timesSubmitted, 2);
    sandbox.reset();
    removeDirectory(state);
}

TEST_F(ControlApiTest, ListensOnLoopbackOnly) {
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = sandbox->stateDir();
    options.bindAddress = "0.0.0.0";
    EXPECT_THROW(furs_sandbox::FursSandbox{options}, std::invalid_argument);
    options.bindAddress = "127.0.0.1";
    options.stateDir.clear();
    EXPECT_THROW(furs_sandbox::FursSandbox{options}, std::invalid_argument);
    EXPECT_EQ(sandbox->baseUrl(), "https://127.0.0.1:" + std::to_string(sandbox->port()));
}

}  // namespace
}  // namespace furs_test
