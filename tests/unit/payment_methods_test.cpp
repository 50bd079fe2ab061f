#include <gtest/gtest.h>

#include "client/request_pacer.h"
#include "estore/sdk/amount.h"
#include "orders/order_refunds.h"
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

TEST(OrderRefunds, EachRefundThatWentThroughWithTheLinesShippingAndFeesItGaveBack) {
    const std::string answer(R"({"orderTransactions":[
      {"orderId":"a","payments":[
        {"id":"p1","status":"PARTIALLY_REFUNDED","amount":{"amount":"61.60"},
         "regularPaymentDetails":{"paymentMethod":"CreditCard"}}],
       "refunds":[
        {"id":"r2","createdDate":"2026-03-06T10:00:00.000Z",
         "transactions":[{"paymentId":"p1","amount":{"amount":"5.00"},"refundStatus":"SUCCEEDED"},
                         {"paymentId":"p1","amount":{"amount":"3.00"},"refundStatus":"PENDING"}],
         "details":{"lineItems":[{"lineItemId":"l1","quantity":2}],"shipping":{"amount":{"amount":"2.50"}},
                    "additionalFees":[{"additionalFeeId":"f1","amount":{"amount":"1.0"}}],"reason":"broken"}},
        {"id":"r1","createdDate":"2026-03-05T10:00:00.000Z",
         "transactions":[{"paymentId":"p1","amount":{"amount":"4.35"},"refundStatus":"SUCCEEDED"}],
         "details":{"items":[{"lineItemId":"l2","quantity":1}],"shippingIncluded":true}},
        {"id":"r3","createdDate":"2026-03-07T10:00:00.000Z",
         "transactions":[{"paymentId":"p1","amount":{"amount":"9.00"},"refundStatus":"FAILED"}]},
        {"id":"r4","createdDate":"2026-03-08T10:00:00.000Z",
         "transactions":[{"paymentId":"p1","amount":{"amount":"1.00"},"refundStatus":"SUCCEEDED"}]}]},
      {"orderId":"b","refunds":[
        {"id":"r5","createdDate":"2026-03-05T10:00:00.000Z",
         "transactions":[{"amount":{"amount":"7.00"},"refundStatus":"SUCCEEDED"}],"details":{}}]}
    ]})");
    auto methods = paymentMethodsByOrder(answer);
    const auto& refunds = methods["a"].refunds;
    ASSERT_EQ(refunds.size(), 3u) << "the failed refund gave nothing back";
    // Oldest first; only the money that went through.
    EXPECT_EQ(refunds[0].externalId, "r1");
    EXPECT_EQ(estore::sdk::toDecimal(refunds[0].amount).toString(2), "4.35");
    ASSERT_EQ(refunds[0].lines.size(), 2u);
    EXPECT_EQ(refunds[0].lines[0].lineExternalId, "l2");
    EXPECT_EQ(refunds[0].lines[0].quantity.units, 1);
    EXPECT_EQ(refunds[0].lines[1].lineExternalId, estore::wix::kShippingLineId);
    EXPECT_EQ(refunds[0].lines[1].quantity.units, 1) << "shippingIncluded: all of the shipping";
    EXPECT_EQ(refunds[1].externalId, "r2");
    EXPECT_EQ(estore::sdk::toDecimal(refunds[1].amount).toString(2), "5.00") << "3.00 is still pending";
    ASSERT_EQ(refunds[1].lines.size(), 3u);
    EXPECT_EQ(refunds[1].lines[0].lineExternalId, "l1");
    EXPECT_EQ(refunds[1].lines[0].quantity.units, 2);
    EXPECT_EQ(refunds[1].lines[1].lineExternalId, "shipping");
    EXPECT_EQ(estore::sdk::toDecimal(refunds[1].lines[1].amount).toString(2), "2.50");
    EXPECT_EQ(refunds[1].lines[2].lineExternalId, "f1");
    EXPECT_EQ(estore::sdk::toDecimal(refunds[1].lines[2].amount).toString(2), "1.00");
    EXPECT_EQ(refunds[2].externalId, "r4");
    EXPECT_TRUE(refunds[2].lines.empty()) << "a refund of an amount names no lines";
    // An order whose payments are all refunded still has its refunds.
    ASSERT_EQ(methods["b"].refunds.size(), 1u);
    EXPECT_TRUE(methods["b"].main.empty());
}

TEST(OrderRefunds, APartialRefundWithoutLinesIsFlaggedAWholeOneIsNot) {
    estore::host_api::SalesOrder order;
    order.totalGross = {6160, 2};
    estore::host_api::Refund byLine{"r1", "2026-03-05T10:00:00Z", {3285, 2}, {{"l2", {1, 0}, {}}}};
    estore::host_api::Refund byAmount{"r2", "2026-03-06T10:00:00Z", {1000, 2}, {}};
    estore::host_api::Refund whole{"r3", "2026-03-06T10:00:00Z", {6160, 2}, {}};

    estore::host_api::SalesOrder lines = order;
    estore::wix::applyRefunds(lines, {byLine});
    EXPECT_TRUE(lines.flags.empty());
    EXPECT_EQ(lines.refunds.size(), 1u);

    estore::host_api::SalesOrder amount = order;
    estore::wix::applyRefunds(amount, {byLine, byAmount});
    ASSERT_EQ(amount.flags.size(), 1u);
    EXPECT_EQ(amount.flags[0].code, estore::wix::review::kRefundWithoutLines);
    EXPECT_NE(amount.flags[0].reason.sl.find("razdeli po stopnjah DDV"), std::string::npos);
    EXPECT_NE(amount.flags[0].reason.en.find("in proportion"), std::string::npos);

    estore::host_api::SalesOrder all = order;
    estore::wix::applyRefunds(all, {whole});
    EXPECT_TRUE(all.flags.empty()) << "giving everything back is exact whichever way it is split";

    // Wix's balance says 10.00 went back but lists no refund that went through.
    estore::host_api::SalesOrder unlisted = order;
    unlisted.refundedAmount = {1000, 2};
    estore::wix::applyRefunds(unlisted, {});
    ASSERT_EQ(unlisted.flags.size(), 1u);
    EXPECT_EQ(unlisted.flags[0].code, estore::wix::review::kRefundWithoutLines);
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
