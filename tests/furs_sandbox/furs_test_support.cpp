#include "furs_test_support.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <Poco/Base64Decoder.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/UUIDGenerator.h>

#include "estore/host/furs_sandbox/json_reader.h"
#include "estore/host/furs_sandbox/json_text.h"

namespace furs_test {

std::string makeTempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "furs_sandbox_test.XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

void removeDirectory(const std::string& path) {
    std::error_code ignored;
    if (!path.empty()) std::filesystem::remove_all(path, ignored);
}

std::string newMessageId() {
    return Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

TestClient::TestClient(unsigned short port, const std::string& caFile,
                       const furs_sandbox::CertificateFiles* identity, int timeoutMs)
    : _port(port), _caFile(caFile), _timeoutMs(timeoutMs) {
    if (identity) {
        _certificateFile = identity->certificate.string();
        _keyFile = identity->privateKey.string();
    }
}

HttpResult TestClient::send(const std::string& method, const std::string& path,
                            const std::string& body) const {
    // VERIFY_RELAXED on a client: the server's certificate must chain to the sandbox CA and name 127.0.0.1.
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, _keyFile, _certificateFile, _caFile,
                               Poco::Net::Context::VERIFY_RELAXED, 9, false);
    Poco::Net::HTTPSClientSession session("127.0.0.1", _port, context);
    session.setTimeout(Poco::Timespan(static_cast<long>(_timeoutMs) * 1000));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (method != "GET" && method != "DELETE") {
        request.setContentType("application/json; charset=UTF-8");  // SPEC32 §8
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    HttpResult result;
    result.status = static_cast<int>(response.getStatus());
    result.contentType = response.getContentType();
    Poco::StreamCopier::copyToString(in, result.body);
    return result;
}

Company::Company(const furs_sandbox::IssuedCertificate& issued, const std::string& dir)
    : _files(issued.writeTo(dir)),
      _certificate(estore::host::X509Certificate::fromPem(issued.certificatePem)),
      _taxNumber(issued.taxNumber),
      _signer(estore::host::FiscalSigner::load(_files.certificate.string(), _files.privateKey.string(), "")) {
}

std::string Company::headerJson() const {
    // The serial as a JSON number written from its decimal text (never a double), SPEC32 §8.1.
    return "{\"alg\":\"RS256\",\"subject_name\":" +
           furs_sandbox::JsonText::quote(_certificate.subjectRfc2253()) +
           ",\"issuer_name\":" + furs_sandbox::JsonText::quote(_certificate.issuerRfc2253()) +
           ",\"serial\":" + serial() + "}";
}

std::string Company::tokenBody(const std::string& headerJson, const std::string& payload) const {
    const std::string token = estore::host::compactJws(
        headerJson, payload, [this](const std::string& input) { return sign(input); });
    return "{\"token\":\"" + token + "\"}";
}

std::string Messages::premise(const std::string& taxNumber, const std::string& premiseId, bool closing,
                              const std::string& messageId) {
    return "{\"BusinessPremiseRequest\":{\"Header\":{\"MessageID\":\"" + messageId +
           "\",\"DateTime\":\"2026-03-02T09:30:47\"},\"BusinessPremise\":{\"TaxNumber\":" + taxNumber +
           ",\"BusinessPremiseID\":\"" + premiseId +
           "\",\"BPIdentifier\":{\"RealEstateBP\":{\"PropertyID\":{\"CadastralNumber\":365,"
           "\"BuildingNumber\":12,"
           "\"BuildingSectionNumber\":3},\"Address\":{\"Street\":\"Tržaška cesta\",\"HouseNumber\":\"24\","
           "\"HouseNumberAdditional\":\"B\",\"Community\":\"Ljubljana\",\"City\":\"Ljubljana\","
           "\"PostalCode\":"
           "\"1000\"}}},\"ValidityDate\":\"2026-01-01\"," +
           std::string(closing ? "\"ClosingTag\":\"Z\"," : "") +
           "\"SoftwareSupplier\":[{\"TaxNumber\":24564444}],\"SpecialNotes\":\"Primer prijave poslovnega "
           "prostora\"}}}";
}

std::string Messages::invoice(const Invoice& invoice) {
    return "{\"InvoiceRequest\":{\"Header\":{\"MessageID\":\"" + invoice.messageId +
           "\",\"DateTime\":\"2026-03-02T10:15:00\"},\"Invoice\":{\"TaxNumber\":" + invoice.taxNumber +
           ",\"IssueDateTime\":\"2026-03-02T10:15:00\",\"NumberingStructure\":\"B\",\"InvoiceIdentifier\":{"
           "\"BusinessPremiseID\":\"" +
           invoice.premise + "\",\"ElectronicDeviceID\":\"" + invoice.device + "\",\"InvoiceNumber\":\"" +
           invoice.number + "\"},\"InvoiceAmount\":" + invoice.amount +
           ",\"PaymentAmount\":" + invoice.amount +
           ",\"TaxesPerSeller\":[{\"VAT\":[{\"TaxRate\":22.00,\"TaxableAmount\":23.14,\"TaxAmount\":5.09},"
           "{\"TaxRate\":9.50,\"TaxableAmount\":35.14,\"TaxAmount\":3.34}]}],\"OperatorTaxNumber\":12345678,"
           "\"ProtectedID\":\"34905bcff14b381039af2e9d7eee54bb\"" +
           std::string(invoice.subsequent ? ",\"SubsequentSubmit\":true" : "") + "}}}";
}

std::string Messages::replaced(const std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at == std::string::npos) {
        ADD_FAILURE() << "\"" << from << "\" is not in " << text;
        return text;
    }
    std::string out = text;
    out.replace(at, from.size(), to);
    return out;
}

Answer Answer::decode(const HttpResult& result, const std::string& caFile) {
    Answer answer;
    EXPECT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.contentType, "application/json; charset=UTF-8");
    try {
        const auto body = Poco::JSON::Parser().parse(result.body).extract<Poco::JSON::Object::Ptr>();
        const std::optional<estore::host::JwsParts> jws =
            estore::host::parseCompactJws(body->getValue<std::string>("token"));
        if (!jws) {
            ADD_FAILURE() << "not a compact JWS: " << result.body;
            return answer;
        }
        answer.jws = *jws;
        std::optional<furs_sandbox::JsonValue> header = furs_sandbox::JsonReader::parse(jws->headerJson);
        if (!header) {
            ADD_FAILURE() << "header is not JSON: " << jws->headerJson;
            return answer;
        }
        answer.header = *header;
        EXPECT_EQ(header->stringAt("alg"), "RS256");
        const furs_sandbox::JsonValue* x5c = header->find("x5c");
        if (!x5c || x5c->items.size() != 1) {
            ADD_FAILURE() << "no x5c with one certificate: " << jws->headerJson;
            return answer;
        }
        std::istringstream encoded(x5c->items[0].text);
        Poco::Base64Decoder decoder(encoded);
        std::string der;
        Poco::StreamCopier::copyToString(decoder, der);
        const auto signer = estore::host::X509Certificate::fromDer(der);
        EXPECT_TRUE(signer.verifyRs256(jws->signingInput, jws->signature)) << "the answer's signature";
        std::string why;
        EXPECT_TRUE(signer.chainsTo(caFile, &why)) << why;
        const auto payload = Poco::JSON::Parser().parse(jws->payload).extract<Poco::JSON::Object::Ptr>();
        EXPECT_EQ(payload->size(), 1u) << jws->payload;
        answer.root = payload->begin()->first;
        answer.payload = payload->getObject(answer.root);
    } catch (const std::exception& error) {
        ADD_FAILURE() << "not a signed FURS answer (" << error.what() << "): " << result.body;
    }
    return answer;
}

std::string Answer::messageId() const {
    return payload ? payload->getObject("Header")->optValue<std::string>("MessageID", "") : "";
}

std::string Answer::errorCode() const {
    return payload && payload->has("Error")
               ? payload->getObject("Error")->optValue<std::string>("ErrorCode", "")
               : "";
}

std::string Answer::errorMessage() const {
    return payload && payload->has("Error")
               ? payload->getObject("Error")->optValue<std::string>("ErrorMessage", "")
               : "";
}

std::string Answer::eor() const {
    return payload ? payload->optValue<std::string>("UniqueInvoiceID", "") : "";
}

void FursSandboxTest::SetUpTestSuite() {
    stateDir = makeTempDirectory();
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = stateDir + "/state";
    furs_sandbox::FursSandbox maker(options);
    company =
        std::make_unique<Company>(maker.issueCertificate("12345678", "TESTNO PODJETJE 1"), stateDir + "/c1");
    otherCompany =
        std::make_unique<Company>(maker.issueCertificate("87654321", "TESTNO PODJETJE 2"), stateDir + "/c2");
}

void FursSandboxTest::TearDownTestSuite() {
    company.reset();
    otherCompany.reset();
    removeDirectory(stateDir);
}

void FursSandboxTest::SetUp() {
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = stateDir + "/state";
    options.keepLedger = false;
    sandbox = std::make_unique<furs_sandbox::FursSandbox>(options);
    sandbox->start();
}

void FursSandboxTest::TearDown() {
    sandbox.reset();
}

TestClient FursSandboxTest::client(int timeoutMs) const {
    return clientAs(*company, timeoutMs);
}

TestClient FursSandboxTest::clientAs(const Company& who, int timeoutMs) const {
    return TestClient(sandbox->port(), sandbox->caFile(), &who.files(), timeoutMs);
}

TestClient FursSandboxTest::anonymousClient() const {
    return TestClient(sandbox->port(), sandbox->caFile(), nullptr);
}

void FursSandboxTest::registerPremise(const std::string& premiseId) {
    const HttpResult result = client().post(furs_sandbox::FursApi::kPremisePath,
                                            company->tokenBody(Messages::premise("12345678", premiseId)));
    const Answer answer = decode(result);
    ASSERT_EQ(answer.root, "BusinessPremiseResponse");
    ASSERT_EQ(answer.errorCode(), "") << answer.errorMessage();
}

HttpResult FursSandboxTest::sendInvoice(const std::string& payload) const {
    return client().post(furs_sandbox::FursApi::kInvoicePath, company->tokenBody(payload));
}

}  // namespace furs_test
