// A store's orders and invoices in headless Chromium: paged and searched, a buyer's name that is markup
// shown as text, and a cash invoice verified with FURS (furs-sandbox) shown with a QR code that a real
// decoder (zbarimg) reads back from the screenshot.
#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "admin_fixture.h"
#include "estore/host/furs_sandbox/furs_sandbox.h"

namespace estore::test {

namespace {

const std::string kHostileName = "<script>document.title='pwned'</script>";

std::string stringify(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out);
    return out.str();
}

}  // namespace

TEST_F(AdminPagesTest, OrdersArePagedSearchedByNumberAndABuyerNameThatIsMarkupIsShownAsText) {
    const std::string storeId = addStoreByCli();
    // A buyer whose name is a script, as a shop could hand it over.
    auto placed = Poco::JSON::Parser()
                      .parse(_sandbox->post("/_sandbox/orders/place", "{}"))
                      .extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Object::Ptr order = placed->getObject("order");
    order->getObject("billingInfo")->getObject("contactDetails")->set("firstName", kHostileName);
    order->remove("id");
    order->remove("number");
    Poco::JSON::Object::Ptr request = new Poco::JSON::Object;
    request->set("siteId", _identity.siteId);
    request->set("order", order);
    const auto added = Poco::JSON::Parser()
                           .parse(_sandbox->post("/_sandbox/orders", stringify(request)))
                           .extract<Poco::JSON::Object::Ptr>();
    const std::string hostileId = added->getArray("orderIds")->getElement<std::string>(0);
    _sandbox->post("/_sandbox/orders", R"({"siteId":")" + _identity.siteId + R"(","generate":60})");
    const auto ran = host({"run", "--once"});
    ASSERT_EQ(ran.exitCode, 0) << ran.describe();

    signInWithBrowser();
    auto& b = browser();
    b.open(url("/stores/" + storeId));
    b.clickAndWait("#orders-link");
    const int count =
        std::stoi(b.evaluate("document.querySelector('#orders-count').innerText.match(/\\d+/)[0]"));
    EXPECT_GT(count, 60);
    EXPECT_EQ(b.evaluate("document.querySelectorAll('#orders tbody tr').length"), "50");
    EXPECT_TRUE(b.exists("#page-next"));
    screenshot("1-orders");
    b.clickAndWait("#page-next");
    EXPECT_EQ(b.evaluate("document.querySelectorAll('#orders tbody tr').length"), std::to_string(count - 50));
    EXPECT_TRUE(b.exists("#page-previous"));

    // The hostile order: its name is text on the page; no script ran and none is in the table.
    const std::string hostileRow = "#orders tr[data-order=\"" + hostileId + "\"]";
    b.open(url("/stores/" + storeId + "/orders"));
    if (!b.exists(hostileRow)) b.clickAndWait("#page-next");
    ASSERT_TRUE(b.exists(hostileRow));
    EXPECT_NE(b.text(hostileRow + " .buyer").find(kHostileName), std::string::npos) << b.text(hostileRow);
    EXPECT_NE(b.evaluate("document.title"), "pwned");
    EXPECT_EQ(b.evaluate("document.querySelectorAll('#orders script').length"), "0");
    const std::string number =
        b.evaluate("document.querySelector('" + std::string("#orders tr[data-order=\\\"") + hostileId +
                   "\\\"] td').innerText");
    b.type("#q", number);
    b.clickAndWait("#search");
    EXPECT_TRUE(b.exists(hostileRow));
    EXPECT_EQ(b.text("#orders-count"),
              "Naročil: " + b.evaluate("document.querySelectorAll('#orders tbody tr').length"));
    screenshot("2-search-hostile-buyer");
}

TEST_F(AdminPagesTest, AVerifiedCashInvoiceShowsItsZoiEorAndAQrCodeADecoderReads) {
    constexpr const char* kTaxNumber = "10039856";
    furs_sandbox::FursSandboxOptions options;
    options.stateDir = _dir.file("furs");
    furs_sandbox::FursSandbox furs(options);
    furs.start();
    const auto files = furs.issueCertificate(kTaxNumber, "TESTNO PODJETJE 1").writeTo(_dir.file("cert"));
    writeConfig(_sandbox->baseUrl(),
                {"wix.requests_per_minute = 0", "company.name = Testno podjetje d.o.o.",
                 std::string("company.tax_number = ") + kTaxNumber,
                 "fiscal.certificate = " + files.certificate.string(),
                 "fiscal.private_key = " + files.privateKey.string(), "fiscal.furs_url = " + furs.baseUrl(),
                 "fiscal.furs_ca_file = " + furs.caFile(), "fiscal.software_supplier = 45678901"});
    ASSERT_EQ(host({"fiscal", "premise", "register", "SPLET1", "--set", "type=C"}).exitCode, 0);
    auto added = addStoreInvoicingOnSplet1();
    ASSERT_EQ(added.exitCode, 0) << added.describe();
    const std::string storeId = json(added)->getObject("store")->getValue<std::string>("id");
    // With the sandbox's seed the first new order is paid on delivery: cash, so fiscal.
    for (int i = 0; i < 3; ++i) {
        const auto placed = Poco::JSON::Parser()
                                .parse(_sandbox->post("/_sandbox/orders/place", "{}"))
                                .extract<Poco::JSON::Object::Ptr>();
        if (placed->getObject("order")->optValue<std::string>("paymentStatus", "") != "PAID")
            _sandbox->post("/_sandbox/orders/" + placed->getValue<std::string>("orderId") + "/pay", "{}");
    }
    ASSERT_EQ(host({"run", "--once"}).exitCode, 0);
    const auto fiscal = furs.invoices();
    ASSERT_FALSE(fiscal.empty()) << "a cash-paid invoice was verified";
    const std::string number = fiscal.front().identifier;

    signInWithBrowser();
    auto& b = browser();
    b.open(url("/stores/" + storeId));
    b.clickAndWait("#invoices-link");
    EXPECT_NE(b.text("#invoices").find(number), std::string::npos) << b.text("#invoices");
    screenshot("1-invoices");
    b.open(url("/invoices/" + number));
    const std::string page = b.text("main");
    EXPECT_NE(page.find("ZOI"), std::string::npos) << page;
    EXPECT_NE(page.find(fiscal.front().eor), std::string::npos) << "the EOR FURS gave";
    ASSERT_TRUE(b.exists("#qr"));
    EXPECT_EQ(b.evaluate(
                  "document.querySelector('#qr').complete && document.querySelector('#qr').naturalWidth > 0"),
              "true")
        << "the QR image loaded";
    const std::string alt = b.evaluate("document.querySelector('#qr').alt");
    const std::string digits = alt.substr(alt.find_first_of("0123456789"));
    ASSERT_EQ(digits.size(), 60u) << alt;
    screenshot("2-invoice");

    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string shot = std::string(ESTORE_TEST_OUTPUT) + "/" + info->test_suite_name() + "." +
                             info->name() + "/2-invoice.png";
    const auto read = runProcess("/usr/bin/zbarimg", {"--raw", "-q", shot}, _dir.path().string());
    EXPECT_EQ(read.exitCode, 0) << read.describe();
    EXPECT_NE(read.out.find(digits), std::string::npos) << "decoded from the screenshot: " << read.out;
    furs.stop();
}

}  // namespace estore::test

namespace estore::test {

TEST_F(AdminPagesTest, AStockCsvWithOneBadRowChangesNothingAndNamesTheLineThenTheCorrectedFileIsImported) {
    signInWithBrowser();
    auto& b = browser();
    b.clickAndWait("#nav-stock");
    b.select("#warehouse", "GLAVNO");
    b.clickAndWait("#show");
    EXPECT_EQ(b.text("#stock-count"), "Izdelkov: 0");
    const std::string bad = _dir.file("zaloga.csv");
    std::ofstream(bad) << "product_code;on_hand;reserved\nKAVA-250;12,5;0\nCAJ-100;veliko;0\nMED-900;3;1\n";
    b.chooseFile("#csv", bad);
    b.clickAndWait("#upload");
    EXPECT_NE(b.text("#upload-error").find("zaloga ni spremenjena"), std::string::npos) << b.text("main");
    EXPECT_NE(b.text("#problems").find("Vrstica 3"), std::string::npos) << b.text("#problems");
    EXPECT_EQ(b.text("#stock-count"), "Izdelkov: 0") << "not even the good rows";
    screenshot("1-refused");
    EXPECT_EQ(host({"stock", "GLAVNO", "--json"}).out.find("KAVA-250"), std::string::npos);

    const std::string good = _dir.file("zaloga-popravljena.csv");
    std::ofstream(good) << "product_code;on_hand;reserved\nKAVA-250;12,5;0\nCAJ-100;40;0\nMED-900;3;1\n";
    b.chooseFile("#csv", good);
    b.clickAndWait("#upload");
    EXPECT_NE(b.text("#upload-done").find("Uvoženih vrstic: 3"), std::string::npos) << b.text("main");
    EXPECT_EQ(b.text("#stock tr[data-code=\"KAVA-250\"] td:nth-child(2)"), "12.5");
    screenshot("2-imported");
    EXPECT_NE(host({"stock", "GLAVNO", "--json"}).out.find("KAVA-250"), std::string::npos);
}

}  // namespace estore::test
