// Auto-invoicing in the reference host, in-process on a temporary SQLite file: every mode and every
// payment path with exactly the documents expected, the fiscal data checked against an independent
// computation (the OpenSSL command line over the fixed test key), the e-mail as a real MIME message, and
// 1,000 paid orders imported twice over by several connections at once: 1,000 invoices numbered 1…1,000.
#include <gtest/gtest.h>

#include <Poco/Data/Statement.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "estore/host/config/host_config.h"
#include "estore/host/fiscal/fiscal_code.h"
#include "estore/host/invoicing/ecb_fetcher.h"
#include "estore/host/invoicing/exchange_rates.h"
#include "estore/host/invoicing/invoice_builder.h"
#include "estore/host/invoicing/invoice_config_check.h"
#include "estore/host/invoicing/invoice_json.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/invoicing/invoice_text.h"
#include "estore/host/invoicing/mail_queue.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/iso_time.h"
#include "static_http_server.h"
#include "test_orders.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;
using estore::sdk::toDecimal;

namespace {

const std::string kFiscalData = std::string(ESTORE_TEST_DATA) + "/fiscal/";
using estore::test::kPaymentMap;

SalesOrder order(const std::string& id, std::int64_t version, const std::string& paymentStatus,
                 const std::string& method = "PayPal") {
    return estore::test::twoRateOrder(id, version, paymentStatus, method);
}

std::string run(const std::string& command) {
    std::string output;
    std::array<char, 256> buffer{};
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return output;
    while (fgets(buffer.data(), buffer.size(), pipe)) output += buffer.data();
    pclose(pipe);
    return output;
}

/// The ZOI of `input` computed by the OpenSSL command line, not by the host's code.
std::string zoiByOpenSslCli(const std::string& input) {
    estore::test::TempDir dir;
    std::ofstream(dir.file("input"), std::ios::binary) << input;
    const std::string out = run("openssl dgst -sha256 -sign " + kFiscalData + "test_key.pem -binary " +
                                dir.file("input") + " | openssl dgst -md5 -r");
    return out.substr(0, out.find(' '));
}

class Invoicing : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
        configure(_config);
        _host = std::make_unique<HostServiceSet>(*_db, _config);
    }

    void configure(HostConfig& config) const {
        config.setOverride("fiscal.certificate", kFiscalData + "test_cert.pem");
        config.setOverride("fiscal.private_key", kFiscalData + "test_key.pem");
        config.setOverride("company.name", "Testno podjetje d.o.o.");
        config.setOverride("company.tax_number", "10039856");
        config.setOverride("mail.outbox_dir", _dir.file("outbox"));
        // Nobody listens here: tests never reach the real FURS. The FURS tests set a sandbox instead.
        config.setOverride("fiscal.furs_url", "https://127.0.0.1:1");
    }

    void addStore(const std::string& mode, bool email = false) {
        StoreRecord store;
        store.id = "wix-1";
        store.platform = "wix";
        store.status = StoreRepository::kActive;
        store.settings = {{"auto_invoice", mode},
                          {"email_invoice", email ? "true" : "false"},
                          {"business_premise", "SPLET1"},
                          {"electronic_device", "1"},
                          {"payment_methods", kPaymentMap}};
        StoreRepository(*_db).insert(store);
    }

    UpsertResult upsert(const SalesOrder& o) {
        UpsertResult result = UpsertResult::Unchanged;
        const Outcome outcome = _host->salesOrders().upsert("wix-1", o, result);
        EXPECT_TRUE(outcome.ok()) << outcome.code << ": " << outcome.message.en << " " << outcome.detail;
        return result;
    }

    std::vector<Invoice> documents(const std::string& orderId) {
        return InvoiceRepository(*_db).forOrder("wix-1", orderId);
    }

    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
    HostConfig _config;
    std::unique_ptr<HostServiceSet> _host;
};

std::string money(const Amount& a) {
    return toDecimal(a).toString(2);
}

}  // namespace

TEST_F(Invoicing, OffIssuesNothing) {
    addStore("off");
    upsert(order("A1", 1, "PAID"));
    EXPECT_TRUE(documents("A1").empty());
}

TEST_F(Invoicing, PaidAtOnceGivesOneInvoiceEqualToTheOrderToTheCent) {
    addStore("paid");
    const SalesOrder o = order("A1", 1, "PAID");
    upsert(o);
    upsert(o);                       // the same import again
    upsert(order("A1", 2, "PAID"));  // a newer copy (archived, seen, …)
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 1u);
    const Invoice& invoice = docs[0];
    // A non-cash invoice is numbered on the non-cash device ("1" + "N"): FURS lets cash and non-cash
    // invoices share a sequence only when both are verified (the 2019 rule).
    EXPECT_EQ(invoice.number, "SPLET1-1N-1");
    EXPECT_EQ(invoice.kind, InvoiceKind::Invoice);
    ASSERT_EQ(invoice.lines.size(), o.lines.size());
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
        EXPECT_EQ(invoice.lines[i].name, o.lines[i].name);
        EXPECT_EQ(money(invoice.lines[i].gross), money(o.lines[i].gross));
        EXPECT_EQ(money(invoice.lines[i].vat), money(o.lines[i].vat));
    }
    ASSERT_EQ(invoice.vatBreakdown.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_TRUE(estore::sdk::sameValue(invoice.vatBreakdown[i].rate, o.vatBreakdown[i].rate));
        EXPECT_EQ(money(invoice.vatBreakdown[i].net), money(o.vatBreakdown[i].net));
        EXPECT_EQ(money(invoice.vatBreakdown[i].vat), money(o.vatBreakdown[i].vat));
    }
    EXPECT_EQ(money(invoice.totalGross), "61.60");
    EXPECT_EQ(invoice.seller.taxNumber, "10039856");
    // PayPal is not "cash": no ZOI, no QR.
    EXPECT_FALSE(invoice.fiscal.fiscal);
    EXPECT_TRUE(invoice.fiscal.zoi.empty());
    EXPECT_TRUE(invoice.fiscal.qr.empty());
    EXPECT_EQ(invoice.fiscal.state, "not_fiscal");
}

TEST_F(Invoicing, PaidLaterAndPartiallyPaidWaitForFullPayment) {
    addStore("paid");
    upsert(order("A1", 1, "NOT_PAID"));
    upsert(order("A1", 2, "PENDING"));
    upsert(order("A1", 3, "PARTIALLY_PAID"));
    EXPECT_TRUE(documents("A1").empty());
    upsert(order("A1", 4, "PAID"));
    EXPECT_EQ(documents("A1").size(), 1u);
}

TEST_F(Invoicing, CancelledBeforeInvoicingGetsNothing) {
    addStore("paid");
    SalesOrder cancelled = order("A1", 1, "NOT_PAID");
    cancelled.status = "CANCELED";
    upsert(cancelled);
    cancelled.updatedAtMillis = 2;
    cancelled.paymentStatus = "PAID";  // Wix can show a cancelled order as paid until it is refunded
    upsert(cancelled);
    EXPECT_TRUE(documents("A1").empty());
}

TEST_F(Invoicing, FullRefundAfterInvoicingMirrorsTheInvoice) {
    addStore("paid");
    upsert(order("A1", 1, "PAID"));
    SalesOrder refunded = order("A1", 2, "FULLY_REFUNDED");
    refunded.refundedAmount = {6160, 2};
    upsert(refunded);
    upsert(refunded);
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    const Invoice& note = docs[1];
    EXPECT_EQ(note.kind, InvoiceKind::CreditNote);
    EXPECT_EQ(note.refersTo, docs[0].number);
    EXPECT_EQ(note.number, "SPLET1-1N-2");
    EXPECT_EQ(money(note.totalGross), "-61.60");
    EXPECT_EQ(money(note.totalVat), "-8.03");
    ASSERT_EQ(note.lines.size(), 3u);
    EXPECT_EQ(money(note.lines[1].gross), "-32.85");
}

TEST_F(Invoicing, PartialRefundsGetCreditNotesForTheRefundedPartsOnly) {
    addStore("paid");
    upsert(order("A1", 1, "PAID"));
    SalesOrder partly = order("A1", 2, "PARTIALLY_REFUNDED");
    partly.refundedAmount = {1000, 2};
    upsert(partly);
    upsert(partly);
    auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(money(docs[1].totalGross), "-10.00");
    EXPECT_EQ(docs[1].refersTo, docs[0].number);
    // Split over the rates in proportion to 28.75 : 32.85, to the cent.
    ASSERT_EQ(docs[1].vatBreakdown.size(), 2u);
    EXPECT_EQ(money(docs[1].vatBreakdown[0].gross), "-4.67");
    EXPECT_EQ(money(docs[1].vatBreakdown[1].gross), "-5.33");

    SalesOrder rest = order("A1", 3, "FULLY_REFUNDED");
    rest.refundedAmount = {6160, 2};
    upsert(rest);
    docs = documents("A1");
    ASSERT_EQ(docs.size(), 3u);
    EXPECT_EQ(money(docs[2].totalGross), "-51.60");
    // Together the credit notes take back exactly the invoice, per rate.
    for (std::size_t r = 0; r < 2; ++r) {
        const auto sum = toDecimal(docs[0].vatBreakdown[r].vat) + toDecimal(docs[1].vatBreakdown[r].vat) +
                         toDecimal(docs[2].vatBreakdown[r].vat);
        EXPECT_TRUE(sum.isZero()) << sum.toString();
    }
}

namespace {

/// The two-rate order with its lines' ids, as a plugin that names refunded lines gives them.
SalesOrder withLineIds(SalesOrder o) {
    o.lines[0].externalId = "L-CAJ";
    o.lines[1].externalId = "L-KNJ";
    o.lines[2].externalId = "shipping";
    return o;
}

/// `o` after `refunds` (each {id, cents, lines}) went through.
SalesOrder afterRefunds(SalesOrder o, std::int64_t version, const std::vector<Refund>& refunds) {
    o.updatedAtMillis = version;
    o.refunds = refunds;
    std::int64_t cents = 0;
    for (const auto& r : refunds) cents += r.amount.units;
    o.refundedAmount = {cents, 2};
    o.paymentStatus = cents >= o.totalGross.units ? "FULLY_REFUNDED" : "PARTIALLY_REFUNDED";
    return o;
}

}  // namespace

TEST_F(Invoicing, ReturningTheBookCreditsTheBooksRateOnly) {
    // Issue 15: the 9.5 % book (32.85 with 2.85 VAT) comes back from an order with a 22 % tea. Pro rata
    // would have credited 22 % VAT on 15.33 of it; by line the credit is the book's, to the cent.
    addStore("paid");
    const SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    upsert(sold);
    const SalesOrder returned =
        afterRefunds(sold, 2, {{"R1", "2025-03-05T10:00:00Z", {3285, 2}, {{"L-KNJ", {1, 0}, {}}}}});
    upsert(returned);
    upsert(returned);  // the next import sees the same refund: nothing more
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    const Invoice& note = docs[1];
    EXPECT_EQ(note.kind, InvoiceKind::CreditNote);
    ASSERT_EQ(note.lines.size(), 1u);
    EXPECT_EQ(money(note.lines[0].gross), "-32.85");
    EXPECT_EQ(money(note.lines[0].vat), "-2.85");
    EXPECT_EQ(money(note.lines[0].net), "-30.00");
    EXPECT_EQ(note.lines[0].quantity.units, -1);
    EXPECT_NE(note.lines[0].name.find("Kuharica"), std::string::npos) << note.lines[0].name;
    ASSERT_EQ(note.vatBreakdown.size(), 1u);
    EXPECT_EQ(toDecimal(note.vatBreakdown[0].rate).toString(1), "9.5");
    EXPECT_EQ(money(note.totalVat), "-2.85");
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::none_of(logged.begin(), logged.end(),
                             [](const auto& e) { return e.code == "invoice.credit_pro_rata"; }));
}

TEST_F(Invoicing, PartOfALineIsCreditedByQuantityAndTheMoneyGivenBackIsWhatIsCredited) {
    addStore("paid");
    SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    sold.lines[0].quantity = {3, 0};  // three teas, 24.40 with 4.40 VAT
    sold.lines[0].unitPrice = {813, 2};
    sold.lines[0].discount = {-1, 2};
    upsert(sold);
    // One tea of three: 24.40 / 3 = 8.13; VAT 4.40 × 8.13 / 24.40 = 1.466 → 1.47; net 6.66.
    upsert(afterRefunds(sold, 2, {{"R1", "2025-03-05T10:00:00Z", {813, 2}, {{"L-CAJ", {1, 0}, {}}}}}));
    // Then the shipping, and a goodwill refund of 2.00 for a tea the merchant names but which was worth
    // more: the money given back (2.00) is what is credited, at the tea's rate.
    upsert(afterRefunds(sold, 3,
                        {{"R1", "2025-03-05T10:00:00Z", {813, 2}, {{"L-CAJ", {1, 0}, {}}}},
                         {"R2", "2025-03-06T10:00:00Z", {435, 2}, {{"shipping", {}, {435, 2}}}},
                         {"R3", "2025-03-07T10:00:00Z", {200, 2}, {{"L-CAJ", {1, 0}, {}}}}}));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 4u);
    ASSERT_EQ(docs[1].lines.size(), 1u);
    EXPECT_EQ(money(docs[1].lines[0].gross), "-8.13");
    EXPECT_EQ(money(docs[1].lines[0].vat), "-1.47");
    EXPECT_EQ(money(docs[1].lines[0].net), "-6.66");
    EXPECT_EQ(docs[1].lines[0].quantity.units, -1);
    EXPECT_EQ(money(docs[1].lines[0].unitPrice), "8.13");
    ASSERT_EQ(docs[2].lines.size(), 1u);
    EXPECT_EQ(docs[2].lines[0].kind, LineKind::Shipping);
    EXPECT_EQ(money(docs[2].lines[0].gross), "-4.35");
    EXPECT_EQ(money(docs[2].lines[0].vat), "-0.78");
    ASSERT_EQ(docs[3].lines.size(), 1u);
    EXPECT_EQ(money(docs[3].totalGross), "-2.00");
    EXPECT_EQ(toDecimal(docs[3].lines[0].vatRate).toString(0), "22");
    // VAT 4.40 × 2.00 / 24.40 = 0.3606 → 0.36.
    EXPECT_EQ(money(docs[3].lines[0].vat), "-0.36");
}

TEST_F(Invoicing, ARefundOfShippingSplitByTheGoodsRatesCreditsEachPart) {
    // Shipping that followed mixed goods is two lines with one id (the mapper's shipping_vat_split).
    addStore("paid");
    SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    SalesOrderLine reduced = sold.lines[2];
    sold.lines[2].net = {163, 2};  // 2.00 at 22 %: 1.64 + 0.36
    sold.lines[2].vat = {37, 2};
    sold.lines[2].gross = {200, 2};
    sold.lines[2].unitPrice = {200, 2};
    reduced.vatRate = {95, 1};  // 2.35 at 9.5 %: 2.15 + 0.20
    reduced.net = {215, 2};
    reduced.vat = {20, 2};
    reduced.gross = {235, 2};
    reduced.unitPrice = {235, 2};
    sold.lines.push_back(reduced);
    sold.vatBreakdown.clear();  // derived from the lines
    upsert(sold);
    upsert(afterRefunds(sold, 2, {{"R1", "2025-03-05T10:00:00Z", {435, 2}, {{"shipping", {1, 0}, {}}}}}));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    ASSERT_EQ(docs[1].lines.size(), 2u);
    EXPECT_EQ(money(docs[1].lines[0].gross), "-2.00");
    EXPECT_EQ(money(docs[1].lines[0].vat), "-0.37");
    EXPECT_EQ(money(docs[1].lines[1].gross), "-2.35");
    EXPECT_EQ(money(docs[1].lines[1].vat), "-0.20");
}

TEST_F(Invoicing, ARefundThatNamesNoLinesIsSpreadProRataAndAPersonIsTold) {
    addStore("paid");
    const SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    upsert(sold);
    upsert(afterRefunds(sold, 2, {{"R1", "2025-03-05T10:00:00Z", {1000, 2}, {}}}));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    ASSERT_EQ(docs[1].vatBreakdown.size(), 2u);  // 28.75 : 32.85, as before issue 15
    EXPECT_EQ(money(docs[1].vatBreakdown[0].gross), "-4.67");
    EXPECT_EQ(money(docs[1].vatBreakdown[1].gross), "-5.33");
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::any_of(logged.begin(), logged.end(), [](const auto& e) {
        return e.code == "invoice.credit_pro_rata" && e.level == "warning" &&
               e.message.en.find("does not name which of the invoice's lines came back") != std::string::npos;
    }));
}

TEST_F(Invoicing, ARefundNamingALineTheInvoiceDoesNotHaveIsSpreadProRataNotGuessed) {
    // An invoice issued before its shipping line carried the id "shipping": a refund of the book and the
    // shipping cannot put the shipping's share at a rate, so the whole refund is spread and a person told.
    addStore("paid");
    SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    sold.lines[2].externalId.clear();
    upsert(sold);
    upsert(afterRefunds(
        sold, 2,
        {{"R1", "2025-03-05T10:00:00Z", {3720, 2}, {{"L-KNJ", {1, 0}, {}}, {"shipping", {1, 0}, {}}}}}));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(money(docs[1].totalGross), "-37.20");
    ASSERT_EQ(docs[1].vatBreakdown.size(), 2u) << "spread over both rates";
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::any_of(logged.begin(), logged.end(),
                            [](const auto& e) { return e.code == "invoice.credit_pro_rata"; }));
}

TEST_F(Invoicing, AFullRefundListedAsARefundMirrorsTheInvoice) {
    addStore("paid");
    const SalesOrder sold = withLineIds(order("A1", 1, "PAID"));
    upsert(sold);
    upsert(afterRefunds(sold, 2, {{"R1", "2025-03-05T10:00:00Z", {6160, 2}, {}}}));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[1].lines.size(), 3u);
    EXPECT_EQ(money(docs[1].totalGross), "-61.60");
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::none_of(logged.begin(), logged.end(),
                             [](const auto& e) { return e.code == "invoice.credit_pro_rata"; }));
}

TEST_F(Invoicing, FullyRefundedBeforeInvoicingGetsNothing) {
    addStore("paid");
    SalesOrder refunded = order("A1", 1, "FULLY_REFUNDED");
    refunded.refundedAmount = {6160, 2};
    upsert(refunded);
    EXPECT_TRUE(documents("A1").empty());
}

TEST_F(Invoicing, ByStatusInvoicesTheMarkedStatusOnly) {
    addStore("status");
    SalesOrder o = order("A1", 1, "NOT_PAID");
    upsert(o);
    EXPECT_TRUE(documents("A1").empty());
    o.updatedAtMillis = 2;
    o.fulfillmentStatus = "FULFILLED";
    o.orderStatus = "Odpremljeno";
    o.invoiceOnStatus = true;
    upsert(o);
    EXPECT_EQ(documents("A1").size(), 1u);
    upsert(order("B1", 1, "PAID"));  // paid, but its status is not marked
    EXPECT_TRUE(documents("B1").empty());
}

TEST_F(Invoicing, StatusOrPaidInvoicesEither) {
    addStore("status_or_paid");
    upsert(order("A1", 1, "PAID"));
    SalesOrder shipped = order("B1", 1, "NOT_PAID");
    shipped.invoiceOnStatus = true;
    upsert(shipped);
    upsert(order("C1", 1, "NOT_PAID"));
    EXPECT_EQ(documents("A1").size(), 1u);
    EXPECT_EQ(documents("B1").size(), 1u);
    EXPECT_TRUE(documents("C1").empty());
}

TEST_F(Invoicing, AnOrderHeldForReviewIsNotInvoicedWithAGuess) {
    addStore("paid");
    SalesOrder o = order("A1", 1, "PAID", "Bitcoin");
    o.flags.push_back({"payment_method_unmapped", {"Način plačila ni v preslikavi.", "Not in the map."}});
    upsert(o);
    EXPECT_TRUE(documents("A1").empty());
    Poco::Int64 held = 0;
    _db->session() << "SELECT COUNT(*) FROM activity WHERE code = 'invoice.held'",
        Poco::Data::Keywords::into(held), Poco::Data::Keywords::now;
    EXPECT_EQ(held, 1);
}

TEST_F(Invoicing, FiscalInvoiceCarriesZoiAndQrComputedAsFursSpecifies) {
    addStore("paid");
    _host->invoicer().setClock([] { return std::int64_t{1741010400000}; });  // 2025-03-03T14:00:00Z
    upsert(order("A1", 1, "PAID", "CASH"));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 1u);
    const Invoice& invoice = docs[0];
    EXPECT_TRUE(invoice.fiscal.fiscal);
    EXPECT_EQ(invoice.issuedLocal, "2025-03-03T15:00:00");  // CET in March before the switch
    EXPECT_EQ(invoice.fiscal.eor, "");
    EXPECT_EQ(invoice.fiscal.state, "subsequent");  // FURS could not be reached: sent later, with its ZOI
    // The worked example, written out by hand: tax number, dd.MM.yyyy HH:mm:ss, sequence, premise, device,
    // amount.
    const std::string input = "1003985603.03.2025 15:00:001SPLET1161.60";
    const std::string expectedZoi = zoiByOpenSslCli(input);
    ASSERT_EQ(expectedZoi.size(), 32u) << "openssl CLI not available?";
    EXPECT_EQ(invoice.fiscal.zoi, expectedZoi);
    // QR: ZOI as decimal (39 digits), tax number, yyMMddHHmmss, check digit = digit sum mod 10.
    ASSERT_EQ(invoice.fiscal.qr.size(), 60u);
    EXPECT_EQ(invoice.fiscal.qr.substr(39, 8), "10039856");
    EXPECT_EQ(invoice.fiscal.qr.substr(47, 12), "250303150000");
    int sum = 0;
    for (std::size_t i = 0; i < 59; ++i) sum += invoice.fiscal.qr[i] - '0';
    EXPECT_EQ(invoice.fiscal.qr[59], '0' + sum % 10);
    EXPECT_EQ(invoice.fiscal.qr.substr(0, 39),
              std::string(39 - FiscalCode::hexToDecimal(expectedZoi).size(), '0') +
                  FiscalCode::hexToDecimal(expectedZoi));
}

TEST_F(Invoicing, AMixedPaymentIsFiscalAndListsEachPartWithItsAmount) {
    addStore("paid");
    SalesOrder o = order("A1", 1, "PAID", "PayPal");  // 61.60: 50.00 by PayPal, the rest in cash
    o.fiscalPayment = true;                           // the plugin's decision: a cash part
    o.payments = {{"PayPal", "PayPal", {5000, 2}, false, false},
                  {"CASH", "CashOnDelivery", {1160, 2}, true, false}};
    upsert(o);
    const auto docs = documents("A1");  // read back from the stored document
    ASSERT_EQ(docs.size(), 1u);
    const Invoice& invoice = docs[0];
    EXPECT_TRUE(invoice.fiscal.fiscal);
    EXPECT_FALSE(invoice.fiscal.zoi.empty());
    EXPECT_EQ(invoice.paymentMethodCode, "PayPal");
    ASSERT_EQ(invoice.payments.size(), 2u);
    EXPECT_EQ(invoice.payments[1].methodCode, "CashOnDelivery");
    EXPECT_EQ(money(invoice.payments[1].amount), "11.60");
    EXPECT_TRUE(invoice.payments[1].fiscal);
    const std::string text = InvoiceText::plain(invoice);
    EXPECT_NE(
        text.find("Plačilo / payment: PayPal / PayPal 50.00 EUR; Plačilo po povzetju / Cash on delivery "
                  "11.60 EUR\n"),
        std::string::npos)
        << text;
    EXPECT_NE(InvoiceText::html(invoice).find("PayPal / PayPal 50.00 EUR; Plačilo po povzetju"),
              std::string::npos);

    // A part not collected yet says so; a single payment is named without an amount, as before.
    o = order("A2", 1, "PAID", "PayPal");
    o.payments = {{"PayPal", "PayPal", {5000, 2}, false, false},
                  {"BANK_TRANSFER", "", {1160, 2}, false, true}};
    upsert(o);
    ASSERT_EQ(documents("A2").size(), 1u);
    EXPECT_NE(
        InvoiceText::plain(documents("A2")[0]).find("BANK_TRANSFER 11.60 EUR (še ni plačano / not paid yet)"),
        std::string::npos);
    upsert(order("A3", 1, "PAID", "PayPal"));
    ASSERT_EQ(documents("A3").size(), 1u);
    EXPECT_TRUE(documents("A3")[0].payments.empty());
    EXPECT_NE(InvoiceText::plain(documents("A3")[0]).find("Plačilo / payment: PayPal / PayPal\n"),
              std::string::npos);
}

TEST_F(Invoicing, FiscalCreditNoteHasItsOwnZoiOverTheNegativeAmount) {
    addStore("paid");
    _host->invoicer().setClock([] { return std::int64_t{1751371200000}; });  // 2025-07-01T12:00:00Z
    upsert(order("A1", 1, "PAID", "CASH"));
    SalesOrder refunded = order("A1", 2, "FULLY_REFUNDED", "CASH");
    refunded.refundedAmount = {6160, 2};
    upsert(refunded);
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[1].issuedLocal, "2025-07-01T14:00:00");  // CEST
    EXPECT_EQ(docs[1].fiscal.zoi, zoiByOpenSslCli("1003985601.07.2025 14:00:002SPLET11-61.60"));
}

TEST_F(Invoicing, InvoiceIsEmailedAsAMultipartMimeMessageToTheOutbox) {
    addStore("paid", true);
    upsert(order("A1", 1, "PAID"));
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].emailState, "outbox");
    std::ifstream file(_dir.file("outbox") + "/SPLET1-1N-1.eml");
    ASSERT_TRUE(file.good());
    std::stringstream mail;
    mail << file.rdbuf();
    const std::string text = mail.str();
    for (const char* part :
         {"multipart/alternative", "text/plain", "text/html", "ana.novak@example.si", "Subject:"})
        EXPECT_NE(text.find(part), std::string::npos) << part;
}

TEST_F(Invoicing, AnEmailThatFailedIsSentAgainAfterAPauseUntilItGoes) {
    std::int64_t clock = 1741010400000;
    _host->invoicer().setClock([&] { return clock; });
    _config.setOverride("mail.smtp_host", "127.0.0.1");  // nothing listens on port 9 here
    _config.setOverride("mail.smtp_port", "9");
    addStore("paid", true);
    upsert(order("A1", 1, "PAID"));
    ASSERT_EQ(documents("A1").size(), 1u);
    EXPECT_EQ(documents("A1")[0].emailState, "failed");
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::any_of(logged.begin(), logged.end(),
                            [](const auto& e) { return e.code == "invoice.email_failed"; }));

    MailQueue mail(*_db, _config, _host->activity());
    mail.setClock([&] { return clock; });
    EXPECT_EQ(mail.sendDue().delivered + mail.sendDue().failed, 0) << "not before its pause is over";
    clock += 61 * 1000;
    EXPECT_EQ(mail.sendDue().failed, 1) << "the server is still away";
    clock += 61 * 1000;
    EXPECT_EQ(mail.sendDue().failed, 0) << "the pause doubled";
    _config.setOverride("mail.smtp_host", "");  // the mail goes to the outbox now
    clock += 2 * 61 * 1000;
    EXPECT_EQ(mail.sendDue().delivered, 1);
    EXPECT_EQ(documents("A1")[0].emailState, "outbox");
    EXPECT_TRUE(std::filesystem::exists(_dir.file("outbox") + "/SPLET1-1N-1.eml"));
    clock += 24 * 3600 * 1000;
    EXPECT_EQ(mail.sendDue().delivered, 0) << "delivered once, never again";
}

TEST_F(Invoicing, AnEmailWhoseSenderDiedIsSentOnceByAnotherWorkerAfterTheHold) {
    addStore("paid", true);
    upsert(order("A1", 1, "PAID"));
    ASSERT_EQ(documents("A1")[0].emailState, "outbox");
    const std::string file = _dir.file("outbox") + "/SPLET1-1N-1.eml";
    std::filesystem::remove(file);
    // As a worker that died after claiming the e-mail and before sending it leaves it.
    const std::int64_t now = Database::nowMillis();
    _db->execute("UPDATE invoices SET email_state = 'pending', email_due = " +
                 std::to_string(now + MailQueue::kHoldMillis) + " WHERE number = 'SPLET1-1N-1'");
    Database otherConnection(_dir.database());  // the second worker: a process of its own
    MailQueue first(*_db, _config, _host->activity()), second(otherConnection, _config, _host->activity());
    first.setClock([&] { return now + 1000; });
    EXPECT_EQ(first.sendDue().delivered, 0) << "held for the worker that claimed it";
    EXPECT_FALSE(std::filesystem::exists(file));
    first.setClock([&] { return now + MailQueue::kHoldMillis + 1; });
    second.setClock([&] { return now + MailQueue::kHoldMillis + 1; });
    std::int64_t delivered = 0;
    std::thread other([&] { delivered += second.sendDue().delivered; });
    const std::int64_t mine = first.sendDue().delivered;
    other.join();
    EXPECT_EQ(mine + delivered, 1) << "two workers, one delivery";
    EXPECT_TRUE(std::filesystem::exists(file));
    EXPECT_EQ(documents("A1")[0].emailState, "outbox");
}

TEST_F(Invoicing, MissingCertificateForAFiscalMethodIsRefusedNamingTheField) {
    HostConfig bare;
    Settings settings = {{"auto_invoice", "paid"},
                         {"business_premise", "SPLET1"},
                         {"electronic_device", "1"},
                         {"payment_methods", kPaymentMap}};
    auto errors = InvoiceConfigCheck::check(settings, bare);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].field, "payment_methods");
    EXPECT_NE(errors[0].message.en.find("fiscal.certificate"), std::string::npos) << errors[0].message.en;
    EXPECT_NE(errors[0].message.en.find("CASH"), std::string::npos) << errors[0].message.en;
    EXPECT_TRUE(InvoiceConfigCheck::check(settings, _config).empty());
    settings["payment_methods"] = "PayPal=PayPal";  // nothing fiscal: no certificate needed
    EXPECT_TRUE(InvoiceConfigCheck::check(settings, bare).empty());
    settings["auto_invoice"] = "off";
    settings["payment_methods"] = kPaymentMap;
    EXPECT_TRUE(InvoiceConfigCheck::check(settings, bare).empty());
}

TEST_F(Invoicing, ThousandPaidOrdersImportedTwiceConcurrentlyGetNumbersOneToThousand) {
    addStore("paid");
    constexpr int kOrders = 1000;
    // Two "polling" workers walk the orders forwards, two "webhook" workers backwards with a newer copy;
    // each has its own connection, as separate worker processes would.
    auto worker = [&](bool webhook) {
        Database db(_dir.database());
        HostConfig config;
        configure(config);
        HostServiceSet host(db, config);
        for (int k = 0; k < kOrders; ++k) {
            const int i = webhook ? kOrders - 1 - k : k;
            SalesOrder o = order("O" + std::to_string(i), webhook ? 2 : 1, "PAID");
            UpsertResult result = UpsertResult::Unchanged;
            const Outcome outcome = host.salesOrders().upsert("wix-1", o, result);
            ASSERT_TRUE(outcome.ok()) << outcome.detail;
        }
    };
    std::vector<std::thread> threads;
    for (bool webhook : {false, true, false, true}) threads.emplace_back(worker, webhook);
    for (auto& t : threads) t.join();

    const auto invoices = InvoiceRepository(*_db).list("wix-1");
    ASSERT_EQ(invoices.size(), static_cast<std::size_t>(kOrders));
    std::set<std::string> orders;
    std::vector<std::int64_t> sequences;
    for (const auto& invoice : invoices) {
        orders.insert(invoice.orderExternalId);
        sequences.push_back(invoice.sequence);
        EXPECT_EQ(invoice.number, "SPLET1-1N-" + std::to_string(invoice.sequence));
    }
    EXPECT_EQ(orders.size(), static_cast<std::size_t>(kOrders));
    std::sort(sequences.begin(), sequences.end());
    for (int i = 0; i < kOrders; ++i) ASSERT_EQ(sequences[i], i + 1) << "gap or repeat at " << i;
}

TEST_F(Invoicing, PagesOfPaidOrdersStoredConcurrentlyInOppositeOrdersAllLandWithoutADeadlock) {
    // A page is one transaction that stores its orders and invoices the paid ones. Two workers storing
    // the same pages with their orders in opposite orders each hold
    // an order row the other needs; if invoicing took the invoice number row in between, each would also
    // wait for the other's number row (PostgreSQL's 40P01, seen with three workers in the scale test) and
    // fail its page after the retries.
    addStore("paid");
    constexpr int kOrders = 200, kPage = 20;
    std::atomic<int> failures{0};
    auto worker = [&](bool backwards, int version) {
        Database db(_dir.database());
        HostConfig config;
        configure(config);
        HostServiceSet host(db, config);
        for (int first = 0; first < kOrders; first += kPage) {
            std::vector<SalesOrder> page;
            for (int k = 0; k < kPage; ++k) {
                const int i = first + (backwards ? kPage - 1 - k : k);
                page.push_back(order("O" + std::to_string(i), version, "PAID"));
            }
            std::vector<UpsertResult> results(page.size());
            const Outcome outcome =
                host.salesOrders().upsertPage("wix-1", page.data(), page.size(), results.data());
            if (!outcome.ok()) {
                ++failures;
                ADD_FAILURE() << outcome.code << ": " << outcome.detail;
            }
        }
    };
    std::vector<std::thread> threads;
    threads.emplace_back(worker, false, 1);
    threads.emplace_back(worker, true, 2);
    threads.emplace_back(worker, false, 3);
    for (auto& t : threads) t.join();

    EXPECT_EQ(failures.load(), 0);
    const auto invoices = InvoiceRepository(*_db).list("wix-1");
    ASSERT_EQ(invoices.size(), static_cast<std::size_t>(kOrders));
    std::set<std::string> orders;
    for (const auto& invoice : invoices) orders.insert(invoice.orderExternalId);
    EXPECT_EQ(orders.size(), static_cast<std::size_t>(kOrders)) << "one invoice per order";
}

// ---- what the invoice says (issue 15) ----

namespace {

/// The two-rate order re-rated to 0 % (an exempt supply), going to `country`.
SalesOrder zeroRatedTo(const std::string& country, bool business) {
    SalesOrder o = order("X1", 1, "PAID");
    for (auto& line : o.lines) {
        line.vatRate = {0, 0};
        line.vat = {0, 2};
        line.net = line.gross;
    }
    o.buyer.billing.country = country;
    if (business) {
        o.buyer.business = true;
        o.buyer.vatId = "DE123456789";
        o.buyer.company = "Beispiel GmbH";
    }
    return o;
}

bool mentions(const Invoice& invoice, const std::string& text) {
    for (const auto& note : invoice.vatNotes)
        if (note.sl.find(text) != std::string::npos || note.en.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(InvoiceContent, AnIntraCommunitySupplyToABusinessNamesArticle46AndTheBuyersVatId) {
    const Invoice invoice = InvoiceBuilder::fromOrder(zeroRatedTo("DE", true));
    ASSERT_EQ(invoice.vatNotes.size(), 1u);
    EXPECT_TRUE(mentions(invoice, "46. člena ZDDV-1"));
    EXPECT_TRUE(mentions(invoice, "Article 46(1)(1) ZDDV-1"));
    EXPECT_TRUE(mentions(invoice, "DE123456789"));
    const std::string text = InvoiceText::plain(invoice);
    EXPECT_NE(text.find("Article 46(1)(1) ZDDV-1"), std::string::npos) << text;
    EXPECT_NE(InvoiceText::html(invoice).find("46. člena ZDDV-1"), std::string::npos);
}

TEST(InvoiceContent, AnExportNamesArticle52WhereverTheBuyerIsBilled) {
    SalesOrder o = zeroRatedTo("SI", false);
    o.shipping = o.buyer.billing;
    o.shipping.country = "CH";  // goods leave the EU: the shipping address decides
    const Invoice invoice = InvoiceBuilder::fromOrder(o);
    ASSERT_EQ(invoice.vatNotes.size(), 1u);
    EXPECT_TRUE(mentions(invoice, "52. člena ZDDV-1"));
    EXPECT_TRUE(mentions(invoice, "export of goods"));
    // Northern Ireland is in the EU's VAT area for goods: no export there.
    SalesOrder ni = zeroRatedTo("GB", false);
    ni.buyer.billing.region = "GB-NIR";
    EXPECT_TRUE(InvoiceBuilder::fromOrder(ni).vatNotes.empty());
    // Great Britain is not.
    EXPECT_TRUE(mentions(InvoiceBuilder::fromOrder(zeroRatedTo("GB", false)), "52. člena ZDDV-1"));
}

TEST(InvoiceContent, NoExemptionIsClaimedWhereNoneApplies) {
    EXPECT_TRUE(InvoiceBuilder::fromOrder(order("A1", 1, "PAID")).vatNotes.empty()) << "22 % and 9.5 %";
    EXPECT_TRUE(InvoiceBuilder::fromOrder(zeroRatedTo("SI", false)).vatNotes.empty())
        << "a domestic 0 % sale is the mapper's review flag, never an exemption";
    EXPECT_TRUE(InvoiceBuilder::fromOrder(zeroRatedTo("AT", false)).vatNotes.empty())
        << "an EU consumer: no intra-Community exemption without a VAT ID";
}

TEST(InvoiceContent, TheDateOfSupplyIsTheDayOfPaymentInLjubljana) {
    SalesOrder o = order("A1", 1, "PAID");
    o.paidAt = "2025-03-14T23:30:00.000Z";  // 00:30 on the 15th in Ljubljana (CET)
    Invoice invoice = InvoiceBuilder::fromOrder(o);
    EXPECT_EQ(invoice.supplyDate, "2025-03-15");
    invoice.issuedLocal = "2025-04-02T10:00:00";  // imported and invoiced weeks later
    const std::string text = InvoiceText::plain(invoice);
    EXPECT_NE(
        text.find("Izdan / issued: 2025-04-02T10:00:00 (Europe/Ljubljana)   Datum dobave / date of supply: "
                  "2025-03-15"),
        std::string::npos)
        << text;
    std::string error;
    const auto again = InvoiceJson::fromText(InvoiceJson::toText(invoice), &error);
    ASSERT_TRUE(again) << error;
    EXPECT_EQ(again->supplyDate, "2025-03-15");
}

TEST(InvoiceContent, TheSellersVatIdCarriesTheSiPrefixAndNotesSurviveStorage) {
    Invoice invoice = InvoiceBuilder::fromOrder(zeroRatedTo("DE", true));
    invoice.seller = {"Testno podjetje d.o.o.", "Ljubljana", "10039856"};
    EXPECT_NE(InvoiceText::plain(invoice).find("ID za DDV / VAT ID SI10039856"), std::string::npos);
    std::string error;
    const auto again = InvoiceJson::fromText(InvoiceJson::toText(invoice), &error);
    ASSERT_TRUE(again) << error;
    ASSERT_EQ(again->vatNotes.size(), 1u);
    EXPECT_EQ(again->vatNotes[0].en, invoice.vatNotes[0].en);
}

TEST_F(Invoicing, AnOrderPaidBeforeItWasImportedIsSuppliedOnItsPaymentDay) {
    addStore("paid");
    SalesOrder o = order("A1", 1, "PAID");
    o.paidAt = "2025-03-03T08:05:00.000Z";
    upsert(o);
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_EQ(docs[0].supplyDate, "2025-03-03") << "not the day the host issued it";
    EXPECT_NE(docs[0].issuedLocal.substr(0, 10), "2025-03-03");
}

TEST_F(Invoicing, ACompanyTaxNumberWithAWrongCheckDigitIsRefused) {
    HostConfig config;
    configure(config);
    config.setOverride("company.tax_number", "12345678");  // 112 mod 11 = 2: the check digit would be 9
    const Settings settings = {{"auto_invoice", "paid"},
                               {"business_premise", "SPLET1"},
                               {"electronic_device", "1"},
                               {"payment_methods", kPaymentMap}};
    const auto errors = InvoiceConfigCheck::check(settings, config);
    bool named = false;
    for (const auto& e : errors) named = named || e.code == "payment_methods.tax_number_check_digit";
    EXPECT_TRUE(named);
}

// ---- foreign currency: VAT also in EUR at the ECB's rate of the day (issue 15) ----

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string kEcbSample = std::string(ESTORE_TEST_DATA) + "/ecb/eurofxref-sample.xml";

/// The two-rate order (61.60 with VAT 8.03) in Swiss francs, paid on Saturday 15 March 2025.
SalesOrder inFrancs(const std::string& method = "PayPal") {
    SalesOrder o = order("F1", 1, "PAID", method);
    o.currency = "CHF";
    o.paidAt = "2025-03-15T09:00:00.000Z";
    return o;
}

}  // namespace

TEST(ExchangeRatesFile, TheEcbFileIsReadWholeOrRefusedWhole) {
    const EcbImport sample = ExchangeRates::parseEcbXml(readText(kEcbSample));
    ASSERT_TRUE(sample.error.empty()) << sample.error;
    ASSERT_EQ(sample.rates.size(), 8u);
    EXPECT_EQ(sample.rates[3].day, "2025-03-14");
    EXPECT_EQ(sample.rates[3].currency, "CHF");
    EXPECT_EQ(sample.rates[3].rate.toString(), "0.961");
    for (const char* broken :
         {"", "<Cube>", "<Cube><Cube time='2025-02-30'><Cube currency='CHF' rate='0.96'/></Cube></Cube>",
          "<Cube><Cube time='2025-03-14'><Cube currency='CHF' rate='-1'/></Cube></Cube>",
          "<Cube><Cube time='2025-03-14'><Cube currency='chf' rate='0.96'/></Cube></Cube>",
          "<Cube><Cube time='2025-03-14'></Cube></Cube>", "{\"rates\": []}"}) {
        const EcbImport refused = ExchangeRates::parseEcbXml(broken);
        EXPECT_FALSE(refused.error.empty()) << broken;
        EXPECT_TRUE(refused.rates.empty()) << broken;
    }
}

TEST(EcbFetcherDay, TheNewestDayTheEcbHasPublishedByNow) {
    // The ECB publishes around 16:00 CET on weekdays (Ljubljana time; CEST in summer).
    const auto at = [](const char* iso) { return *estore::sdk::parseIsoMillis(iso); };
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2025-03-17T09:00:00Z")), "2025-03-14");  // Monday morning
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2025-03-17T15:30:00Z")), "2025-03-17");  // 16:30 CET
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2025-03-18T14:59:00Z")), "2025-03-17");  // 15:59 CET
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2025-03-15T18:00:00Z")), "2025-03-14");  // Saturday
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2025-03-16T22:00:00Z")), "2025-03-14");  // Sunday 23:00
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2026-07-06T14:30:00Z")), "2026-07-06");  // 16:30 CEST
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2026-07-06T13:30:00Z")), "2026-07-03");  // 15:30 CEST
    EXPECT_EQ(EcbFetcher::lastPublishedDay(at("2027-01-01T10:00:00Z")), "2026-12-31");  // over the year
}

TEST_F(Invoicing, TheEcbRatesAreFetchedWholeOrNotAtAllAndOnlyWhenANewDayIsOut) {
    estore::test::StaticHttpServer ecb({{"/eurofxref-daily.xml", {200, "text/xml", readText(kEcbSample)}},
                                        {"/broken.xml", {200, "text/xml", "<html>maintenance</html>"}}});
    HostConfig config;
    EXPECT_FALSE(EcbFetcher(*_db, config).configured()) << "no URL, no fetch";
    EXPECT_FALSE(EcbFetcher(*_db, config).fetchIfDue(0).attempted);

    config.setOverride("rates.ecb_url", ecb.url("/broken.xml"));
    EcbFetch fetched = EcbFetcher(*_db, config).fetch();
    EXPECT_TRUE(fetched.attempted);
    EXPECT_NE(fetched.error.en.find("not an ECB rates file; nothing was stored"), std::string::npos)
        << fetched.error.en;
    EXPECT_NE(fetched.error.sl.find("ni datoteka tečajev ECB"), std::string::npos) << fetched.error.sl;
    EXPECT_FALSE(ExchangeRates(*_db).rateOn("CHF", "2025-03-14"));

    config.setOverride("rates.ecb_url", ecb.url("/gone.xml"));
    fetched = EcbFetcher(*_db, config).fetch();
    EXPECT_NE(fetched.error.en.find("status 404"), std::string::npos) << fetched.error.en;
    config.setOverride("rates.ecb_url", "http://127.0.0.1:1/eurofxref-daily.xml");
    fetched = EcbFetcher(*_db, config).fetch();
    EXPECT_NE(fetched.error.en.find("could not be reached"), std::string::npos) << fetched.error.en;
    config.setOverride("rates.ecb_url", "ftp://example.org/rates.xml");
    EXPECT_NE(EcbFetcher(*_db, config).fetch().error.en.find("https://"), std::string::npos);

    config.setOverride("rates.ecb_url", ecb.url("/eurofxref-daily.xml"));
    const int before = ecb.requests();
    // Saturday 2025-03-15: Friday's rates are out and missing here, so the run loop fetches them.
    const std::int64_t saturday = *estore::sdk::parseIsoMillis("2025-03-15T10:00:00Z");
    fetched = EcbFetcher(*_db, config).fetchIfDue(saturday);
    EXPECT_TRUE(fetched.attempted);
    EXPECT_FALSE(fetched.failed()) << fetched.error.en;
    EXPECT_EQ(fetched.rates, 8u);
    EXPECT_EQ(fetched.newestDay, "2025-03-14");
    ASSERT_TRUE(ExchangeRates(*_db).rateOn("CHF", "2025-03-15"));
    EXPECT_EQ(ecb.requests(), before + 1);
    // Sunday: nothing newer is published, so no request at all.
    fetched = EcbFetcher(*_db, config).fetchIfDue(*estore::sdk::parseIsoMillis("2025-03-16T10:00:00Z"));
    EXPECT_FALSE(fetched.attempted);
    EXPECT_EQ(ecb.requests(), before + 1);
    // Monday after 16:00: Monday's are due (this server still has Friday's; the next check tries again).
    fetched = EcbFetcher(*_db, config).fetchIfDue(*estore::sdk::parseIsoMillis("2025-03-17T15:30:00Z"));
    EXPECT_TRUE(fetched.attempted);
    EXPECT_EQ(ecb.requests(), before + 2);
}

TEST_F(Invoicing, AForeignCurrencyOrderWaitsForItsRateAndThenStatesVatInEur) {
    addStore("paid");
    upsert(inFrancs());
    EXPECT_TRUE(documents("F1").empty()) << "no rate yet: never an invoice on a guess";
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::any_of(logged.begin(), logged.end(), [](const auto& e) {
        return e.code == "invoice.no_exchange_rate" && e.message.en.find("2025-03-15") != std::string::npos;
    }));

    ExchangeRates(*_db).store(ExchangeRates::parseEcbXml(readText(kEcbSample)).rates);
    SalesOrder again = inFrancs();
    again.updatedAtMillis = 2;  // the next import, or `estore-host rates import`, looks at it again
    upsert(again);
    const auto docs = documents("F1");
    ASSERT_EQ(docs.size(), 1u);
    const Invoice& invoice = docs[0];
    // Saturday has no rate: Friday's, 1 EUR = 0.9610 CHF.
    EXPECT_EQ(invoice.eurRateDay, "2025-03-14");
    EXPECT_EQ(invoice.eurRate, "0.961");
    // VAT 22 %: 5.18 CHF / 0.961 = 5.3902 → 5.39 EUR; 9.5 %: 2.85 / 0.961 = 2.9656 → 2.97; total 8.03 /
    // 0.961 = 8.3559 → 8.36; 61.60 / 0.961 = 64.1005 → 64.10.
    EXPECT_EQ(InvoiceBuilder::inEur(invoice, invoice.vatBreakdown[0].vat).toString(2), "5.39");
    EXPECT_EQ(InvoiceBuilder::inEur(invoice, invoice.vatBreakdown[1].vat).toString(2), "2.97");
    const std::string text = InvoiceText::plain(invoice);
    EXPECT_NE(text.find("Tečaj ECB / ECB reference rate 2025-03-14: 1 EUR = 0.961 CHF"), std::string::npos)
        << text;
    EXPECT_NE(text.find("22 %: 5.39; 9.5 %: 2.97; skupaj / total 8.36 EUR"), std::string::npos) << text;
    EXPECT_NE(text.find("za plačilo / total 64.10 EUR"), std::string::npos) << text;
    EXPECT_NE(text.find("Za plačilo / total: 61.60 CHF"), std::string::npos)
        << "the order's own currency too";
    // The e-mail's HTML part says the same (a person reads that one).
    const std::string html = InvoiceText::html(invoice);
    EXPECT_NE(html.find("Tečaj ECB / ECB reference rate 2025-03-14: 1 EUR = 0.961 CHF<br>DDV v EUR"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("<br>Datum dobave / date of supply: 2025-03-15"), std::string::npos) << html;
}

TEST_F(Invoicing, AYenInvoiceAndItsCreditNotesAreInWholeYen) {
    // JPY has no minor unit (ISO 4217): the documents are to the yen, never to a "cent" of a yen.
    addStore("paid");
    ExchangeRates(*_db).store(ExchangeRates::parseEcbXml(readText(kEcbSample)).rates);
    SalesOrder yen = withLineIds(order("Y1", 1, "PAID"));
    yen.currency = "JPY";
    yen.paidAt = "2025-03-14T09:00:00.000Z";
    const auto whole = [](std::int64_t units) { return Amount{units, 0}; };
    yen.lines[0].unitPrice = yen.lines[0].gross = whole(2441);  // 22 %: 2441 × 22 / 122 = 440.2 → 440
    yen.lines[0].vat = whole(440);
    yen.lines[0].net = whole(2001);
    yen.lines[1].unitPrice = yen.lines[1].gross = whole(3285);  // 9.5 %: 285
    yen.lines[1].vat = whole(285);
    yen.lines[1].net = whole(3000);
    yen.lines[2].unitPrice = yen.lines[2].gross = whole(435);  // 22 %: 78
    yen.lines[2].vat = whole(78);
    yen.lines[2].net = whole(357);
    for (auto& line : yen.lines) line.discount = whole(0);
    yen.vatBreakdown.clear();
    yen.totalNet = whole(5358);
    yen.totalVat = whole(803);
    yen.totalGross = whole(6161);
    yen.paidAmount = whole(6161);
    upsert(yen);
    // 1000 yen back without lines: 22 % has 2876 of 6161, so 466.8 → 467 and 9.5 % 533.2 → 533.
    upsert(afterRefunds(yen, 2, {{"R1", "2025-03-16T10:00:00Z", whole(1000), {}}}));
    auto docs = documents("Y1");
    ASSERT_EQ(docs.size(), 2u);
    EXPECT_EQ(docs[0].totalGross.scale, 0);
    EXPECT_EQ(docs[0].totalGross.units, 6161);
    const Invoice& note = docs[1];
    ASSERT_EQ(note.vatBreakdown.size(), 2u);
    EXPECT_EQ(note.vatBreakdown[0].gross.units, -467);
    EXPECT_EQ(note.vatBreakdown[0].gross.scale, 0);
    EXPECT_EQ(note.vatBreakdown[0].vat.units, -84);  // 518 × 467 / 2876 = 84.1
    EXPECT_EQ(note.vatBreakdown[1].gross.units, -533);
    EXPECT_EQ(note.vatBreakdown[1].vat.units, -46);  // 285 × 533 / 3285 = 46.2
    EXPECT_EQ(note.totalGross.units, -1000);
    EXPECT_EQ(note.totalGross.scale, 0);
    // One tea of three by line: 2441 / 3 = 813.67 → 814 yen, never 813.67.
    SalesOrder three = yen;
    three.externalId = three.number = "Y2";
    three.lines[0].quantity = {3, 0};
    upsert(three);
    upsert(afterRefunds(three, 2, {{"R1", "2025-03-16T10:00:00Z", whole(814), {{"L-CAJ", {1, 0}, {}}}}}));
    docs = documents("Y2");
    ASSERT_EQ(docs.size(), 2u);
    ASSERT_EQ(docs[1].lines.size(), 1u);
    EXPECT_EQ(docs[1].lines[0].gross.units, -814);
    EXPECT_EQ(docs[1].lines[0].gross.scale, 0);
    EXPECT_EQ(docs[1].lines[0].vat.units, -147);  // 440 × 814 / 2441 = 146.7

    // The documents print whole yen as well, never "6161.00 JPY" (ISO 4217 minor unit 0).
    const std::string text = InvoiceText::plain(documents("Y1")[0]);
    EXPECT_NE(text.find("Za plačilo / total: 6161 JPY\n"), std::string::npos) << text;
    EXPECT_NE(text.find("DDV / VAT: 803 JPY\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("6161.00"), std::string::npos) << text;
    EXPECT_NE(InvoiceText::html(documents("Y1")[0]).find("Za plačilo / total: 6161 JPY"), std::string::npos);
}

TEST_F(Invoicing, AFiscalInvoiceInAnotherCurrencyIsSignedInEur) {
    addStore("paid");
    ExchangeRates(*_db).store(ExchangeRates::parseEcbXml(readText(kEcbSample)).rates);
    _host->invoicer().setClock([] { return std::int64_t{1742040000000}; });  // 2025-03-15T12:00:00Z
    SalesOrder cash = inFrancs("CASH");
    upsert(cash);
    const auto docs = documents("F1");
    ASSERT_EQ(docs.size(), 1u);
    EXPECT_TRUE(docs[0].fiscal.fiscal);
    // FURS takes EUR: the ZOI is over 64.10 EUR, not 61.60 CHF.
    const std::string expected = zoiByOpenSslCli("1003985615.03.2025 13:00:001SPLET1164.10");
    ASSERT_EQ(expected.size(), 32u);
    EXPECT_EQ(docs[0].fiscal.zoi, expected);
}

TEST_F(Invoicing, ARateIsNotTakenFromMoreThanAWeekBefore) {
    ExchangeRates rates(*_db);
    rates.store(ExchangeRates::parseEcbXml(readText(kEcbSample)).rates);
    ASSERT_TRUE(rates.rateOn("CHF", "2025-03-21"));
    EXPECT_EQ(rates.rateOn("CHF", "2025-03-21")->day, "2025-03-14");
    EXPECT_FALSE(rates.rateOn("CHF", "2025-03-22")) << "eight days on: no rate, not a stale one";
    EXPECT_FALSE(rates.rateOn("CHF", "2025-03-12")) << "none published yet";
    EXPECT_FALSE(rates.rateOn("SEK", "2025-03-14")) << "a currency the file did not have";
    EXPECT_EQ(rates.rateOn("USD", "2025-03-13")->rate.toString(), "1.0857");
}

TEST_F(Invoicing, AnOrderChangedAfterItsInvoiceLeavesTheInvoiceAndTellsAPerson) {
    addStore("paid");
    upsert(order("A1", 1, "PAID"));
    ASSERT_EQ(documents("A1").size(), 1u);
    SalesOrder edited = order("A1", 2, "PAID");  // an item added in Wix after the invoice
    auto extra = edited.lines.front();
    extra.name = "Čaj (dodatno)";
    edited.lines.push_back(extra);
    edited.totalGross = {6160 + 2440, 2};
    upsert(edited);
    const auto docs = documents("A1");
    ASSERT_EQ(docs.size(), 1u) << "no second invoice, no credit note on a guess";
    EXPECT_EQ(money(docs[0].totalGross), "61.60") << "the issued invoice is unchanged";
    const auto logged = _host->activity().list("wix-1");
    EXPECT_TRUE(std::any_of(logged.begin(), logged.end(), [](const auto& e) {
        return e.code == "invoice.order_changed" &&
               e.message.en.find("86.00 EUR instead of 61.60") != std::string::npos;
    }));
    // Back to what was invoiced: nothing new to say.
    const auto changes = [this] {
        const auto entries = _host->activity().list("wix-1");
        return std::count_if(entries.begin(), entries.end(),
                             [](const auto& e) { return e.code == "invoice.order_changed"; });
    };
    EXPECT_EQ(changes(), 1);
    upsert(order("A1", 3, "PAID"));
    EXPECT_EQ(changes(), 1);
}
