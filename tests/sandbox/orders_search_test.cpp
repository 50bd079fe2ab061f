// Search Orders (reference §9.1): defaults, limits, cursor rules, paging, filters and sorts.

#include <algorithm>
#include <set>

#include <Poco/JSON/Array.h>
#include <gtest/gtest.h>

#include "test_client.h"

namespace sandbox_test {
namespace {

std::vector<Poco::JSON::Object::Ptr> ordersOf(const HttpResult& result) {
    std::vector<Poco::JSON::Object::Ptr> orders;
    Poco::JSON::Array::Ptr array = result.json()->getArray("orders");
    for (std::size_t i = 0; array && i < array->size(); ++i) orders.push_back(array->getObject(i));
    return orders;
}

std::string nextCursor(const HttpResult& result) {
    Poco::JSON::Object::Ptr cursors = result.json()->getObject("metadata")->getObject("cursors");
    return cursors ? cursors->optValue<std::string>("next", "") : "";
}

std::string violatedRule(const HttpResult& result) {
    return result.json()
        ->getObject("details")
        ->getObject("validationError")
        ->getArray("fieldViolations")
        ->getObject(0)
        ->getValue<std::string>("violatedRule");
}

class OrdersSearchTest : public ::testing::Test {
protected:
    SandboxHarness harness;
};

TEST_F(OrdersSearchTest, DefaultSearchReturnsApprovedOrdersNewestFirst) {
    ASSERT_EQ(harness.sandbox().orderCount(harness.site().siteId), 4u);  // 3 APPROVED + 1 INITIALIZED
    HttpResult result = harness.searchOrders("{}");
    ASSERT_EQ(result.status, 200) << result.body;
    std::vector<Poco::JSON::Object::Ptr> orders = ordersOf(result);
    ASSERT_EQ(orders.size(), 3u);
    for (std::size_t i = 0; i < orders.size(); ++i) {
        EXPECT_EQ(orders[i]->getValue<std::string>("status"), "APPROVED");
        EXPECT_TRUE(orders[i]->get("number").isString());
        if (i > 0) {
            EXPECT_GT(orders[i - 1]->getValue<std::string>("createdDate"),
                      orders[i]->getValue<std::string>("createdDate"));
        }
    }
    Poco::JSON::Object::Ptr metadata = result.json()->getObject("metadata");
    EXPECT_EQ(metadata->getValue<int>("count"), 3);
    EXPECT_FALSE(metadata->getValue<bool>("hasNext"));
    EXPECT_EQ(nextCursor(result), "");
}

TEST_F(OrdersSearchTest, OrdersHaveTheEcomShape) {
    Poco::JSON::Object::Ptr order = ordersOf(harness.searchOrders("{}")).front();
    for (const char* field :
         {"id", "number", "createdDate", "updatedDate", "status", "paymentStatus", "currency", "priceSummary",
          "buyerInfo", "billingInfo", "lineItems", "taxIncludedInPrices"})
        EXPECT_TRUE(order->has(field)) << field;
    EXPECT_EQ(order->getValue<std::string>("currency"), "EUR");
    const std::string created = order->getValue<std::string>("createdDate");
    EXPECT_EQ(created.size(), 24u) << created;  // 2025-03-03T08:00:00.000Z
    EXPECT_EQ(created.back(), 'Z');
    Poco::JSON::Object::Ptr total = order->getObject("priceSummary")->getObject("total");
    EXPECT_TRUE(total->get("amount").isString());
    EXPECT_EQ(total->getValue<std::string>("formattedAmount").rfind("€", 0), 0u);
    EXPECT_FALSE(order->getObject("buyerInfo")->getValue<std::string>("email").empty());
    EXPECT_GE(order->getArray("lineItems")->size(), 1u);
}

TEST_F(OrdersSearchTest, LimitAbove100Is400) {
    HttpResult result = harness.searchOrders(R"({"search":{"cursorPaging":{"limit":101}}})");
    ASSERT_EQ(result.status, 400);
    EXPECT_EQ(violatedRule(result), "MAX");
    EXPECT_EQ(harness.searchOrders(R"({"search":{"cursorPaging":{"limit":100}}})").status, 200);
}

TEST_F(OrdersSearchTest, LimitBelow1Is400) {
    EXPECT_EQ(harness.searchOrders(R"({"search":{"cursorPaging":{"limit":0}}})").status, 400);
}

TEST_F(OrdersSearchTest, CursorWithFilterOrSortIs400) {
    HttpResult first = harness.searchOrders(R"({"search":{"cursorPaging":{"limit":1}}})");
    const std::string cursor = nextCursor(first);
    ASSERT_FALSE(cursor.empty());
    EXPECT_EQ(harness
                  .searchOrders(
                      R"({"search":{"filter":{"status":"APPROVED"},"cursorPaging":{"limit":1,"cursor":")" +
                      cursor + "\"}}}")
                  .status,
              400);
    EXPECT_EQ(harness
                  .searchOrders(R"({"search":{"sort":[{"fieldName":"number"}],"cursorPaging":{"cursor":")" +
                                cursor + "\"}}}")
                  .status,
              400);
}

TEST_F(OrdersSearchTest, InvalidCursorIs400) {
    EXPECT_EQ(harness.searchOrders(R"({"search":{"cursorPaging":{"cursor":"garbage!"}}})").status, 400);
}

TEST_F(OrdersSearchTest, PagingVisitsEveryOrderOnce) {
    harness.sandbox().generateOrders(harness.site().siteId, 10);  // 13 APPROVED now
    std::set<std::string> seen;
    std::vector<int> pageSizes;
    std::string body = R"({"search":{"cursorPaging":{"limit":5}}})";
    for (int page = 0; page < 10; ++page) {
        HttpResult result = harness.searchOrders(body);
        ASSERT_EQ(result.status, 200) << result.body;
        std::vector<Poco::JSON::Object::Ptr> orders = ordersOf(result);
        pageSizes.push_back(static_cast<int>(orders.size()));
        for (const auto& order : orders) EXPECT_TRUE(seen.insert(order->getValue<std::string>("id")).second);
        const bool hasNext = result.json()->getObject("metadata")->getValue<bool>("hasNext");
        if (!hasNext) {
            EXPECT_EQ(nextCursor(result), "");
            break;
        }
        body = R"({"search":{"cursorPaging":{"limit":5,"cursor":")" + nextCursor(result) + "\"}}}";
    }
    EXPECT_EQ(pageSizes, (std::vector<int>{5, 5, 3}));
    EXPECT_EQ(seen.size(), 13u);
}

TEST_F(OrdersSearchTest, CursorCarriesFilterAndSort) {
    harness.sandbox().generateOrders(harness.site().siteId, 6);
    HttpResult all = harness.searchOrders("{}");
    std::vector<std::string> updated;
    for (const auto& order : ordersOf(all)) updated.push_back(order->getValue<std::string>("updatedDate"));
    std::sort(updated.begin(), updated.end());
    const std::string from = updated[3];  // keeps 6 of the 9

    std::string body =
        R"({"search":{"filter":{"updatedDate":{"$gte":")" + from +
        R"("}},"sort":[{"fieldName":"updatedDate","order":"ASC"}],"cursorPaging":{"limit":4}}})";
    std::vector<std::string> got;
    while (true) {
        HttpResult result = harness.searchOrders(body);
        ASSERT_EQ(result.status, 200) << result.body;
        for (const auto& order : ordersOf(result)) got.push_back(order->getValue<std::string>("updatedDate"));
        if (nextCursor(result).empty()) break;
        body = R"({"search":{"cursorPaging":{"limit":4,"cursor":")" + nextCursor(result) + "\"}}}";
    }
    EXPECT_EQ(got, std::vector<std::string>(updated.begin() + 3, updated.end()));
}

TEST_F(OrdersSearchTest, DateRangeFilters) {
    std::vector<std::string> created;
    for (const auto& order : ordersOf(harness.searchOrders("{}")))
        created.push_back(order->getValue<std::string>("createdDate"));
    ASSERT_EQ(created.size(), 3u);  // newest first
    auto count = [&](const std::string& filter) {
        HttpResult result = harness.searchOrders(R"({"search":{"filter":)" + filter + "}}");
        EXPECT_EQ(result.status, 200) << result.body;
        return ordersOf(result).size();
    };
    EXPECT_EQ(count(R"({"createdDate":{"$gt":")" + created[2] + "\"}}"), 2u);
    EXPECT_EQ(count(R"({"createdDate":{"$gte":")" + created[2] + "\"}}"), 3u);
    EXPECT_EQ(count(R"({"createdDate":{"$lt":")" + created[0] + "\"}}"), 2u);
    EXPECT_EQ(count(R"({"createdDate":{"$lte":")" + created[1] + R"(","$gt":")" + created[2] + "\"}}"), 1u);
    EXPECT_EQ(count(R"({"updatedDate":{"$gte":"2000-01-01T00:00:00Z"}})"), 3u);
    EXPECT_EQ(count(R"({"updatedDate":{"$lt":"2000-01-01T00:00:00.000Z"}})"), 0u);
}

TEST_F(OrdersSearchTest, InitializedOrdersAreNeverReturned) {
    HttpResult result = harness.searchOrders(R"({"search":{"filter":{"status":"INITIALIZED"}}})");
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(ordersOf(result).size(), 0u);
}

TEST_F(OrdersSearchTest, SortAscendingByCreatedDate) {
    HttpResult result =
        harness.searchOrders(R"({"search":{"sort":[{"fieldName":"createdDate","order":"ASC"}]}})");
    std::vector<Poco::JSON::Object::Ptr> orders = ordersOf(result);
    ASSERT_EQ(orders.size(), 3u);
    EXPECT_LT(orders[0]->getValue<std::string>("createdDate"),
              orders[2]->getValue<std::string>("createdDate"));
}

TEST_F(OrdersSearchTest, BadFiltersAre400) {
    EXPECT_EQ(harness.searchOrders(R"({"search":{"filter":{"shoeSize":{"$eq":"42"}}}})").status, 400);
    EXPECT_EQ(harness.searchOrders(R"({"search":{"filter":{"createdDate":{"$gte":"yesterday"}}}})").status,
              400);
    EXPECT_EQ(harness.searchOrders(R"({"search":{"filter":{"status":{"$regex":"A"}}}})").status, 400);
    EXPECT_EQ(harness.searchOrders(R"({"search":{"sort":[{"fieldName":"lineItems"}]}})").status, 400);
}

TEST_F(OrdersSearchTest, OrdersAddedAfterAPageDoNotShiftTheNextPage) {
    HttpResult first = harness.searchOrders(
        R"({"search":{"sort":[{"fieldName":"createdDate","order":"ASC"}],"cursorPaging":{"limit":2}}})");
    std::vector<Poco::JSON::Object::Ptr> page1 = ordersOf(first);
    harness.sandbox().addOrder(
        harness.site().siteId,
        R"({"status":"APPROVED","createdDate":"2020-01-01T00:00:00.000Z","updatedDate":"2020-01-01T00:00:00.000Z"})");
    HttpResult second = harness.searchOrders(R"({"search":{"cursorPaging":{"limit":2,"cursor":")" +
                                             nextCursor(first) + "\"}}}");
    std::vector<Poco::JSON::Object::Ptr> page2 = ordersOf(second);
    ASSERT_EQ(page2.size(), 1u);
    EXPECT_GT(page2[0]->getValue<std::string>("createdDate"), page1[1]->getValue<std::string>("createdDate"));
}

}  // namespace
}  // namespace sandbox_test
