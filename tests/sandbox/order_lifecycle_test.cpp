// Get Order, Order Transactions (list-by-ids) and orders changing over time: pay, cancel, refund, archive,
// fulfil, each moving updatedDate; cursor paging on updatedDate while orders change.

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"

namespace sandbox_test {
namespace {

using wix_sandbox::JsonBody;
using wix_sandbox::Money;
using wix_sandbox::OrderChange;

Poco::JSON::Object::Ptr parse(const std::string& text) {
    return JsonBody::parseObjectStrict(text);
}

long cents(const Poco::JSON::Object::Ptr& holder, const std::string& key) {
    return Money::parseCents(holder->getObject(key)->getValue<std::string>("amount")).value();
}

std::string idsBody(const std::vector<std::string>& ids) {
    std::string body = "{\"orderIds\":[";
    for (std::size_t i = 0; i < ids.size(); ++i) body += (i ? ",\"" : "\"") + ids[i] + "\"";
    return body + "]}";
}

class OrderLifecycleTest : public ::testing::Test {
protected:
    HttpResult wix(const std::string& method, const std::string& path, const std::string& body = "") {
        return harness.client().wix(method, path, body, harness.key(), harness.site().siteId);
    }
    std::string siteId() const { return harness.site().siteId; }
    /// The first generated APPROVED order with this paymentStatus.
    std::string orderWith(const std::string& paymentStatus) {
        const HttpResult result =
            harness.searchOrders(R"({"search":{"filter":{"status":"APPROVED","paymentStatus":")" +
                                 paymentStatus + R"("},"cursorPaging":{"limit":1}}})");
        Poco::JSON::Array::Ptr orders = result.json()->getArray("orders");
        if (!orders || orders->size() == 0) return {};
        return orders->getObject(0)->getValue<std::string>("id");
    }

    SandboxHarness harness;
};

TEST_F(OrderLifecycleTest, GetOrderAnswersTheOrderAndUnknownIdsAre404) {
    const std::string id = harness.sandbox().generateOrders(siteId(), 1).front();
    const HttpResult found = wix("GET", "/ecom/v1/orders/" + id);
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_EQ(found.json()->getObject("order")->getValue<std::string>("id"), id);
    EXPECT_EQ(found.json()->getObject("order")->getValue<std::string>("number"),
              parse(harness.sandbox().orderJson(siteId(), id))->getValue<std::string>("number"));

    const HttpResult missing = wix("GET", "/ecom/v1/orders/0f0f0f0f-0000-4000-8000-00000000dead");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(missing.body,
              R"({"message":"Entity not found","details":{"applicationError":{"code":"NOT_FOUND"}}})");
    EXPECT_EQ(wix("POST", "/ecom/v1/orders/" + id).status, 405);
    EXPECT_EQ(wix("GET", "/ecom/v1/orders/search").status, 405);  // the search route, not an order id
}

TEST_F(OrderLifecycleTest, GetOrderReturnsInitializedOrdersThatSearchHides) {
    const std::string id = harness.sandbox().generateOrders(siteId(), 1, "INITIALIZED").front();
    const HttpResult found = wix("GET", "/ecom/v1/orders/" + id);
    ASSERT_EQ(found.status, 200);
    EXPECT_EQ(found.json()->getObject("order")->getValue<std::string>("status"), "INITIALIZED");
}

TEST_F(OrderLifecycleTest, OrderRoutesNeedReadOrders) {
    const std::string key = harness.addKey({"SCOPE.SITE-PROPERTIES.READ"});
    const std::string id = harness.sandbox().generateOrders(siteId(), 1).front();
    EXPECT_EQ(harness.client().wix("GET", "/ecom/v1/orders/" + id, "", key, siteId()).status, 403);
    EXPECT_EQ(
        harness.client().wix("POST", "/ecom/v1/payments/list-by-ids", idsBody({id}), key, siteId()).status,
        403);
}

TEST_F(OrderLifecycleTest, TransactionsAgreeWithEachOrdersPaymentStatus) {
    const std::vector<std::string> ids = harness.sandbox().generateOrders(siteId(), 300, "MIXED");
    std::set<std::string> seenStatuses;
    for (std::size_t from = 0; from < ids.size(); from += 100) {
        const std::vector<std::string> batch(
            ids.begin() + static_cast<long>(from),
            ids.begin() + static_cast<long>(std::min(from + 100, ids.size())));
        const HttpResult result = wix("POST", "/ecom/v1/payments/list-by-ids", idsBody(batch));
        ASSERT_EQ(result.status, 200) << result.body;
        Poco::JSON::Array::Ptr list = result.json()->getArray("orderTransactions");
        ASSERT_EQ(list->size(), batch.size());
        for (std::size_t i = 0; i < list->size(); ++i) {
            Poco::JSON::Object::Ptr transactions = list->getObject(static_cast<unsigned>(i));
            ASSERT_EQ(transactions->getValue<std::string>("orderId"), batch[i]);
            Poco::JSON::Object::Ptr order = parse(harness.sandbox().orderJson(siteId(), batch[i]));
            const std::string status = order->getValue<std::string>("paymentStatus");
            seenStatuses.insert(status);
            long settled = 0, waiting = 0, refunded = 0;
            Poco::JSON::Array::Ptr payments = transactions->getArray("payments");
            for (std::size_t p = 0; p < payments->size(); ++p) {
                Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(p));
                const std::string state = payment->getValue<std::string>("status");
                if (state == "APPROVED" || state == "REFUNDED" || state == "PARTIALLY_REFUNDED")
                    settled += cents(payment, "amount");
                if (state == "PENDING_MERCHANT") {
                    waiting += cents(payment, "amount");
                    Poco::JSON::Object::Ptr details = payment->getObject("regularPaymentDetails");
                    EXPECT_TRUE(details->getValue<bool>("offlinePayment"));
                    const std::string predefined = details->getObject("paymentMethodName")
                                                       ->getObject("userDefinedName")
                                                       ->getValue<std::string>("predefined");
                    EXPECT_TRUE(predefined == "CASH" || predefined == "BANK_TRANSFER") << predefined;
                }
            }
            Poco::JSON::Array::Ptr refunds = transactions->getArray("refunds");
            for (std::size_t r = 0; r < refunds->size(); ++r)
                refunded += cents(
                    refunds->getObject(static_cast<unsigned>(r))->getArray("transactions")->getObject(0),
                    "amount");
            Poco::JSON::Object::Ptr balance = order->getObject("balanceSummary");
            const long total = cents(order->getObject("priceSummary"), "total");
            EXPECT_EQ(settled, cents(balance, "paid")) << batch[i] << " " << status;
            EXPECT_EQ(refunded, cents(balance, "refunded")) << batch[i] << " " << status;
            if (status == "PAID" || status == "FULLY_REFUNDED") {
                EXPECT_EQ(settled, total) << batch[i];
            }
            if (status == "FULLY_REFUNDED") {
                EXPECT_EQ(refunded, total) << batch[i];
            }
            if (status == "NOT_PAID" || status == "PENDING") {
                EXPECT_EQ(settled, 0) << batch[i];
            }
            if (status == "PARTIALLY_PAID") {
                EXPECT_LT(settled, total) << batch[i];
            }
            if (waiting > 0) {
                EXPECT_EQ(waiting + settled, total) << batch[i];
            }
        }
    }
    EXPECT_GE(seenStatuses.size(), 5u);
}

TEST_F(OrderLifecycleTest, ListByIdsTakesOneToHundredIdsAndLeavesUnknownOnesOut) {
    const std::string id = harness.sandbox().generateOrders(siteId(), 1).front();
    EXPECT_EQ(wix("POST", "/ecom/v1/payments/list-by-ids", "{}").status, 400);
    EXPECT_EQ(wix("POST", "/ecom/v1/payments/list-by-ids", R"({"orderIds":[]})").status, 400);
    EXPECT_EQ(wix("POST", "/ecom/v1/payments/list-by-ids", R"({"orderIds":"x"})").status, 400);
    EXPECT_EQ(wix("POST", "/ecom/v1/payments/list-by-ids", idsBody(std::vector<std::string>(101, id))).status,
              400);
    EXPECT_EQ(wix("POST", "/ecom/v1/payments/list-by-ids", idsBody(std::vector<std::string>(100, id))).status,
              200);
    const HttpResult result =
        wix("POST", "/ecom/v1/payments/list-by-ids", idsBody({"0f0f0f0f-0000-4000-8000-00000000dead", id}));
    ASSERT_EQ(result.status, 200);
    ASSERT_EQ(result.json()->getArray("orderTransactions")->size(), 1u);
    const wix_sandbox::RequestStats stats = harness.sandbox().stats();
    EXPECT_EQ(stats.perRoute.at("POST /ecom/v1/payments/list-by-ids"), 6u);
    wix("GET", "/ecom/v1/orders/" + id);
    EXPECT_EQ(harness.sandbox().stats().perRoute.at("GET /ecom/v1/orders/{id}"), 1u);
}

TEST_F(OrderLifecycleTest, EachChangeMovesUpdatedDateAndTheStatuses) {
    harness.sandbox().generateOrders(siteId(), 60);
    const std::string id = orderWith("NOT_PAID");
    ASSERT_FALSE(id.empty());
    wix_sandbox::Sandbox& sandbox = harness.sandbox();
    std::string previous = parse(sandbox.orderJson(siteId(), id))->getValue<std::string>("updatedDate");
    const auto change = [&](OrderChange what, const std::string& amount = "") {
        Poco::JSON::Object::Ptr order = parse(sandbox.changeOrder(siteId(), id, what, amount));
        const std::string updated = order->getValue<std::string>("updatedDate");
        EXPECT_GT(updated, previous);
        EXPECT_EQ(updated.size(), 24u) << updated;
        previous = updated;
        return order;
    };
    Poco::JSON::Object::Ptr order = change(OrderChange::Pay);
    EXPECT_EQ(order->getValue<std::string>("paymentStatus"), "PAID");
    const long total = cents(order->getObject("priceSummary"), "total");
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "paid"), total);
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "balance"), 0);
    Poco::JSON::Array::Ptr activities = order->getArray("activities");
    EXPECT_EQ(activities->getObject(activities->size() - 1)->getValue<std::string>("type"), "ORDER_PAID");
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Pay), Poco::InvalidArgumentException);

    order = change(OrderChange::Fulfil);
    EXPECT_EQ(order->getValue<std::string>("fulfillmentStatus"), "FULFILLED");

    order = change(OrderChange::Refund, "1.0");
    EXPECT_EQ(order->getValue<std::string>("paymentStatus"), "PARTIALLY_REFUNDED");
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "refunded"), 100);
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Refund, Money::amount(total)),
                 Poco::InvalidArgumentException);
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Refund, "abc"),
                 Poco::InvalidArgumentException);

    order = change(OrderChange::Refund);  // the rest
    EXPECT_EQ(order->getValue<std::string>("paymentStatus"), "FULLY_REFUNDED");
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "refunded"), total);
    Poco::JSON::Object::Ptr line = order->getArray("lineItems")->getObject(0);
    EXPECT_EQ(line->getValue<int>("refundQuantity"), line->getValue<int>("quantity"));
    Poco::JSON::Object::Ptr transactions = parse(sandbox.orderTransactionsJson(siteId(), id));
    EXPECT_EQ(transactions->getArray("refunds")->size(), 2u);
    EXPECT_EQ(transactions->getArray("payments")->getObject(0)->getValue<std::string>("status"), "REFUNDED");

    order = change(OrderChange::Archive);
    EXPECT_TRUE(order->getValue<bool>("archived"));
    order = change(OrderChange::Cancel);
    EXPECT_EQ(order->getValue<std::string>("status"), "CANCELED");
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Cancel), Poco::InvalidArgumentException);
    EXPECT_THROW(sandbox.changeOrder(siteId(), "0f0f0f0f-0000-4000-8000-00000000dead", OrderChange::Pay),
                 Poco::NotFoundException);

    // Search sees the same order as Get Order.
    const HttpResult found = wix("GET", "/ecom/v1/orders/" + id);
    EXPECT_EQ(found.json()->getObject("order")->getValue<std::string>("updatedDate"), previous);
}

TEST_F(OrderLifecycleTest, ChangedOrdersGetUpdatedDatesAfterEveryStoredOne) {
    // An order added with a date in the future: "now" must still come after it, or an updatedDate
    // cursor would miss the change.
    harness.sandbox().addOrder(siteId(), R"({"status":"APPROVED","createdDate":"2030-01-01T00:00:00.000Z",
                                             "updatedDate":"2030-01-01T00:00:00.000Z"})");
    const std::string id = harness.sandbox().placeOrder(siteId());  // not yet fulfilled nor archived
    std::string last;
    for (int i = 0; i < 3; ++i) {
        const std::string updated = parse(harness.sandbox().changeOrder(siteId(), id,
                                                                        i == 0   ? OrderChange::Archive
                                                                        : i == 1 ? OrderChange::Fulfil
                                                                                 : OrderChange::Cancel))
                                        ->getValue<std::string>("updatedDate");
        EXPECT_GT(updated, "2030-01-01T00:00:00.000Z");
        EXPECT_GT(updated, last);  // strictly increasing even within one millisecond
        last = updated;
    }
}

TEST_F(OrderLifecycleTest, PlaceOrderAddsAnApprovedOrderNow) {
    const std::string before =
        harness.sandbox().orderJson(siteId(), harness.sandbox().generateOrders(siteId(), 1)[0]);
    const std::string id = harness.sandbox().placeOrder(siteId());
    Poco::JSON::Object::Ptr order = parse(harness.sandbox().orderJson(siteId(), id));
    EXPECT_EQ(order->getValue<std::string>("status"), "APPROVED");
    const std::string payment = order->getValue<std::string>("paymentStatus");
    EXPECT_TRUE(payment == "PAID" || payment == "NOT_PAID") << payment;
    EXPECT_EQ(order->getValue<std::string>("createdDate"), order->getValue<std::string>("updatedDate"));
    EXPECT_GT(order->getValue<std::string>("createdDate"),
              parse(before)->getValue<std::string>("updatedDate"));
    // Newest first by default.
    const HttpResult first = harness.searchOrders(R"({"search":{"cursorPaging":{"limit":1}}})");
    EXPECT_EQ(first.json()->getArray("orders")->getObject(0)->getValue<std::string>("id"), id);
}

TEST_F(OrderLifecycleTest, ARefundOfChosenItemsListsThemAndTheirValueIsTheDefaultAmount) {
    // As in Wix's dashboard: the merchant ticks items and quantities (and the shipping); their value is
    // what goes back unless they type an amount; the refund's details name them; refundQuantity counts.
    harness.sandbox().generateOrders(siteId(), 60);
    const std::string id = orderWith("PAID");
    ASSERT_FALSE(id.empty());
    wix_sandbox::Sandbox& sandbox = harness.sandbox();
    Poco::JSON::Object::Ptr order = parse(sandbox.orderJson(siteId(), id));
    Poco::JSON::Object::Ptr line = order->getArray("lineItems")->getObject(0);
    const std::string lineId = line->getValue<std::string>("id");
    const long bought = line->getValue<long>("quantity");
    const long lineTotal = cents(line, "totalPriceAfterTax");

    wix_sandbox::RefundRequest one;
    one.items.push_back({lineId, 1});
    order = parse(sandbox.changeOrder(siteId(), id, OrderChange::Refund, one));
    const long oneUnit = (lineTotal * 2 + bought) / (2 * bought);  // half up to the cent
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "refunded"), oneUnit);
    EXPECT_EQ(order->getArray("lineItems")->getObject(0)->getValue<long>("refundQuantity"), 1);
    Poco::JSON::Object::Ptr transactions = parse(sandbox.orderTransactionsJson(siteId(), id));
    Poco::JSON::Object::Ptr refund = transactions->getArray("refunds")->getObject(0);
    Poco::JSON::Object::Ptr details = refund->getObject("details");
    ASSERT_TRUE(details);
    ASSERT_EQ(details->getArray("lineItems")->size(), 1u);
    EXPECT_EQ(details->getArray("lineItems")->getObject(0)->getValue<std::string>("lineItemId"), lineId);
    EXPECT_EQ(details->getArray("lineItems")->getObject(0)->getValue<long>("quantity"), 1);
    EXPECT_FALSE(details->getValue<bool>("shippingIncluded"));

    // No more units than are left; no line the order does not have.
    wix_sandbox::RefundRequest tooMany;
    tooMany.items.push_back({lineId, bought});
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Refund, tooMany),
                 Poco::InvalidArgumentException);
    wix_sandbox::RefundRequest unknown;
    unknown.items.push_back({"00000000-0000-0000-0000-00000000beef", 1});
    EXPECT_THROW(sandbox.changeOrder(siteId(), id, OrderChange::Refund, unknown),
                 Poco::InvalidArgumentException);

    // A custom amount names nothing; the rest then gives back every unit left and the shipping.
    order = parse(sandbox.changeOrder(siteId(), id, OrderChange::Refund, "0.50"));
    transactions = parse(sandbox.orderTransactionsJson(siteId(), id));
    EXPECT_FALSE(transactions->getArray("refunds")->getObject(1)->has("details"));
    order = parse(sandbox.changeOrder(siteId(), id, OrderChange::Refund));
    EXPECT_EQ(order->getValue<std::string>("paymentStatus"), "FULLY_REFUNDED");
    transactions = parse(sandbox.orderTransactionsJson(siteId(), id));
    details = transactions->getArray("refunds")->getObject(2)->getObject("details");
    ASSERT_TRUE(details);
    EXPECT_TRUE(details->getValue<bool>("shippingIncluded"));
    // Every unit not given back before: all of every line, less the one unit of the first.
    long listed = 0, all = 0;
    Poco::JSON::Array::Ptr rest = details->getArray("lineItems");
    for (std::size_t i = 0; i < rest->size(); ++i) listed += rest->getObject(i)->getValue<long>("quantity");
    Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
    for (std::size_t i = 0; i < lines->size(); ++i) {
        all += lines->getObject(i)->getValue<long>("quantity");
        EXPECT_EQ(lines->getObject(i)->getValue<long>("refundQuantity"),
                  lines->getObject(i)->getValue<long>("quantity"));
    }
    EXPECT_EQ(listed, all - 1);
    EXPECT_EQ(order->getArray("lineItems")->getObject(0)->getValue<long>("refundQuantity"), bought);

    // Through the control API, as tests outside the process drive it.
    const std::string other = orderWith("PAID");
    ASSERT_FALSE(other.empty());
    const std::string otherLine = parse(sandbox.orderJson(siteId(), other))
                                      ->getArray("lineItems")
                                      ->getObject(0)
                                      ->getValue<std::string>("id");
    const HttpResult answer =
        harness.client().send("POST", "/_sandbox/orders/" + other + "/refund",
                              R"({"siteId":")" + siteId() + R"(","lineItems":[{"lineItemId":")" + otherLine +
                                  R"(","quantity":1}]})");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.json()->getObject("order")->getValue<std::string>("paymentStatus"),
              "PARTIALLY_REFUNDED");
    EXPECT_EQ(
        harness.client().send("POST", "/_sandbox/orders/" + other + "/refund", R"({"lineItems":[7]})").status,
        400);
}

TEST_F(OrderLifecycleTest, ControlApiChangesAndPlacesOrders) {
    harness.sandbox().generateOrders(siteId(), 60);
    const std::string id = orderWith("PAID");
    ASSERT_FALSE(id.empty());
    const TestClient& client = harness.client();
    HttpResult refund = client.send("POST", "/_sandbox/orders/" + id + "/refund",
                                    R"({"siteId":")" + siteId() + R"(","amount":"2.0"})");
    ASSERT_EQ(refund.status, 200) << refund.body;
    EXPECT_EQ(refund.json()->getObject("order")->getValue<std::string>("paymentStatus"),
              "PARTIALLY_REFUNDED");
    EXPECT_EQ(client.send("POST", "/_sandbox/orders/" + id + "/archive", "{}").status, 200);  // default site
    EXPECT_EQ(client.send("POST", "/_sandbox/orders/" + id + "/archive", "{}").status, 400);  // already
    EXPECT_EQ(client.send("POST", "/_sandbox/orders/" + id + "/explode", "{}").status, 404);
    EXPECT_EQ(client.send("POST", "/_sandbox/orders/0f0f0f0f-0000-4000-8000-00000000dead/pay", "{}").status,
              404);
    EXPECT_EQ(client.send("POST", "/_sandbox/orders/" + id + "/refund", R"({"amount":"-1"})").status, 400);
    const HttpResult placed =
        client.send("POST", "/_sandbox/orders/place", R"({"siteId":")" + siteId() + "\"}");
    ASSERT_EQ(placed.status, 200) << placed.body;
    EXPECT_EQ(placed.json()->getObject("order")->getValue<std::string>("id"),
              placed.json()->getValue<std::string>("orderId"));
}

TEST_F(OrderLifecycleTest, ATipIsOneMoreFeeWhoseCodeWixTipsAnswersForTheOrder) {
    harness.sandbox().generateOrders(siteId(), 80);
    const std::string id = orderWith("NOT_PAID");
    ASSERT_FALSE(id.empty());
    const auto before = parse(harness.sandbox().orderJson(siteId(), id));
    EXPECT_EQ(wix("GET", "/tips/v1/tips/order/" + id).status, 404) << "no tip yet";
    const HttpResult untipped = wix("GET", "/tips/v1/tips/order/" + id);
    EXPECT_NE(untipped.body.find("TIP_NOT_FOUND"), std::string::npos) << untipped.body;

    const HttpResult tipped = harness.client().send("POST", "/_sandbox/orders/" + id + "/tip",
                                                    R"({"siteId":")" + siteId() + R"(","amount":"3.50"})");
    ASSERT_EQ(tipped.status, 200) << tipped.body;
    const auto order = tipped.json()->getObject("order");
    const auto summary = order->getObject("priceSummary");
    EXPECT_EQ(cents(summary, "total"), cents(before->getObject("priceSummary"), "total") + 350);
    EXPECT_EQ(cents(order->getObject("balanceSummary"), "balance"),
              cents(before->getObject("balanceSummary"), "balance") + 350);
    EXPECT_GT(order->getValue<std::string>("updatedDate"), before->getValue<std::string>("updatedDate"));
    Poco::JSON::Array::Ptr fees = order->getArray("additionalFees");
    ASSERT_TRUE(fees && fees->size() > 0);
    const auto fee = fees->getObject(static_cast<unsigned>(fees->size() - 1));
    EXPECT_EQ(cents(fee, "price"), 350);
    EXPECT_FALSE(fee->has("providerAppId")) << "nothing on the fee says tip";

    const HttpResult tip = wix("GET", "/tips/v1/tips/order/" + id);
    ASSERT_EQ(tip.status, 200) << tip.body;
    EXPECT_EQ(tip.json()->getObject("tip")->getValue<std::string>("id"), fee->getValue<std::string>("code"));
    EXPECT_EQ(cents(tip.json()->getObject("tip"), "amount"), 350);

    // The tip stays through later changes; a second tip, or a tip on a paid order, is refused.
    harness.sandbox().changeOrder(siteId(), id, OrderChange::Pay);
    EXPECT_EQ(wix("GET", "/tips/v1/tips/order/" + id).status, 200);
    EXPECT_EQ(cents(parse(harness.sandbox().orderJson(siteId(), id))->getObject("balanceSummary"), "paid"),
              cents(summary, "total"));
    EXPECT_THROW(harness.sandbox().tipOrder(siteId(), id, "1.00"), Poco::InvalidArgumentException);
    const std::string paid = orderWith("PAID");
    EXPECT_THROW(harness.sandbox().tipOrder(siteId(), paid, "1.00"), Poco::InvalidArgumentException);
    EXPECT_EQ(harness.client().send("POST", "/_sandbox/orders/" + paid + "/tip", "{}").status, 400);

    // Wix Tips' own permission; a key without it is refused, Wix Stores or not.
    const std::string key = harness.addKey({"SCOPE.DC-STORES.READ-ORDERS"});
    EXPECT_EQ(harness.client().wix("GET", "/tips/v1/tips/order/" + id, "", key, siteId()).status, 403);
}

TEST_F(OrderLifecycleTest, GeneratedFeesNameTheAppThatAddedThem) {
    const std::vector<std::string> ids = harness.sandbox().generateOrders(siteId(), 300, "MIXED");
    std::size_t fees = 0;
    for (const auto& id : ids) {
        Poco::JSON::Array::Ptr list =
            parse(harness.sandbox().orderJson(siteId(), id))->getArray("additionalFees");
        for (std::size_t i = 0; list && i < list->size(); ++i, ++fees)
            EXPECT_FALSE(
                list->getObject(static_cast<unsigned>(i))->getValue<std::string>("providerAppId").empty());
    }
    EXPECT_GT(fees, 0u);
}

TEST_F(OrderLifecycleTest, PagingByUpdatedDateWhileOrdersChangeMissesNone) {
    const std::vector<std::string> ids = harness.sandbox().generateOrders(siteId(), 600, "MIXED");
    std::set<std::string> expected;
    for (const std::string& id : ids) expected.insert(id);
    std::atomic<bool> paging{true};
    std::atomic<int> changes{0};
    std::thread changer([&] {
        // Archive orders all over the shop, from the end backwards, while the pages are read.
        for (std::size_t i = ids.size(); i-- > 0 && paging;) {
            if (i % 7 != 0) continue;
            try {
                harness.sandbox().changeOrder(siteId(), ids[i], OrderChange::Archive);
                ++changes;
            } catch (const Poco::Exception&) {  // INITIALIZED or already archived
            }
            std::this_thread::sleep_for(std::chrono::microseconds(300));
        }
    });
    std::set<std::string> seen;
    std::string body =
        R"({"search":{"sort":[{"fieldName":"updatedDate","order":"ASC"}],"cursorPaging":{"limit":25}}})";
    std::string lastUpdated;
    for (int page = 0; page < 200; ++page) {
        const HttpResult result = harness.searchOrders(body);
        ASSERT_EQ(result.status, 200) << result.body;
        Poco::JSON::Array::Ptr orders = result.json()->getArray("orders");
        for (std::size_t i = 0; i < orders->size(); ++i) {
            Poco::JSON::Object::Ptr order = orders->getObject(static_cast<unsigned>(i));
            const std::string updated = order->getValue<std::string>("updatedDate");
            EXPECT_GE(updated, lastUpdated);  // one run never goes back in time
            lastUpdated = updated;
            seen.insert(order->getValue<std::string>("id"));
        }
        Poco::JSON::Object::Ptr metadata = result.json()->getObject("metadata");
        if (!metadata->getValue<bool>("hasNext")) break;
        body = R"({"search":{"cursorPaging":{"limit":25,"cursor":")" +
               metadata->getObject("cursors")->getValue<std::string>("next") + "\"}}}";
    }
    paging = false;
    changer.join();
    EXPECT_GT(changes.load(), 0);
    // Unchanged orders keep their place; changed ones move behind the cursor's end and are met there.
    for (const std::string& id : expected) {
        const std::string status =
            parse(harness.sandbox().orderJson(siteId(), id))->getValue<std::string>("status");
        if (status != "INITIALIZED") {
            EXPECT_TRUE(seen.count(id)) << id;
        }
    }
}

}  // namespace
}  // namespace sandbox_test
