#include "estore/host/services/db_sales_orders.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <sstream>
#include <tuple>

#include "estore/host/core/error_text.h"
#include "estore/host/fiscal/fiscal_signer.h"
#include "estore/host/invoicing/auto_invoicer.h"
#include "estore/host/services/db_scheduler.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"
#include "estore/sdk/amount.h"
#include "estore/sdk/sales_order_json.h"

using namespace Poco::Data::Keywords;
using estore::host_api::UpsertResult;
using Poco::Int64;

namespace estore::host {

struct DbSalesOrders::Row {
    std::string externalId;
    std::string number;
    Int64 updatedAtMillis = 0;
    std::string status;
    std::string paymentStatus;
    std::string totalGross;
    std::string currency;
    Int64 flagged = 0;
    std::string document;
};

DbSalesOrders::Row DbSalesOrders::rowOf(const host_api::SalesOrder& order) {
    Row row;
    row.externalId = order.externalId;
    row.number = order.number;
    row.updatedAtMillis = order.updatedAtMillis;
    row.status = order.status;
    row.paymentStatus = order.paymentStatus;
    row.totalGross = sdk::toDecimal(order.totalGross).toString(order.totalGross.scale);
    row.currency = order.currency;
    row.flagged = order.flags.empty() ? 0 : 1;
    std::ostringstream document;
    sdk::salesOrderToJson(order)->stringify(document);
    row.document = document.str();
    return row;
}

host_api::Outcome DbSalesOrders::upsert(const std::string& storeId, const host_api::SalesOrder& order,
                                        UpsertResult& result) {
    return upsertPage(storeId, &order, 1, &result);
}

host_api::Outcome DbSalesOrders::upsertPage(const std::string& storeId, const host_api::SalesOrder* orders,
                                            std::size_t count, UpsertResult* results) {
    std::size_t current = 0;  // the order being stored, for the message when it fails
    if (count > 0 && (orders == nullptr || results == nullptr))
        return host_api::Outcome::failure(host_api::ErrorCategory::Permanent, "host.sales_order.no_page",
                                          {"Stran naročil brez naročil ali prostora za rezultate.",
                                           "A page of orders without the orders or room for the results."},
                                          "count=" + std::to_string(count));
    try {
        std::vector<Row> rows;
        rows.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (orders[i].externalId.empty())
                return host_api::Outcome::failure(host_api::ErrorCategory::Permanent,
                                                  "host.sales_order.no_id",
                                                  {"Naročila brez oznake trgovine ni mogoče shraniti.",
                                                   "An order without the shop's id cannot be stored."},
                                                  "number=" + orders[i].number);
            rows.push_back(rowOf(orders[i]));
        }
        return storePage(storeId, orders, rows, results, current);
    } catch (const std::exception& e) {
        return hostFailure(current < count ? "sales order " + orders[current].number : "sales orders", e);
    }
}

host_api::Outcome DbSalesOrders::storePage(const std::string& storeId, const host_api::SalesOrder* orders,
                                           const std::vector<Row>& rows, UpsertResult* results,
                                           std::size_t& current) {
    // One transaction for the page: one commit (SQLite's fsync, PostgreSQL's WAL flush) instead of one per
    // order, and all or nothing, so the plugin's cursor never passes a half-stored page.
    // Locks are taken in one order by every writer, so that concurrent pages and webhook fetches wait for
    // each other instead of deadlocking: the orders' rows by their id first, then the invoicing (which takes
    // the company's invoice number row, one row every invoicing writer needs) after all of them. Invoicing
    // while storing would hold the number row while waiting for an order row another writer holds, while
    // that writer waits for the number row (PostgreSQL 40P01, seen with three workers).
    const std::vector<std::size_t> byId = orderById(rows);
    constexpr int kAttempts = 3;
    const bool joined = _db.inTransaction();
    for (int attempt = 1;; ++attempt) {
        try {
            Transaction tx(_db);
            for (const std::size_t i : byId) {
                current = i;
                results[i] = store(storeId, rows[i]);
            }
            // The store's order count, one row per store taken after the orders' rows and before invoicing.
            addToCount(storeId, std::count(results, results + rows.size(), UpsertResult::Created));
            // Invoiced in the page's order (the shop's), so invoice numbers follow the orders they bill.
            for (current = 0; current < rows.size(); ++current)
                if (_invoicer && results[current] != UpsertResult::Unchanged)
                    _invoicer->orderStored(storeId, orders[current]);
            tx.commit();
            // After the commit and outside the retries: what follows (FURS, e-mail) never stores the
            // orders again, and its own failures are the invoicer's to record.
            if (_invoicer && !joined) _invoicer->committed();
            return host_api::Outcome::success();
        } catch (const FiscalConfigError& e) {
            if (_invoicer) _invoicer->rolledBack();
            const std::string& number = orders[current].number;
            return host_api::Outcome::failure(
                host_api::ErrorCategory::Config, "host.invoice.fiscal_config",
                {"Naročila " + number + " ni mogoče fakturirati: " + e.message().sl,
                 "Order " + number + " cannot be invoiced: " + e.message().en},
                "config key " + e.configKey());
        } catch (const std::exception&) {
            if (_invoicer) _invoicer->rolledBack();
            // A concurrent first insert (PostgreSQL aborts the transaction on the unique key): once more
            // from the start, which then finds the other writer's rows.
            if (joined || attempt == kAttempts) throw;
        }
    }
}

std::vector<std::size_t> DbSalesOrders::orderById(const std::vector<Row>& rows) {
    std::vector<std::size_t> positions(rows.size());
    for (std::size_t i = 0; i < positions.size(); ++i) positions[i] = i;
    std::stable_sort(positions.begin(), positions.end(),
                     [&](std::size_t a, std::size_t b) { return rows[a].externalId < rows[b].externalId; });
    return positions;
}

UpsertResult DbSalesOrders::store(const std::string& storeId, const Row& row) {
    // Most calls of a repeated import find the order unchanged: try the cheap paths first.
    if (updateIfNewer(storeId, row)) return UpsertResult::Updated;
    if (exists(storeId, row.externalId)) return UpsertResult::Unchanged;
    try {
        if (insertIfAbsent(storeId, row)) return UpsertResult::Created;
    } catch (const std::exception&) {
        // Another connection inserted it between our check and our insert (the unique key said no).
        // Not that? Then it is a real failure.
        if (!exists(storeId, row.externalId)) throw;
    }
    // Somebody else created it first: theirs stands unless ours is newer.
    return updateIfNewer(storeId, row) ? UpsertResult::Updated : UpsertResult::Unchanged;
}

bool DbSalesOrders::updateIfNewer(const std::string& storeId, const Row& row) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "UPDATE sales_orders SET number = ?, updated_at_millis = ?, status = ?, payment_status = ?, "
        "total_gross = ?, currency = ?, flagged = ?, document = ?, updated_at = ? "
        "WHERE store_id = ? AND external_id = ? AND updated_at_millis < ?"),
        bind(row.number), bind(row.updatedAtMillis), bind(row.status), bind(row.paymentStatus),
        bind(row.totalGross), bind(row.currency), bind(row.flagged), bind(row.document),
        bind(Int64(Database::nowMillis())), bind(storeId), bind(row.externalId), bind(row.updatedAtMillis);
    return statement.execute() > 0;
}

bool DbSalesOrders::insertIfAbsent(const std::string& storeId, const Row& row) {
    const Int64 now = Database::nowMillis();
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "INSERT INTO sales_orders (store_id, external_id, number, updated_at_millis, status, "
        "payment_status, total_gross, currency, flagged, document, created_at, updated_at) "
        "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM sales_orders WHERE store_id = ? AND external_id = ?)"),
        bind(storeId), bind(row.externalId), bind(row.number), bind(row.updatedAtMillis), bind(row.status),
        bind(row.paymentStatus), bind(row.totalGross), bind(row.currency), bind(row.flagged),
        bind(row.document), bind(now), bind(now), bind(storeId), bind(row.externalId);
    return statement.execute() > 0;
}

bool DbSalesOrders::exists(const std::string& storeId, const std::string& externalId) {
    Int64 count = 0;
    _db.session() << _db.sql("SELECT COUNT(*) FROM sales_orders WHERE store_id = ? AND external_id = ?"),
        bind(storeId), bind(externalId), into(count), now;
    return count > 0;
}

std::int64_t DbSalesOrders::count(const std::string& storeId) {
    Int64 count = 0;
    _db.session() << _db.sql("SELECT orders FROM store_order_counts WHERE store_id = ?"), bind(storeId),
        into(count), now;
    return count;
}

void DbSalesOrders::addToCount(const std::string& storeId, std::int64_t created) {
    if (created <= 0) return;
    // One statement either way (SQLite 3.24+ and PostgreSQL 9.5+ both take ON CONFLICT … excluded).
    _db.session() << _db.sql(
        "INSERT INTO store_order_counts (store_id, orders) VALUES (?, ?) ON CONFLICT (store_id) "
        "DO UPDATE SET orders = store_order_counts.orders + excluded.orders"),
        bind(storeId), bind(Int64(created)), now;
}

std::vector<SalesOrderRecord> DbSalesOrders::select(const std::string& storeId, const std::string& search,
                                                    const std::string& tail, std::int64_t limit,
                                                    std::int64_t offset) {
    using Tuple = Poco::Tuple<std::string, std::string, Int64, std::string, std::string, std::string,
                              std::string, Int64, std::string, Int64, Int64>;
    std::vector<Tuple> rows;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "SELECT external_id, number, updated_at_millis, status, payment_status, total_gross, "
        "currency, flagged, document, created_at, updated_at FROM sales_orders WHERE store_id = ?" +
        std::string(search.empty() ? "" : " AND number LIKE ?") + tail),
        bind(storeId), into(rows);
    if (!search.empty()) statement, bind("%" + search + "%");
    if (limit > 0) statement, bind(Int64(limit)), bind(Int64(offset));
    statement.execute();
    std::vector<SalesOrderRecord> orders;
    orders.reserve(rows.size());
    for (const auto& r : rows)
        orders.push_back({storeId, r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(), r.get<5>(),
                          r.get<6>(), r.get<7>() != 0, r.get<8>(), r.get<9>(), r.get<10>()});
    return orders;
}

std::vector<SalesOrderRecord> DbSalesOrders::list(const std::string& storeId) {
    auto orders = select(storeId, "", "", 0, 0);
    // Shops number orders upwards as they are placed; shorter numbers first makes "999" precede "1000".
    std::sort(orders.begin(), orders.end(), [](const SalesOrderRecord& a, const SalesOrderRecord& b) {
        return std::make_tuple(a.number.size(), a.number, a.externalId) <
               std::make_tuple(b.number.size(), b.number, b.externalId);
    });
    return orders;
}

std::vector<SalesOrderRecord> DbSalesOrders::page(const std::string& storeId,
                                                  const std::string& numberContains, std::int64_t offset,
                                                  std::int64_t limit) {
    // Newest first, by the shop's numbering (longer numbers are later ones), in the database: a page of a
    // store with 100,000 orders reads its rows only.
    return select(storeId, numberContains,
                  " ORDER BY LENGTH(number) DESC, number DESC, external_id DESC LIMIT ? OFFSET ?", limit,
                  offset);
}

std::int64_t DbSalesOrders::count(const std::string& storeId, const std::string& numberContains) {
    if (numberContains.empty()) return count(storeId);  // an index count, no LIKE over every row
    Int64 n = 0;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("SELECT COUNT(*) FROM sales_orders WHERE store_id = ? AND number LIKE ?"),
        bind(storeId), bind("%" + numberContains + "%"), into(n);
    statement.execute();
    return n;
}

}  // namespace estore::host
