#pragma once
// What the furs-sandbox tests share: an HTTPS client that presents a company certificate (or none), a
// FURS client's signing of messages, request payloads shaped like SPEC32 §9.1 and §9.4, decoding and
// checking the sandbox's signed answers, and a fixture with a started sandbox.
#include <memory>
#include <string>

#include <Poco/JSON/Object.h>
#include <gtest/gtest.h>

#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/jws.h"
#include "estore/host/fiscal/x509_certificate.h"
#include "estore/host/furs_sandbox/furs_api.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"
#include "estore/host/furs_sandbox/json_value.h"

namespace furs_test {

/// A fresh folder under the system temp folder; the caller removes it.
std::string makeTempDirectory();
void removeDirectory(const std::string& path);
std::string newMessageId();

struct HttpResult {
    int status = 0;
    std::string body;
    std::string contentType;
};

/// HTTPS to 127.0.0.1 trusting only the sandbox CA, one connection per request; presents `identity` as
/// the client certificate when given.
class TestClient {
public:
    TestClient(unsigned short port, const std::string& caFile, const furs_sandbox::CertificateFiles* identity,
               int timeoutMs = 5000);

    HttpResult send(const std::string& method, const std::string& path, const std::string& body = "") const;
    HttpResult post(const std::string& path, const std::string& body) const {
        return send("POST", path, body);
    }
    HttpResult get(const std::string& path) const { return send("GET", path); }

private:
    unsigned short _port;
    std::string _caFile;
    std::string _certificateFile;
    std::string _keyFile;
    int _timeoutMs;
};

/// A taxpayer with a sandbox-issued certificate, signing messages like a FURS client [SPEC32 §8].
class Company {
public:
    Company(const furs_sandbox::IssuedCertificate& issued, const std::string& dir);

    const furs_sandbox::CertificateFiles& files() const { return _files; }
    const estore::host::X509Certificate& certificate() const { return _certificate; }
    const std::string& taxNumber() const { return _taxNumber; }
    std::string serial() const { return _certificate.serialDecimal(); }

    /// {"alg":"RS256","subject_name":…,"issuer_name":…,"serial":N} of this certificate [SPEC32 §8.1].
    std::string headerJson() const;
    std::string sign(const std::string& data) const { return _signer->sign(data); }
    /// {"token":"<JWS>"} with the header given (default: this certificate's), signed with this key.
    std::string tokenBody(const std::string& payload) const { return tokenBody(headerJson(), payload); }
    std::string tokenBody(const std::string& headerJson, const std::string& payload) const;

private:
    furs_sandbox::CertificateFiles _files;
    estore::host::X509Certificate _certificate;
    std::string _taxNumber;
    std::unique_ptr<estore::host::FiscalSigner> _signer;
};

/// Request payloads (compact JSON) like SPEC32's examples.
class Messages {
public:
    struct Invoice {
        std::string taxNumber = "12345678";
        std::string premise = "TRGOVINA1";
        std::string device = "BLAG2";
        std::string number = "145";
        std::string amount = "66.71";
        bool subsequent = false;
        std::string messageId = newMessageId();
    };

    /// A BusinessPremiseRequest with a RealEstateBP like SPEC32 §9.4's.
    static std::string premise(const std::string& taxNumber, const std::string& premiseId,
                               bool closing = false, const std::string& messageId = newMessageId());
    /// An InvoiceRequest like SPEC32 §9.1's.
    static std::string invoice(const Invoice& invoice);
    /// `text` with the first `from` replaced by `to`; fails the test when `from` is not there.
    static std::string replaced(const std::string& text, const std::string& from, const std::string& to);
};

/// A signed answer of the sandbox, taken apart and checked like a careful client would: RS256 with the
/// "x5c" certificate, which must chain to the sandbox CA [SPEC32 §8.1; furs-protocol.md §2].
struct Answer {
    estore::host::JwsParts jws;
    furs_sandbox::JsonValue header;
    Poco::JSON::Object::Ptr payload;  ///< the response object under its root name
    std::string root;                 ///< "InvoiceResponse" or "BusinessPremiseResponse"

    /// Fails the test (and returns an Answer with a null payload) when the body is not such an answer.
    static Answer decode(const HttpResult& result, const std::string& caFile);

    std::string messageId() const;
    std::string errorCode() const;  ///< "" without Error
    std::string errorMessage() const;
    std::string eor() const;  ///< UniqueInvoiceID, "" without
};

/// A started sandbox on a state folder shared by the test suite (the PKI is made once per process), with
/// two companies: 12345678 and 87654321. Ledger in memory: every test starts without premises.
class FursSandboxTest : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void SetUp() override;
    void TearDown() override;

    TestClient client(int timeoutMs = 5000) const;  ///< as the first company
    TestClient clientAs(const Company& company, int timeoutMs = 5000) const;
    TestClient anonymousClient() const;  ///< no client certificate
    /// Registers premise `premiseId` of the first company and expects success.
    void registerPremise(const std::string& premiseId = "TRGOVINA1");
    /// Sends `payload` signed by the first company to the invoice path.
    HttpResult sendInvoice(const std::string& payload) const;
    Answer decode(const HttpResult& result) const { return Answer::decode(result, sandbox->caFile()); }

    static inline std::string stateDir;
    static inline std::unique_ptr<Company> company;
    static inline std::unique_ptr<Company> otherCompany;
    std::unique_ptr<furs_sandbox::FursSandbox> sandbox;
};

}  // namespace furs_test
