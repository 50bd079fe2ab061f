// orders.import at scale, as processes: wix-sandbox with 20,000 orders, estore-host importing them, killed
// (SIGKILL) in the middle and started again. Afterwards: exactly one document per order, every document
// equal to what the mapping makes of the order Wix holds now, and an uninterrupted import needing at most
// N ÷ 100 + 1 searches.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include "e2e_fixture.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/sdk/json_access.h"
#include "estore/sdk/sales_order_json.h"
#include "orders/order_mapper.h"
#include "settings/payment_methods.h"

using namespace std::chrono_literals;
using Poco::JSON::Object;

namespace {

constexpr int kOrders = 20000;

class ImportE2E : public estore::test::HostE2E {
protected:
    void SetUp() override {
        HostE2E::SetUp();
        if (IsSkipped()) return;
        startSandbox({"--rate-limit", "0"});
        // Unpaced (the sandbox's limit is off), and retries as in production.
        writeConfig(_sandbox->baseUrl(), {"wix.requests_per_minute = 0", "wix.retry_attempts = 5",
                                          "wix.retry_base_ms = 20", "host.lease_seconds = 5"});
        _sandbox->post("/_sandbox/orders", R"({"siteId":")" + _identity.siteId + R"(","generate":)" +
                                               std::to_string(kOrders) + R"(,"status":"MIXED"})");
        auto added = addStore(_identity.apiKey, dashboardUrl(_identity.siteId), true);
        ASSERT_EQ(added.exitCode, 0) << added.describe();
        _storeId = json(added)->getObject("store")->getValue<std::string>("id");
        const auto sync = host({"configure", _storeId, "--set", "import_since=2020-01-01"});
        ASSERT_EQ(sync.exitCode, 0) << sync.describe();
    }

    /// Search Orders requests the sandbox has answered (GET /_sandbox/stats: {"routes":{"POST …": n}}).
    std::uint64_t searches() {
        auto stats = estore::sdk::parseJsonObject(_sandbox->get("/_sandbox/stats")).object;
        auto routes = stats ? stats->getObject("routes") : nullptr;
        if (!routes) throw std::runtime_error("the sandbox's stats have no routes object");
        return routes->has("POST /ecom/v1/orders/search")
                   ? routes->getValue<std::uint64_t>("POST /ecom/v1/orders/search")
                   : 0;
    }

    /// The host's database, opened once the host has made it (SQLite file or PostgreSQL), for reading.
    estore::host::Database& database() {
        if (!_database) _database = std::make_unique<estore::host::Database>(_db);
        return *_database;
    }

    /// Rows and distinct Wix ids in the host's sales orders, read straight from its database.
    std::pair<std::size_t, std::size_t> storedCounts() {
        Poco::Int64 rows = 0, distinct = 0;
        database().session() << "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM sales_orders",
            Poco::Data::Keywords::into(rows), Poco::Data::Keywords::into(distinct), Poco::Data::Keywords::now;
        return {static_cast<std::size_t>(rows), static_cast<std::size_t>(distinct)};
    }

    std::map<std::string, std::string> storedDocuments() {
        std::vector<std::string> ids, documents;
        database().session() << "SELECT external_id, document FROM sales_orders",
            Poco::Data::Keywords::into(ids), Poco::Data::Keywords::into(documents), Poco::Data::Keywords::now;
        std::map<std::string, std::string> out;
        for (std::size_t i = 0; i < ids.size(); ++i) out[ids[i]] = documents[i];
        return out;
    }

    /// Every order Wix returns now (APPROVED and CANCELED, as the store's rule asks), mapped in-process
    /// with the store's own payment-method and status maps, as the import does.
    std::map<std::string, std::string> expectedDocuments() {
        std::map<std::string, std::string> out;
        estore::wix::OrderMapper mapper;
        const auto store = estore::host::StoreRepository(database()).find(_storeId);
        EXPECT_TRUE(store.has_value());
        const estore::host_api::Settings settings = store ? store->settings : estore::host_api::Settings{};
        std::string body =
            R"({"search":{"filter":{"status":{"$in":["APPROVED","CANCELED"]}},"cursorPaging":{"limit":100}}})";
        for (;;) {
            auto page = wix("POST", "/ecom/v1/orders/search", body);
            auto orders = page->getArray("orders");
            if (orders->size() == 0) break;
            Poco::JSON::Array ids;
            for (std::size_t i = 0; i < orders->size(); ++i)
                ids.add(orders->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
            std::ostringstream idsJson;
            ids.stringify(idsJson);
            std::ostringstream transactions;
            wix("POST", "/ecom/v1/payments/list-by-ids", R"({"orderIds":)" + idsJson.str() + "}")
                ->stringify(transactions);
            estore::sdk::JsonDocument transactionsDocument;
            std::string why;
            EXPECT_TRUE(transactionsDocument.parse(transactions.str(), why)) << why;
            const auto methods = estore::wix::paymentMethodsByOrder(transactionsDocument.root());
            for (std::size_t i = 0; i < orders->size(); ++i) {
                auto order = orders->getObject(static_cast<unsigned>(i));
                auto method = methods.find(order->getValue<std::string>("id"));
                const auto payments = method == methods.end() ? estore::wix::OrderPayments{} : method->second;
                std::ostringstream orderText;
                order->stringify(orderText);
                auto mapped = mapper.map(std::string_view(orderText.str()), payments.main);
                EXPECT_TRUE(mapped.order.has_value());
                if (!mapped.order) continue;
                estore::wix::applyPayments(*mapped.order, settings, payments);
                std::ostringstream text;
                estore::sdk::salesOrderToJson(*mapped.order)->stringify(text);
                out[mapped.order->externalId] = text.str();
            }
            auto next = estore::sdk::stringAt(page, "metadata.cursors.next");
            if (!next) break;
            body = R"({"search":{"cursorPaging":{"limit":100,"cursor":")" + *next + R"("}}})";
        }
        return out;
    }

    Object::Ptr wix(const std::string& method, const std::string& path, const std::string& body) {
        Poco::Net::HTTPClientSession session("127.0.0.1", _sandbox->port());
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.set("Authorization", _identity.apiKey);
        request.set("wix-site-id", _identity.siteId);
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
        session.sendRequest(request) << body;
        Poco::Net::HTTPResponse response;
        std::string text;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), text);
        EXPECT_EQ(response.getStatus(), Poco::Net::HTTPResponse::HTTP_OK) << text.substr(0, 300);
        return estore::sdk::parseJsonObject(text).object;
    }

    void expectEveryDocumentCorrect() {
        const auto stored = storedDocuments();
        const auto expected = expectedDocuments();
        ASSERT_EQ(stored.size(), expected.size());
        std::size_t wrong = 0;
        for (const auto& [id, document] : expected) {
            auto it = stored.find(id);
            if (it == stored.end() || estore::sdk::parseJsonObject(it->second).object.isNull()) {
                ++wrong;
                continue;
            }
            // Compare as parsed JSON so key order or spacing cannot matter.
            std::ostringstream a, b;
            estore::sdk::parseJsonObject(it->second).object->stringify(a);
            estore::sdk::parseJsonObject(document).object->stringify(b);
            if (a.str() != b.str() && ++wrong <= 3)
                ADD_FAILURE() << id << "\nstored:   " << a.str() << "\nexpected: " << b.str();
        }
        EXPECT_EQ(wrong, 0u);
    }

    std::string _storeId;
    std::unique_ptr<estore::host::Database> _database;
};

}  // namespace

TEST_F(ImportE2E, AnUninterruptedImportNeedsAtMostNOver100PlusOneSearches) {
    const std::uint64_t before = searches();
    auto sync = host({"sync", _storeId, "orders.import"});
    ASSERT_EQ(sync.exitCode, 0) << sync.describe();
    const auto [rows, distinct] = storedCounts();
    EXPECT_GT(searches() - before, static_cast<std::uint64_t>(rows) / 100) << "the count itself must be real";
    EXPECT_EQ(rows, distinct);
    EXPECT_GT(rows,
              static_cast<std::size_t>(kOrders) * 8 / 10);  // INITIALIZED and other statuses are not imported
    EXPECT_LE(searches() - before, static_cast<std::uint64_t>(rows) / 100 + 1);
    std::cout << "imported " << rows << " orders with " << searches() - before << " searches\n";
    expectEveryDocumentCorrect();
}

TEST_F(ImportE2E, KilledInTheMiddleAndStartedAgainEveryOrderIsStoredOnceAndCorrectly) {
    std::vector<std::string> args = {"--db",  _db,    "--plugins", ESTORE_PLUGIN_DIR, "--config",
                                     _config, "sync", _storeId,    "orders.import"};
    Poco::Pipe out;
    Poco::ProcessHandle first =
        Poco::Process::launch(ESTORE_HOST_EXE, args, _dir.path().string(), nullptr, &out, &out);
    // Kill it once a good part of the orders is in, well before the end.
    const auto deadline = std::chrono::steady_clock::now() + 120s;
    std::size_t storedBeforeKill = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(50ms);
        storedBeforeKill = storedCounts().first;
        if (storedBeforeKill >= 4000) break;
    }
    Poco::Process::kill(first);  // SIGKILL: no chance to clean up
    first.wait();
    ASSERT_GE(storedBeforeKill, 4000u) << "the import did not get far enough to be killed in the middle";
    ASSERT_LT(storedCounts().first, static_cast<std::size_t>(kOrders) * 8 / 10) << "killed too late";
    std::cout << "killed with " << storedCounts().first << " orders stored\n";

    // The killed run still holds its lease; a new sync waits for it or (with --force) takes over once it
    // expires.
    auto again = host({"sync", _storeId, "orders.import", "--force"});
    for (int i = 0; i < 10 && again.exitCode != 0; ++i) {
        std::this_thread::sleep_for(2s);
        again = host({"sync", _storeId, "orders.import", "--force"});
    }
    ASSERT_EQ(again.exitCode, 0) << again.describe();
    const auto [rows, distinct] = storedCounts();
    EXPECT_EQ(rows, distinct) << "one document per order";
    std::cout << "after the restart: " << rows << " documents for " << distinct << " orders\n";
    expectEveryDocumentCorrect();
}
