// The FURS side of the sandbox over HTTPS with a client certificate: echo, premise and invoice, the
// signed answers, idempotent EORs and every error code it plays [SPEC32 §4, §6.1, §8, §9].

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <fstream>
#include <regex>

#include <gtest/gtest.h>

#include "estore/host/furs_sandbox/rsa_key.h"
#include "furs_test_support.h"

namespace furs_test {
namespace {

using furs_sandbox::FursApi;

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
const std::regex kLocalDateTime("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

class FursApiTest : public FursSandboxTest {};

TEST_F(FursApiTest, EchoAnswersLikeSpec) {
    const HttpResult result = client().post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.contentType, "application/json; charset=UTF-8");
    EXPECT_EQ(result.body, "{\"EchoResponse\":\"furs\"}");  // SPEC32 §9.8, unsigned
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kEchoPath).at("ok"), 1);
}

TEST_F(FursApiTest, RequestsWithoutClientCertificateGet401Html) {
    const HttpResult echo = anonymousClient().post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}");
    EXPECT_EQ(echo.status, 401);
    EXPECT_EQ(echo.contentType, "text/html; charset=UTF-8");
    EXPECT_NE(echo.body.find("401 Authorization Required"), std::string::npos) << echo.body;
    const HttpResult premise = anonymousClient().post(
        FursApi::kPremisePath, company->tokenBody(Messages::premise("12345678", "TRGOVINA1")));
    EXPECT_EQ(premise.status, 401);
    EXPECT_TRUE(sandbox->premises().empty());
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kPremisePath).at("no_client_certificate"), 1);
}

TEST_F(FursApiTest, ControlPathsWorkWithoutClientCertificate) {
    const HttpResult result = anonymousClient().get("/_sandbox/stats");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body, "{\"requests\":{},\"faults\":{},\"connections_refused\":0}");
}

/// A self-signed certificate in FURS's subject form, but from no CA the sandbox knows.
furs_sandbox::CertificateFiles foreignIdentity(const std::string& dir) {
    const furs_sandbox::RsaKey key = furs_sandbox::RsaKey::generate();
    X509* certificate = X509_new();
    X509_set_version(certificate, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(certificate), 7);
    X509_gmtime_adj(X509_getm_notBefore(certificate), -60);
    X509_gmtime_adj(X509_getm_notAfter(certificate), 3600);
    X509_NAME* name = X509_get_subject_name(certificate);
    for (const auto& [field, value] : {std::pair{"C", "SI"}, {"OU", "12345678"}, {"CN", "TESTNO PODJETJE 1"}})
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(value),
                                   -1, -1, 0);
    X509_set_issuer_name(certificate, name);
    X509_set_pubkey(certificate, key.native());
    X509_sign(certificate, key.native(), EVP_sha256());
    furs_sandbox::CertificateFiles files{dir + "/foreign.pem", dir + "/foreign.key", "", ""};
    std::ofstream(files.certificate) << estore::host::X509Certificate::fromNative(certificate).pem();
    std::ofstream(files.privateKey) << key.pem();
    X509_free(certificate);
    return files;
}

TEST_F(FursApiTest, CertificateOfAnotherCaFailsTheHandshake) {
    const std::string dir = makeTempDirectory();
    const furs_sandbox::CertificateFiles files = foreignIdentity(dir);
    const TestClient stranger(sandbox->port(), sandbox->caFile(), &files);
    EXPECT_THROW(stranger.post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}"), Poco::Exception);
    removeDirectory(dir);
}

TEST_F(FursApiTest, PremiseThenInvoiceGetsAnEorInASignedAnswer) {
    const std::string premiseMessageId = newMessageId();
    const Answer premise = decode(client().post(
        FursApi::kPremisePath,
        company->tokenBody(Messages::premise("12345678", "TRGOVINA1", false, premiseMessageId))));
    ASSERT_TRUE(premise.payload);
    EXPECT_EQ(premise.root, "BusinessPremiseResponse");
    EXPECT_EQ(premise.messageId(), premiseMessageId);  // SPEC32 §3.2.4: the request's
    EXPECT_FALSE(premise.payload->has("Error"));
    EXPECT_EQ(premise.payload->size(), 1u);  // the header alone (SPEC32 §9.5)
    EXPECT_TRUE(std::regex_match(premise.payload->getObject("Header")->getValue<std::string>("DateTime"),
                                 kLocalDateTime));

    Messages::Invoice invoice;
    const Answer answer = decode(sendInvoice(Messages::invoice(invoice)));
    ASSERT_TRUE(answer.payload);
    EXPECT_EQ(answer.root, "InvoiceResponse");
    EXPECT_EQ(answer.messageId(), invoice.messageId);
    EXPECT_EQ(answer.errorCode(), "");
    EXPECT_TRUE(std::regex_match(answer.eor(), kUuid)) << answer.eor();

    // The answer's header names the signing certificate as FURS's does (SPEC32 §8.1, §9.3).
    const estore::host::X509Certificate signing = sandbox->signingCertificate();
    EXPECT_EQ(answer.header.stringAt("subject_name"),
              "CN=DavPotRacTEST+2.5.4.5=#130d39393930303030303030303031,OU=systems,O=state authorities,C=SI");
    EXPECT_EQ(answer.header.stringAt("issuer_name"), "CN=Tax CA Test Sandbox,O=state-institutions,C=SI");
    const furs_sandbox::JsonValue* serial = answer.header.find("serial");
    ASSERT_NE(serial, nullptr);
    EXPECT_TRUE(serial->isNumber());
    EXPECT_EQ(serial->text, signing.serialDecimal());
    EXPECT_GT(serial->text.size(), 20u) << "a serial beyond 64 bits, like FURS's";
    EXPECT_EQ(signing.commonName(), "DavPotRacTEST");
    EXPECT_EQ(answer.header.members.front().first, "alg");

    const std::optional<furs_sandbox::InvoiceRecord> record =
        sandbox->invoice("12345678", "TRGOVINA1-BLAG2-145");
    ASSERT_TRUE(record);
    EXPECT_EQ(record->eor, answer.eor());
    EXPECT_EQ(record->invoiceAmount, "66.71");
    EXPECT_EQ(record->protectedId, "34905bcff14b381039af2e9d7eee54bb");
    EXPECT_EQ(record->issueDateTime, "2026-03-02T10:15:00");
    EXPECT_EQ(record->timesSubmitted, 1);
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kInvoicePath).at("ok"), 1);
}

TEST_F(FursApiTest, SameInvoiceAgainGetsTheSameEor) {
    registerPremise();
    Messages::Invoice first;
    const std::string eor = decode(sendInvoice(Messages::invoice(first))).eor();
    ASSERT_TRUE(std::regex_match(eor, kUuid)) << eor;

    Messages::Invoice retry = first;
    retry.messageId = newMessageId();  // a resend has a new MessageID (SPEC32 R_1.0)
    retry.subsequent = true;
    const Answer again = decode(sendInvoice(Messages::invoice(retry)));
    EXPECT_EQ(again.eor(), eor);
    EXPECT_EQ(again.messageId(), retry.messageId);

    Messages::Invoice next = first;
    next.number = "146";
    next.messageId = newMessageId();
    const std::string nextEor = decode(sendInvoice(Messages::invoice(next))).eor();
    EXPECT_NE(nextEor, eor);

    const std::vector<furs_sandbox::InvoiceRecord> invoices = sandbox->invoices();
    ASSERT_EQ(invoices.size(), 2u);
    EXPECT_EQ(invoices[0].identifier, "TRGOVINA1-BLAG2-145");
    EXPECT_EQ(invoices[0].timesSubmitted, 2);
    EXPECT_EQ(invoices[0].subsequentSubmit, (std::vector<bool>{false, true}));
    EXPECT_EQ(invoices[0].messageIds, (std::vector<std::string>{first.messageId, retry.messageId}));
    EXPECT_FALSE(invoices[0].changedOnResubmit);
    EXPECT_EQ(invoices[1].identifier, "TRGOVINA1-BLAG2-146");
    EXPECT_EQ(invoices[1].timesSubmitted, 1);

    Messages::Invoice changed = first;
    changed.messageId = newMessageId();
    changed.amount = "70.00";
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(changed))).eor(), eor);
    EXPECT_TRUE(sandbox->invoice("12345678", "TRGOVINA1-BLAG2-145")->changedOnResubmit);
}

struct SchemaCase {
    const char* from;
    const char* to;
    const char* path;
    const char* reason;
};

TEST_F(FursApiTest, SchemaMistakesGetS002NamingTheField) {
    registerPremise();
    const std::string valid = Messages::invoice(Messages::Invoice{});
    const SchemaCase cases[] = {
        {"\"InvoiceAmount\":66.71", "\"InvoiceAmount\":66.711", "InvoiceRequest.Invoice.InvoiceAmount",
         "več kot 2 decimalki"},
        {"\"InvoiceAmount\":66.71", "\"InvoiceAmount\":\"66.71\"", "InvoiceRequest.Invoice.InvoiceAmount",
         "ni število"},
        {"\"PaymentAmount\":66.71", "\"PaymentAmount\":100000000000000",
         "InvoiceRequest.Invoice.PaymentAmount", "izven obsega"},
        {"\"TaxNumber\":12345678", "\"TaxNumber\":1234567", "InvoiceRequest.Invoice.TaxNumber",
         "izven obsega"},
        {"\"TaxNumber\":12345678", "\"TaxNumber\":12345678.0", "InvoiceRequest.Invoice.TaxNumber",
         "ni celo število"},
        {"\"TaxNumber\":12345678", "\"TaxNumber\":\"12345678\"", "InvoiceRequest.Invoice.TaxNumber",
         "ni število"},
        {"\"DateTime\":\"2026-03-02T10:15:00\"", "\"DateTime\":\"2026-03-02T10:15:00Z\"",
         "InvoiceRequest.Header.DateTime", "napačna oblika"},
        {"\"IssueDateTime\":\"2026-03-02T10:15:00\"", "\"IssueDateTime\":\"2026-02-30T10:15:00\"",
         "InvoiceRequest.Invoice.IssueDateTime", "napačna oblika"},
        {"\"InvoiceNumber\":\"145\"", "\"InvoiceNumber\":\"0145\"",
         "InvoiceRequest.Invoice.InvoiceIdentifier.InvoiceNumber", "napačna oblika"},
        {"\"InvoiceNumber\":\"145\"", "\"InvoiceNumber\":145",
         "InvoiceRequest.Invoice.InvoiceIdentifier.InvoiceNumber", "ni besedilo"},
        {"\"BusinessPremiseID\":\"TRGOVINA1\"", "\"BusinessPremiseID\":\"TRG-1\"",
         "InvoiceRequest.Invoice.InvoiceIdentifier.BusinessPremiseID", "nedovoljeni znaki"},
        {"\"NumberingStructure\":\"B\"", "\"NumberingStructure\":\"A\"",
         "InvoiceRequest.Invoice.NumberingStructure", "neveljavna vrednost"},
        {"\"ProtectedID\":\"34905bcff14b381039af2e9d7eee54bb\"",
         "\"ProtectedID\":\"34905BCFF14B381039AF2E9D7EEE54BB\"", "InvoiceRequest.Invoice.ProtectedID",
         "nedovoljeni znaki"},
        {",\"ProtectedID\":\"34905bcff14b381039af2e9d7eee54bb\"", "", "InvoiceRequest.Invoice.ProtectedID",
         "manjka"},
        {"\"TaxRate\":22.00", "\"TaxRate\":22.001", "InvoiceRequest.Invoice.TaxesPerSeller[0].VAT[0].TaxRate",
         "več kot 2 decimalki"},
        {"\"TaxAmount\":3.34", "\"TaxAmount\":3.341",
         "InvoiceRequest.Invoice.TaxesPerSeller[0].VAT[1].TaxAmount", "več kot 2 decimalki"},
        {"{\"InvoiceRequest\":", "{\"Extra\":1,\"InvoiceRequest\":", "Extra", "ni dovoljen"},
        {"\"OperatorTaxNumber\"", "\"Operator\":1,\"OperatorTaxNumber\"", "InvoiceRequest.Invoice.Operator",
         "ni dovoljen"},
        {",\"ProtectedID\"",
         ",\"ReferenceInvoice\":[{\"ReferenceInvoiceIdentifier\":{\"BusinessPremiseID\":\"TRGOVINA1\","
         "\"ElectronicDeviceID\":\"BLAG2\",\"InvoiceNumber\":\"144\"}}],\"ProtectedID\"",
         "InvoiceRequest.Invoice.ReferenceInvoice[0].ReferenceInvoiceIssueDateTime", "manjka"},
        {"\"MessageID\":\"", "\"MessageID\":\"x", "InvoiceRequest.Header.MessageID", "napačna dolžina"},
    };
    for (const SchemaCase& mistake : cases) {
        const Answer answer = decode(sendInvoice(Messages::replaced(valid, mistake.from, mistake.to)));
        EXPECT_EQ(answer.errorCode(), "S002") << mistake.to;
        EXPECT_EQ(answer.errorMessage(), std::string("Sporočilo ni v skladu s shemo JSON: ") + mistake.path +
                                             " (" + mistake.reason + ")");
        EXPECT_EQ(answer.eor(), "");
    }
    EXPECT_TRUE(sandbox->invoices().empty());
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kInvoicePath).at("S002"),
              static_cast<int>(std::size(cases)));
}

TEST_F(FursApiTest, PremiseSchemaMistakesGetS002NamingTheField) {
    const std::string valid = Messages::premise("12345678", "TRGOVINA1");
    const SchemaCase cases[] = {
        {"\"PostalCode\":\"1000\"", "\"PostalCode\":\"100\"",
         "BusinessPremiseRequest.BusinessPremise.BPIdentifier.RealEstateBP.Address.PostalCode",
         "napačna dolžina"},
        {"\"SoftwareSupplier\":[{\"TaxNumber\":24564444}],", "",
         "BusinessPremiseRequest.BusinessPremise.SoftwareSupplier", "manjka"},
        {"\"BPIdentifier\":{", "\"BPIdentifier\":{\"PremiseType\":\"A\",",
         "BusinessPremiseRequest.BusinessPremise.BPIdentifier",
         "dovoljen je le eden od: RealEstateBP, PremiseType, VendingMachine"},
        {"\"CadastralNumber\":365", "\"CadastralNumber\":36500",
         "BusinessPremiseRequest.BusinessPremise.BPIdentifier.RealEstateBP.PropertyID.CadastralNumber",
         "izven obsega"},
        {"\"ValidityDate\":\"2026-01-01\"", "\"ValidityDate\":\"1.1.2026\"",
         "BusinessPremiseRequest.BusinessPremise.ValidityDate", "napačna oblika"},
        {"\"BusinessPremiseRequest\"", "\"InvoiceRequest\"", "InvoiceRequest", "ni dovoljen"},
    };
    for (const SchemaCase& mistake : cases) {
        const Answer answer = decode(client().post(
            FursApi::kPremisePath, company->tokenBody(Messages::replaced(valid, mistake.from, mistake.to))));
        EXPECT_EQ(answer.root, "BusinessPremiseResponse");
        EXPECT_EQ(answer.errorCode(), "S002") << mistake.to;
        EXPECT_EQ(answer.errorMessage(), std::string("Sporočilo ni v skladu s shemo JSON: ") + mistake.path +
                                             " (" + mistake.reason + ")");
    }
    EXPECT_TRUE(sandbox->premises().empty());
}

TEST_F(FursApiTest, VariantsTheSpecAllowsAreAccepted) {
    // A premise without real estate, a date-time ValidityDate (the schema's "date-time"), a foreign supplier.
    std::string premise = Messages::premise("12345678", "KIOSK7");
    premise = Messages::replaced(
        premise,
        "{\"RealEstateBP\":{\"PropertyID\":{\"CadastralNumber\":365,\"BuildingNumber\":12,"
        "\"BuildingSectionNumber\":3},"
        "\"Address\":{\"Street\":\"Tržaška cesta\",\"HouseNumber\":\"24\",\"HouseNumberAdditional\":\"B\","
        "\"Community\":\"Ljubljana\",\"City\":\"Ljubljana\",\"PostalCode\":\"1000\"}}}",
        "{\"PremiseType\":\"B\"}");
    premise = Messages::replaced(premise, "\"2026-01-01\"", "\"2026-01-01T00:00:00\"");
    premise = Messages::replaced(premise, "{\"TaxNumber\":24564444}", "{\"NameForeign\":\"Software GmbH\"}");
    const Answer registered = decode(client().post(FursApi::kPremisePath, company->tokenBody(premise)));
    EXPECT_EQ(registered.errorCode(), "") << registered.errorMessage();

    // A credit note: negative amounts and a reference with its date, a foreign operator, amounts written as
    // 0, 1.5e1 and -12.3.
    std::string credit = Messages::invoice(Messages::Invoice{"12345678", "KIOSK7", "B1", "9", "-12.3"});
    credit = Messages::replaced(credit, "\"OperatorTaxNumber\":12345678",
                                "\"ForeignOperator\":true,\"CustomerVATNumber\":\"SI12345678\"");
    credit = Messages::replaced(credit, "\"TaxAmount\":5.09", "\"TaxAmount\":0");
    credit = Messages::replaced(credit, "\"TaxableAmount\":35.14", "\"TaxableAmount\":1.5e1");
    credit =
        Messages::replaced(credit, ",\"ProtectedID\"",
                           ",\"ReferenceInvoice\":[{\"ReferenceInvoiceIdentifier\":{\"BusinessPremiseID\":"
                           "\"KIOSK7\",\"ElectronicDeviceID\":\"B1\",\"InvoiceNumber\":\"8\"},"
                           "\"ReferenceInvoiceIssueDateTime\":\"2026-03-01T08:00:00\"}],\"ProtectedID\"");
    const Answer answer = decode(sendInvoice(credit));
    EXPECT_EQ(answer.errorCode(), "") << answer.errorMessage();
    EXPECT_TRUE(std::regex_match(answer.eor(), kUuid));
    EXPECT_EQ(sandbox->invoice("12345678", "KIOSK7-B1-9")->invoiceAmount, "-12.3");
}

TEST_F(FursApiTest, BadSignaturesGetS003AndUnknownSerialsS004) {
    registerPremise();
    const Messages::Invoice invoice;
    const std::string payload = Messages::invoice(invoice);
    const auto refused = [&](const std::string& body) {
        return decode(client().post(FursApi::kInvoicePath, body));
    };

    const Answer framing = refused("{\"token\":\"eyJhbGciOiJSUzI1NiJ9.e30\"}");
    EXPECT_EQ(framing.errorCode(), "S003");
    EXPECT_EQ(framing.errorMessage(), "Digitalni podpis ni ustrezen (JWS ni v kompaktni obliki)");

    const std::string hs256 = Messages::replaced(company->headerJson(), "RS256", "HS256");
    const Answer alg = refused(company->tokenBody(hs256, payload));
    EXPECT_EQ(alg.errorCode(), "S003");
    EXPECT_EQ(alg.errorMessage(), "Digitalni podpis ni ustrezen (alg)");

    // Signed with another company's key under this certificate's header, over this certificate's TLS.
    const Answer foreignKey = refused(otherCompany->tokenBody(company->headerJson(), payload));
    EXPECT_EQ(foreignKey.errorCode(), "S003");
    EXPECT_EQ(foreignKey.errorMessage(), "Digitalni podpis ni ustrezen");
    EXPECT_EQ(foreignKey.messageId(), invoice.messageId);  // read from the payload, though unverified

    // Another known certificate's serial in the header.
    const std::string otherSerial =
        Messages::replaced(company->headerJson(), company->serial(), otherCompany->serial());
    const Answer serial = refused(company->tokenBody(otherSerial, payload));
    EXPECT_EQ(serial.errorCode(), "S003");
    EXPECT_EQ(serial.errorMessage(), "Digitalni podpis ni ustrezen (serial)");

    const std::string unknownSerial =
        Messages::replaced(company->headerJson(), company->serial(), "123456789");
    const Answer unknown = refused(company->tokenBody(unknownSerial, payload));
    EXPECT_EQ(unknown.errorCode(), "S004");
    EXPECT_EQ(unknown.errorMessage(), "Identifikator digitalnega potrdila ni ustrezen (serial 123456789)");

    // A payload changed after signing.
    const std::string token = company->tokenBody(payload);
    const std::size_t secondDot = token.rfind('.');
    std::string tampered = token;
    tampered[secondDot - 3] = tampered[secondDot - 3] == 'A' ? 'B' : 'A';
    const Answer changed = refused(tampered);
    EXPECT_EQ(changed.errorCode(), "S003");

    EXPECT_TRUE(sandbox->invoices().empty());
}

TEST_F(FursApiTest, ErrorAnswersRepeatTheRequestsMessageId) {
    Messages::Invoice invoice;
    const Answer answer = decode(sendInvoice(Messages::invoice(invoice)));  // no premise yet: S006
    EXPECT_EQ(answer.errorCode(), "S006");
    EXPECT_EQ(answer.messageId(), invoice.messageId);
    EXPECT_FALSE(answer.payload->has("UniqueInvoiceID"));
}

TEST_F(FursApiTest, TaxNumberOtherThanTheCertificatesGetsS005) {
    const Answer premise = decode(
        client().post(FursApi::kPremisePath, company->tokenBody(Messages::premise("87654321", "TRGOVINA1"))));
    EXPECT_EQ(premise.errorCode(), "S005");
    EXPECT_EQ(premise.errorMessage(),
              "Davčna številka v sporočilu ni enaka davčni številki iz digitalnega potrdila");
    EXPECT_TRUE(sandbox->premises().empty());

    registerPremise();
    Messages::Invoice invoice;
    invoice.taxNumber = "87654321";
    const Answer answer = decode(sendInvoice(Messages::invoice(invoice)));
    EXPECT_EQ(answer.errorCode(), "S005");
    EXPECT_TRUE(sandbox->invoices().empty());
}

TEST_F(FursApiTest, InvoiceForUnknownOrClosedPremiseGetsS006) {
    // Another taxpayer's premise of the same name does not count.
    const Answer theirs =
        decode(clientAs(*otherCompany)
                   .post(FursApi::kPremisePath,
                         otherCompany->tokenBody(Messages::premise("87654321", "TRGOVINA1"))));
    ASSERT_EQ(theirs.errorCode(), "");
    Messages::Invoice invoice;
    const Answer unknown = decode(sendInvoice(Messages::invoice(invoice)));
    EXPECT_EQ(unknown.errorCode(), "S006");
    EXPECT_EQ(unknown.errorMessage(), "Podatki o poslovnem prostoru niso posredovani (TRGOVINA1)");

    registerPremise();
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(invoice))).errorCode(), "");

    const Answer closing = decode(client().post(
        FursApi::kPremisePath, company->tokenBody(Messages::premise("12345678", "TRGOVINA1", true))));
    ASSERT_EQ(closing.errorCode(), "");
    Messages::Invoice later = invoice;
    later.number = "146";
    later.messageId = newMessageId();
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(later))).errorCode(), "S006");
    // Closed for good (SPEC32 P_8): registering it again does not reopen it.
    registerPremise();
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(later))).errorCode(), "S006");
    EXPECT_EQ(sandbox->invoices().size(), 1u);
}

TEST_F(FursApiTest, ExpiredCertificateGetsS008) {
    const std::string dir = makeTempDirectory();
    const Company expired(sandbox->issueExpiredCertificate("11223344", "POTEKLO D.O.O."), dir);
    const Answer answer = decode(clientAs(expired).post(
        FursApi::kPremisePath, expired.tokenBody(Messages::premise("11223344", "P1"))));
    EXPECT_EQ(answer.errorCode(), "S008");
    EXPECT_EQ(answer.errorMessage(), "Digitalnemu potrdilu je potekla veljavnost");
    EXPECT_TRUE(sandbox->premises().empty());
    removeDirectory(dir);
}

TEST_F(FursApiTest, RevokedCertificateGetsS007) {
    const std::string dir = makeTempDirectory();
    const Company revoked(sandbox->issueCertificate("22334455", "PREKLICANO D.O.O."), dir);
    EXPECT_TRUE(sandbox->revokeCertificate(revoked.serial()));
    EXPECT_FALSE(sandbox->revokeCertificate("42"));
    const Answer answer = decode(clientAs(revoked).post(
        FursApi::kPremisePath, revoked.tokenBody(Messages::premise("22334455", "P1"))));
    EXPECT_EQ(answer.errorCode(), "S007");
    EXPECT_EQ(answer.errorMessage(), "Digitalno potrdilo je preklicano");
    removeDirectory(dir);
}

TEST_F(FursApiTest, WrongPathOrMethodGetsTheFirewallPage) {
    const HttpResult wrongPath = client().post("/v1/cash_registers/nothing", "{}");
    EXPECT_EQ(wrongPath.status, 200);
    EXPECT_EQ(wrongPath.contentType, "text/html; charset=UTF-8");
    EXPECT_EQ(wrongPath.body.rfind("<html><head><title>Request Rejected</title></head>", 0), 0u)
        << wrongPath.body;
    const HttpResult wrongMethod = client().get(FursApi::kEchoPath);
    EXPECT_EQ(wrongMethod.status, 200);
    EXPECT_NE(wrongMethod.body.find("The requested URL was rejected"), std::string::npos);
    const furs_sandbox::SandboxStats stats = sandbox->stats();
    EXPECT_EQ(stats.requests.at("other").at("rejected"), 1);
    EXPECT_EQ(stats.requests.at(FursApi::kEchoPath).at("rejected"), 1);
}

TEST_F(FursApiTest, EchoWithAnotherBodyGetsAnUnsignedS002) {
    const HttpResult result = client().post(FursApi::kEchoPath, "{\"Echo\":\"furs\"}");
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body,
              "{\"Error\":{\"ErrorCode\":\"S002\",\"ErrorMessage\":\"Sporočilo ni v skladu s shemo JSON: "
              "EchoRequest (manjka)\"}}");
}

}  // namespace
}  // namespace furs_test
