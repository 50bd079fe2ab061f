// Fault modes: what a FURS client meets when FURS is slow, failing, blocked or down, or when an answer is
// lost after the invoice was taken (README.md "Faults").

#include <chrono>
#include <thread>

#include <Poco/Exception.h>
#include <gtest/gtest.h>

#include "furs_test_support.h"

namespace furs_test {
namespace {

using furs_sandbox::FaultMode;
using furs_sandbox::FursApi;
using furs_sandbox::FursFault;

class FaultsTest : public FursSandboxTest {
protected:
    void inject(FaultMode mode, int count = 1, int delayMs = 0) {
        FursFault fault;
        fault.mode = mode;
        fault.count = count;
        fault.delayMs = delayMs;
        sandbox->injectFault(fault);
    }

    HttpResult echo(int timeoutMs = 5000) const {
        return client(timeoutMs).post(FursApi::kEchoPath, "{\"EchoRequest\":\"furs\"}");
    }

    /// Waits up to 5 s for the sandbox to have `count` invoices.
    bool waitForInvoices(std::size_t count) const {
        for (int i = 0; i < 100; ++i) {
            if (sandbox->invoices().size() == count) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }
};

TEST_F(FaultsTest, TimeoutAnswersLate) {
    inject(FaultMode::Timeout, 1, 400);
    const auto started = std::chrono::steady_clock::now();
    const HttpResult result = echo();
    const auto elapsed = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.body, "{\"EchoResponse\":\"furs\"}");
    EXPECT_GE(elapsed, std::chrono::milliseconds(400));
    EXPECT_EQ(sandbox->stats().faults.at("timeout"), 1);
    EXPECT_FALSE(sandbox->activeFault());
}

TEST_F(FaultsTest, TimeoutBeyondTheClientsPatienceStillTakesTheInvoice) {
    registerPremise();
    inject(FaultMode::Timeout, 1, 1500);
    EXPECT_THROW(
        client(300).post(FursApi::kInvoicePath, company->tokenBody(Messages::invoice(Messages::Invoice{}))),
        Poco::TimeoutException);
    // The sandbox answers after the delay: the invoice is taken though the client gave up (ambiguous).
    EXPECT_TRUE(waitForInvoices(1));
}

TEST_F(FaultsTest, Error500GetsAnHtmlServerErrorOnce) {
    inject(FaultMode::Error500);
    const HttpResult failed = echo();
    EXPECT_EQ(failed.status, 500);
    EXPECT_EQ(failed.contentType, "text/html; charset=UTF-8");
    EXPECT_NE(failed.body.find("<h1>Internal Server Error</h1>"), std::string::npos);
    EXPECT_EQ(echo().status, 200);
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kEchoPath).at("error500"), 1);
}

TEST_F(FaultsTest, MalformedGetsTheFirewallPageWith200) {
    registerPremise();
    inject(FaultMode::Malformed);
    const HttpResult result = sendInvoice(Messages::invoice(Messages::Invoice{}));
    EXPECT_EQ(result.status, 200);
    EXPECT_EQ(result.contentType, "text/html; charset=UTF-8");
    EXPECT_EQ(
        result.body.rfind("<html><head><title>Request Rejected</title></head><body>The requested URL was "
                          "rejected. Please consult with your administrator.<br><br>Your support ID is: ",
                          0),
        0u)
        << result.body;
    EXPECT_TRUE(sandbox->invoices().empty());
}

TEST_F(FaultsTest, RefuseSignatureGetsS003ThenWorksAgain) {
    registerPremise();
    inject(FaultMode::RefuseSignature);
    Messages::Invoice invoice;
    const Answer refused = decode(sendInvoice(Messages::invoice(invoice)));
    EXPECT_EQ(refused.errorCode(), "S003");
    EXPECT_EQ(refused.errorMessage(), "Digitalni podpis ni ustrezen");
    EXPECT_EQ(refused.messageId(), invoice.messageId);
    EXPECT_TRUE(sandbox->invoices().empty());
    invoice.messageId = newMessageId();
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(invoice))).errorCode(), "");
}

TEST_F(FaultsTest, LoseAnswerTakesTheInvoiceAndTheRetryGetsTheSameEor) {
    registerPremise();
    inject(FaultMode::LoseAnswer);
    Messages::Invoice invoice;
    EXPECT_THROW(sendInvoice(Messages::invoice(invoice)), Poco::Exception);
    const std::vector<furs_sandbox::InvoiceRecord> taken = sandbox->invoices();
    ASSERT_EQ(taken.size(), 1u);
    const std::string eor = taken[0].eor;
    EXPECT_EQ(eor.size(), 36u);

    Messages::Invoice retry = invoice;
    retry.messageId = newMessageId();
    retry.subsequent = true;
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(retry))).eor(), eor);
    const furs_sandbox::InvoiceRecord record = *sandbox->invoice("12345678", "TRGOVINA1-BLAG2-145");
    EXPECT_EQ(record.timesSubmitted, 2);
    EXPECT_EQ(record.subsequentSubmit, (std::vector<bool>{false, true}));
    EXPECT_EQ(sandbox->stats().requests.at(FursApi::kInvoicePath).at("lose_answer"), 1);
}

TEST_F(FaultsTest, DownClosesTheConnectionBeforeTls) {
    registerPremise();
    inject(FaultMode::Down);
    EXPECT_THROW(sendInvoice(Messages::invoice(Messages::Invoice{})), Poco::Exception);
    EXPECT_TRUE(sandbox->invoices().empty());
    const furs_sandbox::SandboxStats stats = sandbox->stats();
    EXPECT_EQ(stats.connectionsRefused, 1);
    EXPECT_EQ(stats.faults.at("down"), 1);
    EXPECT_EQ(stats.requests.count(FursApi::kInvoicePath), 0u) << "no request ever arrived";
    EXPECT_EQ(decode(sendInvoice(Messages::invoice(Messages::Invoice{}))).errorCode(), "");
}

TEST_F(FaultsTest, CountAppliesToThatManyRequests) {
    inject(FaultMode::Error500, 2);
    EXPECT_EQ(echo().status, 500);
    EXPECT_EQ(echo().status, 500);
    EXPECT_EQ(echo().status, 200);
}

TEST_F(FaultsTest, MinusOneLastsUntilCleared) {
    inject(FaultMode::Error500, -1);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(echo().status, 500);
    sandbox->clearFaults();
    EXPECT_EQ(echo().status, 200);
}

TEST_F(FaultsTest, ControlPathsAreNotFaulted) {
    inject(FaultMode::Error500, 1);
    EXPECT_EQ(anonymousClient().get("/_sandbox/invoices").status, 200);
    ASSERT_TRUE(sandbox->activeFault());
    EXPECT_EQ(sandbox->activeFault()->count, 1);
}

TEST_F(FaultsTest, BadFaultsAreRefused) {
    FursFault fault;
    fault.count = -2;
    EXPECT_THROW(sandbox->injectFault(fault), std::invalid_argument);
    fault.count = 1;
    fault.delayMs = -1;
    EXPECT_THROW(sandbox->injectFault(fault), std::invalid_argument);
    EXPECT_FALSE(sandbox->activeFault());
}

}  // namespace
}  // namespace furs_test
