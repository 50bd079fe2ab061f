#include <gtest/gtest.h>

#include "client/request_pacer.h"
#include "settings/payment_methods.h"

namespace {
/// The payments of an Order Transactions answer given as text.
std::map<std::string, estore::wix::OrderPayments> paymentMethodsByOrder(const std::string& answer) {
    estore::sdk::JsonDocument document;
    std::string why;
    EXPECT_TRUE(document.parse(answer, why)) << why;
    return estore::wix::paymentMethodsByOrder(document.root());
}
}  // namespace

TEST(PaymentMethods, TakesTheLargestApprovedPaymentAndPrefersTheMerchantsName) {
    const std::string answer(R"({"orderTransactions":[
      {"orderId":"a","payments":[
        {"id":"p1","status":"APPROVED","amount":{"amount":"5.00"},"giftcardPaymentDetails":{"giftCardPaymentId":"g"}},
        {"id":"p2","status":"APPROVED","amount":{"amount":"17.99"},
         "regularPaymentDetails":{"paymentMethod":"CreditCard","offlinePayment":false,
           "paymentMethodName":{"siteLanguageName":"Kartica"}}}]},
      {"orderId":"b","payments":[
        {"id":"p3","status":"APPROVED","amount":{"amount":"20.0"},
         "regularPaymentDetails":{"paymentMethod":"Offline","offlinePayment":true,
           "paymentMethodName":{"userDefinedName":{"predefined":"CASH"}}}}]},
      {"orderId":"c","payments":[
        {"id":"p4","status":"PENDING_MERCHANT","amount":{"amount":"9.0"},
         "regularPaymentDetails":{"paymentMethod":"Offline"}}]},
      {"orderId":"d","payments":[
        {"id":"p5","amount":{"amount":"9.0"},
         "regularPaymentDetails":{"paymentMethod":"PayPal","status":"APPROVED"}}]}
    ]})");
    auto methods = paymentMethodsByOrder(answer);
    EXPECT_EQ(methods["a"].main, "CreditCard");
    EXPECT_EQ(methods["a"].others, std::vector<std::string>{"GiftCard"});  // a gift card paid the rest
    EXPECT_TRUE(methods["b"].others.empty());
    EXPECT_EQ(methods["b"].main, "CASH");
    EXPECT_EQ(methods.count("c"), 0u) << "an unconfirmed offline payment names no method yet";
    EXPECT_EQ(methods["d"].main, "PayPal") << "the deprecated status field still counts";
}

TEST(PaymentMethods, APendingPartCountsAsAnotherMethodButNeverAsTheMainOne) {
    const std::string answer(R"({"orderTransactions":[
      {"orderId":"a","payments":[
        {"id":"p1","status":"APPROVED","amount":{"amount":"10.00"},
         "regularPaymentDetails":{"paymentMethod":"CreditCard"}},
        {"id":"p2","status":"PENDING_MERCHANT","amount":{"amount":"50.00"},
         "regularPaymentDetails":{"paymentMethod":"Offline","offlinePayment":true,
           "paymentMethodName":{"userDefinedName":{"predefined":"CASH"}}}},
        {"id":"p3","status":"DECLINED","amount":{"amount":"5.00"},
         "regularPaymentDetails":{"paymentMethod":"PayPal"}}]}
    ]})");
    auto methods = paymentMethodsByOrder(answer);
    EXPECT_EQ(methods["a"].main, "CreditCard");
    EXPECT_EQ(methods["a"].others, std::vector<std::string>{"CASH"});  // a declined part is no part
    // The parts with their amounts, largest first, the uncollected one marked pending.
    const auto& parts = methods["a"].parts;
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].method, "CASH");
    EXPECT_EQ(parts[0].amount.units, 5000);
    EXPECT_EQ(parts[0].amount.scale, 2);
    EXPECT_TRUE(parts[0].pending);
    EXPECT_EQ(parts[1].method, "CreditCard");
    EXPECT_EQ(parts[1].amount.units, 1000);
    EXPECT_FALSE(parts[1].pending);
    EXPECT_TRUE(parts[0].methodCode.empty()) << "the store's map fills it, not the transactions";
}

TEST(PaymentMethods, EveryPartKeepsItsAmountInTheOrderOfSize) {
    const std::string answer(R"({"orderTransactions":[
      {"orderId":"a","payments":[
        {"id":"p1","status":"APPROVED","amount":{"amount":"5"},"giftcardPaymentDetails":{"giftCardPaymentId":"g"}},
        {"id":"p2","status":"APPROVED","amount":{"amount":"17.99"},
         "regularPaymentDetails":{"paymentMethod":"CreditCard"}}]}
    ]})");
    const auto parts = paymentMethodsByOrder(answer)["a"].parts;
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0].method, "CreditCard");
    EXPECT_EQ(parts[0].amount.units, 1799);
    EXPECT_EQ(parts[1].method, "GiftCard");
    EXPECT_EQ(parts[1].amount.units, 500) << "\"5\" in cents";
    EXPECT_EQ(parts[1].amount.scale, 2);
}

TEST(PaymentMethods, ToleratesMissingPieces) {
    EXPECT_TRUE(paymentMethodsByOrder("{}").empty());
    EXPECT_TRUE(paymentMethodsByOrder(R"({"orderTransactions":[{"payments":[]},{"orderId":"x"}]})").empty());
    EXPECT_TRUE(paymentMethodsByOrder(R"({"orderTransactions":{"orderId":"x"}})").empty());
    EXPECT_TRUE(paymentMethodsByOrder(R"({"orderTransactions":[5,"a",null,{"orderId":"x","payments":[7]}]})")
                    .empty());
}

TEST(RequestPacer, BackOffDoublesWithinJitterAndCap) {
    estore::wix::CallPolicy policy;
    policy.retryBaseMs = 100;
    policy.retryMaxMs = 1000;
    estore::wix::RequestPacer pacer(policy);
    for (int i = 0; i < 50; ++i) {
        EXPECT_GE(pacer.backOffDelay(1).count(), 50);
        EXPECT_LE(pacer.backOffDelay(1).count(), 150);
        EXPECT_GE(pacer.backOffDelay(3).count(), 200);
        EXPECT_LE(pacer.backOffDelay(3).count(), 600);
        EXPECT_LE(pacer.backOffDelay(30).count(), 1500);
    }
}

TEST(RequestPacer, KeepsTheBudgetAfterTheBurst) {
    estore::wix::CallPolicy policy;
    policy.requestsPerMinute = 6000;  // one every 10 ms
    policy.burst = 5;
    estore::wix::RequestPacer pacer(policy);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 15; ++i) pacer.acquire();  // 5 at once, then 10 paced
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_GE(elapsed, std::chrono::milliseconds(90));
}
