// Fiscal verification with FURS (issue 20), in-process against furs-sandbox: every cash-paid invoice gets
// its EOR, at once or, when FURS is away, as a subsequent submission; one EOR per invoice whatever went
// wrong on the way; refusals, late warnings, the numbering rule, the certificate as FURS issues it.
#include <gtest/gtest.h>

#include <Poco/Data/Statement.h>

#include <fstream>
#include <regex>
#include <set>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/fiscal/furs_client.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"
#include "estore/host/invoicing/fiscal_submitter.h"
#include "estore/host/invoicing/invoice_config_check.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "furs_host.h"
#include "test_orders.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;
using estore::test::twoRateOrder;
using namespace Poco::Data::Keywords;

namespace {

const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
constexpr const char* kTaxNumber = "10039856";  // FURS's own test tax number; its check digit is right
constexpr std::int64_t kMinute = 60 * 1000;

class FiscalVerification : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        furs_sandbox::FursSandboxOptions options;
        options.stateDir = _dir.file("furs");
        _furs = std::make_unique<furs_sandbox::FursSandbox>(options);
        _furs->start();
        _certificate = _furs->issueCertificate(kTaxNumber, "TESTNO PODJETJE 1");
        _files = _certificate.writeTo(_dir.file("certificate"));
        _db = std::make_unique<Database>(_dir.database());
        configure(_config);
        _host = std::make_unique<HostServiceSet>(*_db, _config);
    }

    void configure(HostConfig& config) const {
        estore::test::useFurs(config, *_furs, _files, kTaxNumber);
        config.setOverride("fiscal.furs_timeout_ms", "1000");
        config.setOverride("company.name", "Testno podjetje d.o.o.");
        config.setOverride("mail.outbox_dir", _dir.file("outbox"));
    }

    void addStore(const std::string& numbering = "separate") {
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        store.status = StoreRepository::kActive;
        store.settings = {{"auto_invoice", "paid"},
                          {"business_premise", "SPLET1"},
                          {"electronic_device", "1"},
                          {"invoice_numbering", numbering},
                          {"payment_methods", estore::test::kPaymentMap}};
        StoreRepository(*_db).insert(store);
    }

    void registerPremise() {
        const FursAnswer answer = estore::test::registerPremiseSplet1(_config, kTaxNumber);
        ASSERT_TRUE(answer.accepted()) << answer.detail;
    }

    void upsert(const SalesOrder& o) {
        UpsertResult result = UpsertResult::Unchanged;
        const Outcome outcome = _host->salesOrders().upsert("wix-1", o, result);
        ASSERT_TRUE(outcome.ok()) << outcome.code << ": " << outcome.message.en << " " << outcome.detail;
    }

    Invoice invoiceOf(const std::string& orderId, std::size_t index = 0) {
        const auto documents = InvoiceRepository(*_db).forOrder("wix-1", orderId);
        EXPECT_GT(documents.size(), index);
        return documents.size() > index ? documents[index] : Invoice{};
    }

    /// The retry pass of a worker whose clock is `later` ms ahead.
    FiscalPass retryPass(std::int64_t later) {
        FiscalSubmitter submitter(*_db, _config, _host->activity());
        const std::int64_t at = Database::nowMillis() + later;
        submitter.setClock([at] { return at; });
        return submitter.submitDue();
    }

    std::vector<std::string> activity(const std::string& code) {
        std::vector<std::string> messages;
        _db->session() << _db->sql(
            "SELECT message_sl || ' | ' || message_en FROM activity WHERE code = ? ORDER BY id"),
            bind(code), into(messages), now;
        return messages;
    }

    furs_sandbox::InvoiceRecord recordOf(const Invoice& invoice) {
        const auto record = _furs->invoice(kTaxNumber, invoice.number);
        EXPECT_TRUE(record.has_value()) << invoice.number << " never reached FURS";
        return record.value_or(furs_sandbox::InvoiceRecord{});
    }

    estore::test::TempDir _dir;
    std::unique_ptr<furs_sandbox::FursSandbox> _furs;
    furs_sandbox::IssuedCertificate _certificate;
    furs_sandbox::CertificateFiles _files;
    std::unique_ptr<Database> _db;
    HostConfig _config;
    std::unique_ptr<HostServiceSet> _host;
};

}  // namespace

TEST_F(FiscalVerification, ACashInvoiceIsVerifiedAtOnceAndItsEorIsStoredAndPrinted) {
    addStore();
    registerPremise();
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    const Invoice invoice = invoiceOf("A1");
    EXPECT_EQ(invoice.number, "SPLET1-1-1");
    EXPECT_EQ(invoice.fiscal.state, "verified");
    EXPECT_TRUE(std::regex_match(invoice.fiscal.eor, kUuid)) << invoice.fiscal.eor;
    const auto record = recordOf(invoice);
    EXPECT_EQ(record.eor, invoice.fiscal.eor);
    EXPECT_EQ(record.protectedId, invoice.fiscal.zoi);
    EXPECT_EQ(record.invoiceAmount, "61.60");
    EXPECT_EQ(record.issueDateTime, invoice.issuedLocal);
    EXPECT_EQ(record.timesSubmitted, 1);
    EXPECT_EQ(record.subsequentSubmit, std::vector<bool>{false});
    EXPECT_NE(InvoiceText::plain(invoice).find("EOR: " + invoice.fiscal.eor), std::string::npos);
    ASSERT_EQ(activity("invoice.verified").size(), 1u);
    EXPECT_NE(activity("invoice.verified")[0].find(invoice.fiscal.eor), std::string::npos);
    // Nothing is left for the retry pass.
    EXPECT_EQ(retryPass(10 * kMinute).verified + retryPass(10 * kMinute).failed, 0);
}

TEST_F(FiscalVerification, WhileFursIsDownTheInvoiceIsIssuedWithItsZoiAndSentLaterAsSubsequent) {
    addStore();
    registerPremise();
    furs_sandbox::FursFault down;
    down.mode = furs_sandbox::FaultMode::Down;
    down.count = -1;
    _furs->injectFault(down);
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    Invoice invoice = invoiceOf("A1");
    EXPECT_EQ(invoice.fiscal.state, "subsequent");
    EXPECT_EQ(invoice.fiscal.eor, "");
    EXPECT_EQ(invoice.fiscal.zoi.size(), 32u);
    ASSERT_EQ(activity("invoice.fiscal_pending").size(), 1u);
    EXPECT_NE(activity("invoice.fiscal_pending")[0].find("ZDavPR"), std::string::npos);

    EXPECT_EQ(retryPass(2 * kMinute).failed, 1);  // still down: nothing changes, nothing said twice
    EXPECT_EQ(activity("invoice.fiscal_pending").size(), 1u);
    _furs->clearFaults();
    const FiscalPass pass = retryPass(20 * kMinute);
    EXPECT_EQ(pass.verified, 1);
    invoice = invoiceOf("A1");
    EXPECT_EQ(invoice.fiscal.state, "verified");
    const auto record = recordOf(invoice);
    EXPECT_EQ(record.eor, invoice.fiscal.eor);
    EXPECT_EQ(record.subsequentSubmit, std::vector<bool>{true});
    EXPECT_EQ(record.protectedId, invoice.fiscal.zoi);  // the same ZOI and time as issued
    EXPECT_EQ(record.issueDateTime, invoice.issuedLocal);
}

TEST_F(FiscalVerification, ALostAnswerEndsWithOneEorTheSameOnBothSides) {
    addStore();
    registerPremise();
    furs_sandbox::FursFault lost;
    lost.mode = furs_sandbox::FaultMode::LoseAnswer;
    _furs->injectFault(lost);
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    EXPECT_EQ(invoiceOf("A1").fiscal.state, "subsequent");
    EXPECT_EQ(retryPass(2 * kMinute).verified, 1);
    const Invoice invoice = invoiceOf("A1");
    const auto record = recordOf(invoice);
    EXPECT_EQ(record.timesSubmitted, 2);
    EXPECT_EQ(record.subsequentSubmit, (std::vector<bool>{false, true}));
    EXPECT_EQ(invoice.fiscal.eor, record.eor);
    EXPECT_FALSE(record.changedOnResubmit);
    EXPECT_EQ(_furs->invoices().size(), 1u);
}

TEST_F(FiscalVerification, AThousandCashOrdersDuringAnOutageAllGetTheirEorWhenFursReturns) {
    addStore();
    registerPremise();
    _config.setOverride("fiscal.furs_timeout_ms", "300");
    furs_sandbox::FursFault slow;
    slow.mode = furs_sandbox::FaultMode::Timeout;
    slow.delayMs = 5000;
    slow.count = -1;
    _furs->injectFault(slow);
    _furs->resetStats();
    constexpr int kOrders = 1000;
    for (int i = 0; i < kOrders; ++i) upsert(twoRateOrder("O" + std::to_string(i), 1, "PAID", "CASH"));
    // One timeout, not a thousand: after the first, the import stops asking until FURS answers again.
    EXPECT_EQ(_furs->stats().faults["timeout"], 1);
    _furs->clearFaults();
    int verified = 0;
    for (int pass = 0; pass < 20 && verified < kOrders; ++pass) verified += retryPass(60 * kMinute).verified;
    EXPECT_EQ(verified, kOrders);
    const auto invoices = InvoiceRepository(*_db).list("wix-1");
    ASSERT_EQ(invoices.size(), static_cast<std::size_t>(kOrders));
    std::set<std::string> eors;
    for (const auto& invoice : invoices) {
        EXPECT_EQ(invoice.fiscal.state, "verified") << invoice.number;
        eors.insert(invoice.fiscal.eor);
        EXPECT_EQ(recordOf(invoice).eor, invoice.fiscal.eor) << invoice.number;
    }
    EXPECT_EQ(eors.size(), static_cast<std::size_t>(kOrders));
    EXPECT_EQ(_furs->invoices().size(), static_cast<std::size_t>(kOrders));
}

TEST_F(FiscalVerification, AnUnregisteredPremiseIsRefusedAndTheActivitySaysWhichCommandFixesIt) {
    addStore();
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    EXPECT_EQ(invoiceOf("A1").fiscal.state, "subsequent");
    const auto refused = activity("invoice.fiscal_refused");
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_NE(refused[0].find("S006"), std::string::npos) << refused[0];
    EXPECT_NE(refused[0].find("estore-host fiscal premise register SPLET1"), std::string::npos) << refused[0];
    registerPremise();
    EXPECT_EQ(retryPass(2 * kMinute).verified, 1);
    EXPECT_EQ(invoiceOf("A1").fiscal.state, "verified");
}

TEST_F(FiscalVerification, ACreditNoteIsVerifiedToo) {
    addStore();
    registerPremise();
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    SalesOrder refunded = twoRateOrder("A1", 2, "FULLY_REFUNDED", "CASH");
    refunded.refundedAmount = {6160, 2};
    upsert(refunded);
    const Invoice note = invoiceOf("A1", 1);
    EXPECT_EQ(note.kind, InvoiceKind::CreditNote);
    EXPECT_EQ(note.fiscal.state, "verified");
    EXPECT_EQ(recordOf(note).invoiceAmount, "-61.60");
    EXPECT_NE(recordOf(note).eor, recordOf(invoiceOf("A1")).eor);
}

TEST_F(FiscalVerification, AnswersThatAreNotFursAreNotBelieved) {
    addStore();
    registerPremise();
    furs_sandbox::FursFault fault;
    fault.mode = furs_sandbox::FaultMode::Malformed;  // the firewall's HTML page, with 200
    _furs->injectFault(fault);
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    EXPECT_EQ(invoiceOf("A1").fiscal.state, "subsequent");
    fault.mode = furs_sandbox::FaultMode::Error500;
    _furs->injectFault(fault);
    EXPECT_EQ(retryPass(20 * kMinute).failed, 1);
    // A CA that is not the one FURS's TLS and answers chain to: nothing is believed, nothing stored.
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = _dir.file("other-furs");
    furs_sandbox::FursSandbox other(options);
    _config.setOverride("fiscal.furs_ca_file", other.caFile());
    EXPECT_EQ(retryPass(40 * kMinute).failed, 1);
    EXPECT_EQ(invoiceOf("A1").fiscal.eor, "");
    _config.setOverride("fiscal.furs_ca_file", _furs->caFile());
    EXPECT_EQ(retryPass(90 * kMinute).verified, 1);
    EXPECT_EQ(invoiceOf("A1").fiscal.eor, recordOf(invoiceOf("A1")).eor);
}

TEST_F(FiscalVerification, WithoutAnEorAWarningAfterOneWorkingDayAndAnErrorAfterTwo) {
    addStore();
    registerPremise();
    // Issued Thursday 2026-12-24 10:00 in Ljubljana; Christmas, Independence Day and a Sunday follow.
    const std::int64_t issued = 1798102800000;  // 2026-12-24T09:00:00Z
    _host->invoicer().setClock([issued] { return issued; });
    furs_sandbox::FursFault down;
    down.mode = furs_sandbox::FaultMode::Down;
    down.count = -1;
    _furs->injectFault(down);
    upsert(twoRateOrder("A1", 1, "PAID", "CASH"));
    const std::int64_t monday = 1798448400000 - Database::nowMillis();  // 2026-12-28T09:00:00Z
    EXPECT_EQ(retryPass(monday).warned, 0);                             // Monday is the first working day
    EXPECT_EQ(retryPass(monday + 24 * 60 * kMinute).warned, 1);         // Tuesday: one has passed
    EXPECT_EQ(activity("invoice.fiscal_late").size(), 1u);
    EXPECT_EQ(retryPass(monday + 48 * 60 * kMinute).warned, 1);  // Wednesday: the deadline has passed
    ASSERT_EQ(activity("invoice.fiscal_overdue").size(), 1u);
    EXPECT_NE(activity("invoice.fiscal_overdue")[0].find("ZDavPR"), std::string::npos);
    EXPECT_EQ(retryPass(monday + 72 * 60 * kMinute).warned, 0);  // said once each
}

TEST_F(FiscalVerification, CashAndNonCashInvoicesHaveSequencesOfTheirOwnUnlessAllAreVerified) {
    addStore("separate");
    registerPremise();
    upsert(twoRateOrder("C1", 1, "PAID", "CASH"));
    upsert(twoRateOrder("P1", 1, "PAID", "PayPal"));
    upsert(twoRateOrder("C2", 1, "PAID", "CASH"));
    EXPECT_EQ(invoiceOf("C1").number, "SPLET1-1-1");
    EXPECT_EQ(invoiceOf("P1").number, "SPLET1-1N-1");
    EXPECT_EQ(invoiceOf("P1").fiscal.state, "not_fiscal");
    EXPECT_EQ(invoiceOf("C2").number, "SPLET1-1-2");

    _db->session() << "UPDATE stores SET settings = REPLACE(settings, 'separate', 'verify_all')", now;
    upsert(twoRateOrder("P2", 1, "PAID", "PayPal"));
    const Invoice all = invoiceOf("P2");
    EXPECT_EQ(all.number, "SPLET1-1-3");
    EXPECT_TRUE(all.fiscal.fiscal);
    EXPECT_EQ(all.fiscal.state, "verified");
}

TEST_F(FiscalVerification, TheCertificateAsFursIssuesItAPkcs12FileWithItsPassword) {
    const auto pem = FiscalSigner::load(_files.certificate.string(), _files.privateKey.string(), "");
    std::string password;
    std::getline(std::ifstream(_files.p12Password), password);
    const auto p12 = FiscalSigner::load(_files.p12.string(), "", password);
    EXPECT_EQ(p12->zoi("1234567801.01.2015 01:00:00123premise1edevice130.41"),
              pem->zoi("1234567801.01.2015 01:00:00123premise1edevice130.41"));
    try {
        FiscalSigner::load(_files.p12.string(), "", "not the password");
        FAIL() << "a wrong password must be refused";
    } catch (const FiscalConfigError& e) {
        EXPECT_EQ(e.configKey(), "fiscal.key_password");
    }
    // FURS's own test .p12 files use RC2-40 (OpenSSL 3's legacy provider): made the same way here.
    const std::string legacy = _dir.file("legacy.p12");
    const std::string command = "openssl pkcs12 -export -legacy -in " + _files.certificate.string() +
                                " -inkey " + _files.privateKey.string() + " -out " + legacy +
                                " -passout pass:geslo 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    const auto old = FiscalSigner::load(legacy, "", "geslo");
    EXPECT_EQ(old->zoi("x"), pem->zoi("x"));
}

TEST_F(FiscalVerification, ACertificateOfAnotherTaxNumberIsRefusedWhenTheStoreIsConfigured) {
    const auto files = _furs->issueCertificate("87654321", "DRUGO PODJETJE").writeTo(_dir.file("other"));
    HostConfig config;
    configure(config);
    config.setOverride("fiscal.certificate", files.certificate.string());
    config.setOverride("fiscal.private_key", files.privateKey.string());
    const Settings settings = {{"auto_invoice", "paid"},
                               {"business_premise", "SPLET1"},
                               {"electronic_device", "1"},
                               {"payment_methods", estore::test::kPaymentMap}};
    const auto errors = InvoiceConfigCheck::check(settings, config);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].code, "payment_methods.certificate_tax_number");
    EXPECT_NE(errors[0].message.en.find("87654321"), std::string::npos) << errors[0].message.en;
    EXPECT_TRUE(InvoiceConfigCheck::check(settings, _config).empty());
}
