// DbSalesOrders: one row per (store, shop order id) whatever the number and order of the calls; a newer
// update replaces the document, an older or equal one changes nothing; failures are outcomes, not throws.
#include <gtest/gtest.h>

#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

#include <thread>
#include <vector>

#include "estore/host/cli/orders_command.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/db_sales_orders.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/sdk/sales_order_json.h"
#include "test_support.h"

using namespace estore::host;
using namespace estore::host_api;

namespace {

SalesOrder order(const std::string& id, std::int64_t updatedAtMillis,
                 const std::string& status = "APPROVED") {
    SalesOrder o;
    o.externalId = id;
    o.number = "1000" + id.substr(id.size() - 1);
    o.createdAt = "2025-03-03T08:00:00.000Z";
    o.updatedAt = "2025-03-03T08:00:00.000Z";
    o.updatedAtMillis = updatedAtMillis;
    o.currency = "EUR";
    o.status = status;
    o.paymentStatus = "PAID";
    o.buyer.name = "Ana Novak";
    SalesOrderLine line;
    line.sku = "CAJ-01";
    line.name = "Čaj";
    line.quantity = {2, 0};
    line.unitPrice = {1220, 2};
    line.vatRate = {22, 0};
    line.net = {2000, 2};
    line.vat = {440, 2};
    line.gross = {2440, 2};
    o.lines.push_back(line);
    o.vatBreakdown.push_back({{22, 0}, {2000, 2}, {440, 2}, {2440, 2}});
    o.totalNet = {2000, 2};
    o.totalVat = {440, 2};
    o.totalGross = {2440, 2};
    return o;
}

class SalesOrderStore : public ::testing::Test {
protected:
    void SetUp() override {
        ESTORE_REQUIRE_TEST_DATABASE();
        _db = std::make_unique<Database>(_dir.database());
    }

    UpsertResult upsert(const SalesOrder& o, const std::string& store = "wix-1") {
        UpsertResult result = UpsertResult::Unchanged;
        const Outcome outcome = DbSalesOrders(*_db).upsert(store, o, result);
        EXPECT_TRUE(outcome.ok()) << outcome.code << ": " << outcome.detail;
        return result;
    }

    estore::test::TempDir _dir;
    std::unique_ptr<Database> _db;
};

}  // namespace

TEST_F(SalesOrderStore, CreatedThenUpdatedThenUnchanged) {
    EXPECT_EQ(upsert(order("a1", 1000)), UpsertResult::Created);
    EXPECT_EQ(upsert(order("a1", 1000)), UpsertResult::Unchanged) << "a repeat changes nothing";
    EXPECT_EQ(upsert(order("a1", 2000, "CANCELED")), UpsertResult::Updated);
    EXPECT_EQ(upsert(order("a1", 2000, "APPROVED")), UpsertResult::Unchanged) << "same time: the first stays";
    auto rows = DbSalesOrders(*_db).list("wix-1");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].status, "CANCELED");
    EXPECT_EQ(rows[0].updatedAtMillis, 2000);
    EXPECT_EQ(rows[0].totalGross, "24.40");
    EXPECT_EQ(rows[0].currency, "EUR");
    EXPECT_FALSE(rows[0].flagged);
}

TEST_F(SalesOrderStore, AnOlderUpdateNeverReplacesANewerOne) {
    EXPECT_EQ(upsert(order("a1", 5000, "CANCELED")), UpsertResult::Created);
    EXPECT_EQ(upsert(order("a1", 4000, "APPROVED")), UpsertResult::Unchanged);
    EXPECT_EQ(DbSalesOrders(*_db).list("wix-1")[0].status, "CANCELED");
}

TEST_F(SalesOrderStore, TheKeyIsStoreAndShopOrderId) {
    EXPECT_EQ(upsert(order("a1", 1000), "wix-1"), UpsertResult::Created);
    EXPECT_EQ(upsert(order("a1", 1000), "wix-2"), UpsertResult::Created) << "another store's order";
    EXPECT_EQ(upsert(order("a2", 1000), "wix-1"), UpsertResult::Created);
    EXPECT_EQ(DbSalesOrders(*_db).count("wix-1"), 2);
    EXPECT_EQ(DbSalesOrders(*_db).count("wix-2"), 1);
}

TEST_F(SalesOrderStore, TheDocumentIsTheSdkDocumentAndFlagsAreKept) {
    SalesOrder o = order("a1", 1000);
    o.flags.push_back({"vat.unknown_rate", {"Neznana stopnja DDV", "Unknown VAT rate"}});
    upsert(o);
    auto row = DbSalesOrders(*_db).list("wix-1").at(0);
    EXPECT_TRUE(row.flagged);
    std::string error;
    auto back = estore::sdk::salesOrderFromJson(row.document, &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->externalId, "a1");
    ASSERT_EQ(back->lines.size(), 1u);
    EXPECT_EQ(back->lines[0].sku, "CAJ-01");
    ASSERT_EQ(back->flags.size(), 1u);
    EXPECT_EQ(back->flags[0].reason.en, "Unknown VAT rate");
}

TEST_F(SalesOrderStore, ConcurrentUpsertsOfOneOrderEndInOneRowWithTheNewestDocument) {
    constexpr int kThreads = 4;
    constexpr int kVersions = 25;
    std::vector<std::thread> threads;
    std::vector<int> failures(kThreads, 0);
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            Database db(_dir.database());  // a connection per thread, as per worker
            DbSalesOrders orders(db);
            for (int v = 0; v < kVersions; ++v) {
                // Each thread walks the versions in its own order, so older updates arrive late.
                const int version = (t % 2 == 0) ? v : kVersions - 1 - v;
                UpsertResult result;
                if (!orders
                         .upsert("wix-1", order("a1", 1000 + version, "V" + std::to_string(version)), result)
                         .ok())
                    ++failures[t];
            }
        });
    }
    for (auto& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) EXPECT_EQ(failures[t], 0) << "thread " << t;
    auto rows = DbSalesOrders(*_db).list("wix-1");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].updatedAtMillis, 1000 + kVersions - 1);
    EXPECT_EQ(rows[0].status, "V" + std::to_string(kVersions - 1));
    EXPECT_NE(rows[0].document.find("\"V" + std::to_string(kVersions - 1) + "\""), std::string::npos);
}

TEST_F(SalesOrderStore, ADatabaseFailureIsATransientOutcome) {
    _db->execute("DROP TABLE sales_orders");
    UpsertResult result;
    Outcome outcome;
    EXPECT_NO_THROW(outcome = DbSalesOrders(*_db).upsert("wix-1", order("a1", 1000), result));
    EXPECT_EQ(outcome.category, ErrorCategory::Transient);
    EXPECT_EQ(outcome.code, "host.storage_failed");
}

TEST_F(SalesOrderStore, APageIsStoredWholeWithAResultPerOrder) {
    EXPECT_EQ(upsert(order("a1", 1000)), UpsertResult::Created);
    EXPECT_EQ(upsert(order("a2", 5000)), UpsertResult::Created);
    const std::vector<SalesOrder> page = {order("a1", 2000, "CANCELED"), order("a2", 4000, "CANCELED"),
                                          order("a3", 1000)};
    std::vector<UpsertResult> results(page.size(), UpsertResult::Unchanged);
    const Outcome outcome = DbSalesOrders(*_db).upsertPage("wix-1", page.data(), page.size(), results.data());
    ASSERT_TRUE(outcome.ok()) << outcome.detail;
    EXPECT_EQ(results[0], UpsertResult::Updated);
    EXPECT_EQ(results[1], UpsertResult::Unchanged) << "an older update never replaces a newer one";
    EXPECT_EQ(results[2], UpsertResult::Created);
    const auto rows = DbSalesOrders(*_db).list("wix-1");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].status, "CANCELED");
    EXPECT_EQ(rows[1].status, "APPROVED");
}

TEST_F(SalesOrderStore, APageThatFailsHalfwayLeavesNothingOfItStored) {
    // The database refuses the page's second order (a trigger), after the first was written in the same
    // transaction: neither may remain, so the plugin's cursor can repeat the whole page.
    if (_db->dialect() == SqlDialect::SQLite) {
        _db->execute(
            "CREATE TRIGGER refuse_b2 BEFORE INSERT ON sales_orders WHEN NEW.external_id = 'b2' "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END");
    } else {
        _db->execute(
            "CREATE FUNCTION refuse_b2() RETURNS trigger AS $$ BEGIN IF NEW.external_id = 'b2' THEN "
            "RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql");
        _db->execute(
            "CREATE TRIGGER refuse_b2 BEFORE INSERT ON sales_orders FOR EACH ROW EXECUTE FUNCTION "
            "refuse_b2()");
    }
    const std::vector<SalesOrder> page = {order("b1", 1000), order("b2", 1000), order("b3", 1000)};
    std::vector<UpsertResult> results(page.size(), UpsertResult::Unchanged);
    Outcome outcome;
    EXPECT_NO_THROW(outcome =
                        DbSalesOrders(*_db).upsertPage("wix-1", page.data(), page.size(), results.data()));
    EXPECT_EQ(outcome.code, "host.storage_failed");
    EXPECT_EQ(outcome.category, ErrorCategory::Transient);
    EXPECT_NE(outcome.message.en.find("sales order 10002"), std::string::npos) << outcome.message.en;
    EXPECT_EQ(DbSalesOrders(*_db).count("wix-1"), 0) << "b1 was rolled back with the page";
    EXPECT_FALSE(_db->inTransaction());
}

TEST_F(SalesOrderStore, APageWithAnOrderWithoutIdStoresNothing) {
    SalesOrder noId = order("c2", 1000);
    noId.externalId.clear();
    const std::vector<SalesOrder> page = {order("c1", 1000), noId};
    std::vector<UpsertResult> results(page.size(), UpsertResult::Unchanged);
    const Outcome outcome = DbSalesOrders(*_db).upsertPage("wix-1", page.data(), page.size(), results.data());
    EXPECT_EQ(outcome.code, "host.sales_order.no_id");
    EXPECT_EQ(outcome.category, ErrorCategory::Permanent);
    EXPECT_EQ(DbSalesOrders(*_db).count("wix-1"), 0);
}

TEST_F(SalesOrderStore, TheHostHandsThePluginTheService) {
    HostConfig config;
    HostServiceSet host(*_db, config);
    ASSERT_NE(host.services().salesOrders, nullptr);
    ASSERT_NE(host.services().storeStatus, nullptr);
    EXPECT_EQ(host.services().progress, nullptr) << "progress is per run";
}

TEST_F(SalesOrderStore, OrdersJsonHoldsEachDocumentAsTheSdkWroteItWithSnakeCaseKeys) {
    upsert(order("a2", 1000));
    upsert(order("a1", 1000));
    Poco::JSON::Parser parser;
    auto root = parser.parse(OrdersCommand::json("wix-1", DbSalesOrders(*_db).list("wix-1")))
                    .extract<Poco::JSON::Object::Ptr>();
    EXPECT_EQ(root->getValue<std::string>("store_id"), "wix-1");
    auto orders = root->getArray("orders");
    ASSERT_EQ(orders->size(), 2u);
    EXPECT_EQ(orders->getObject(0)->getValue<std::string>("number"), "10001") << "in number order";
    // Key order and values as salesOrderToJson gives them, the keys snake_case as all the CLI prints.
    std::ostringstream expected, actual;
    JsonCodec::snakeCased(estore::sdk::salesOrderToJson(order("a1", 1000)))
        .extract<Poco::JSON::Object::Ptr>()
        ->stringify(expected);
    EXPECT_NE(expected.str().find("\"vat_breakdown\""), std::string::npos) << expected.str();
    Poco::JSON::Parser ordered(new Poco::JSON::ParseHandler(true));
    auto again = ordered.parse(OrdersCommand::json("wix-1", DbSalesOrders(*_db).list("wix-1")))
                     .extract<Poco::JSON::Object::Ptr>();
    again->getArray("orders")->getObject(0)->stringify(actual);
    EXPECT_EQ(actual.str(), expected.str());

    const std::string text = OrdersCommand::text(DbSalesOrders(*_db).list("wix-1"), Language{});
    EXPECT_NE(text.find("10001"), std::string::npos) << text;
    EXPECT_NE(text.find("24.40 EUR"), std::string::npos) << text;
    EXPECT_NE(text.find("APPROVED / PAID"), std::string::npos) << text;
    EXPECT_NE(text.find("Kupec"), std::string::npos) << text;
    EXPECT_NE(text.find("Naročil: 2 (za pregled: 0)"), std::string::npos) << text;
    const std::string english = OrdersCommand::text(DbSalesOrders(*_db).list("wix-1"), Language{true});
    EXPECT_NE(english.find("APPROVED / PAID"), std::string::npos) << english;
    EXPECT_NE(english.find("Buyer"), std::string::npos) << english;
    EXPECT_NE(english.find("Orders: 2 (for review: 0)"), std::string::npos) << english;
    EXPECT_EQ(english.find("Naročil"), std::string::npos) << english;
}

TEST_F(SalesOrderStore, TheCountIsOfCreatedOrdersPerStoreAndAPageIsNewestFirstSearchedByNumber) {
    DbSalesOrders orders(*_db);
    EXPECT_EQ(orders.count("wix-1"), 0);
    for (const char* id : {"a1", "a2", "a3"}) upsert(order(id, 1000));
    upsert(order("a2", 2000, "CANCELED"));  // an update counts nothing
    upsert(order("a1", 1000));              // nor does a repeat
    upsert(order("b9", 1000), "wix-2");
    EXPECT_EQ(orders.count("wix-1"), 3);
    EXPECT_EQ(orders.count("wix-2"), 1);
    EXPECT_EQ(orders.count("wix-1", ""), 3);
    EXPECT_EQ(orders.count("wix-1", "10002"), 1);
    const auto page = orders.page("wix-1", "", 0, 2);
    ASSERT_EQ(page.size(), 2u);
    EXPECT_EQ(page[0].number, "10003");
    EXPECT_EQ(page[1].number, "10002");
    EXPECT_EQ(orders.page("wix-1", "", 2, 2).front().number, "10001");
    EXPECT_EQ(orders.page("wix-1", "0002", 0, 50).size(), 1u);
}

TEST_F(SalesOrderStore, APageWithoutItsOrdersOrResultsIsRefusedNotDereferenced) {
    const SalesOrder one = order("a1", 1000);
    UpsertResult result = UpsertResult::Unchanged;
    const Outcome noResults = DbSalesOrders(*_db).upsertPage("wix-1", &one, 1, nullptr);
    EXPECT_FALSE(noResults.ok());
    EXPECT_EQ(noResults.code, "host.sales_order.no_page");
    EXPECT_FALSE(DbSalesOrders(*_db).upsertPage("wix-1", nullptr, 3, &result).ok());
    EXPECT_TRUE(DbSalesOrders(*_db).upsertPage("wix-1", nullptr, 0, nullptr).ok()) << "an empty page is fine";
    EXPECT_EQ(DbSalesOrders(*_db).count("wix-1"), 0);
}
