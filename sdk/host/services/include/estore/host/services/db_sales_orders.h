#pragma once
// host_api::SalesOrders over the sales_orders table: e-računi's sales orders, one row per (store, shop
// order id) whatever the number or order of calls. Newer-only replacement is decided by the database in
// one conditional statement, so two workers importing the same order cannot overwrite a newer document
// with an older one.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"

namespace estore::host {

class AutoInvoicer;
class Database;

/// A stored sales order: the columns people list by, and the whole document (salesOrderToJson).
struct SalesOrderRecord {
    std::string storeId;
    std::string externalId;
    std::string number;
    std::int64_t updatedAtMillis = 0;
    std::string status;
    std::string paymentStatus;
    std::string totalGross;  ///< decimal text, e.g. "69.16"
    std::string currency;
    bool flagged = false;
    std::string document;  ///< the stable JSON document, as salesOrderToJson wrote it
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
};

class DbSalesOrders final : public host_api::SalesOrders {
public:
    /// With an invoicer, each stored order and its auto-invoicing share one transaction (see AutoInvoicer).
    explicit DbSalesOrders(Database& db, AutoInvoicer* invoicer = nullptr) : _db(db), _invoicer(invoicer) {}

    /// Never throws: a database failure is a Transient "host.storage_failed", so the plugin stops before
    /// its cursor passes the order and the next run tries again.
    host_api::Outcome upsert(const std::string& storeId, const host_api::SalesOrder& order,
                             host_api::UpsertResult& result) override;
    /// The page in one transaction: every order or none (and each stored order's auto-invoicing with it).
    host_api::Outcome upsertPage(const std::string& storeId, const host_api::SalesOrder* orders,
                                 std::size_t count, host_api::UpsertResult* results) override;

    /// The store's orders in the shop's numbering order (its order numbers grow as orders are placed).
    std::vector<SalesOrderRecord> list(const std::string& storeId);
    /// The store's orders, from a counter kept with every insert (no scan of a store's 100,000 rows).
    std::int64_t count(const std::string& storeId);
    /// A page of the store's orders, newest first, those whose number contains the text (all when empty).
    std::vector<SalesOrderRecord> page(const std::string& storeId, const std::string& numberContains,
                                       std::int64_t offset, std::int64_t limit);
    std::int64_t count(const std::string& storeId, const std::string& numberContains);

private:
    struct Row;
    static Row rowOf(const host_api::SalesOrder& order);
    void addToCount(const std::string& storeId, std::int64_t created);
    /// The store's rows (number containing `search` when not empty), `tail` appended to the SQL; with
    /// limit > 0 the tail binds LIMIT and OFFSET.
    std::vector<SalesOrderRecord> select(const std::string& storeId, const std::string& search,
                                         const std::string& tail, std::int64_t limit, std::int64_t offset);
    /// The positions of `rows` sorted by the order's id: the order every writer locks order rows in.
    static std::vector<std::size_t> orderById(const std::vector<Row>& rows);
    /// Replaces the stored order only when the incoming one is newer; true if it did.
    bool updateIfNewer(const std::string& storeId, const Row& row);
    /// Inserts unless the order is already there; true if it did.
    bool insertIfAbsent(const std::string& storeId, const Row& row);
    bool exists(const std::string& storeId, const std::string& externalId);
    host_api::UpsertResult store(const std::string& storeId, const Row& row);
    /// store() and the invoicer for each order in one transaction, retried when a concurrent writer got in
    /// the way; `current` says which order was being stored when it throws.
    host_api::Outcome storePage(const std::string& storeId, const host_api::SalesOrder* orders,
                                const std::vector<Row>& rows, host_api::UpsertResult* results,
                                std::size_t& current);

    Database& _db;
    AutoInvoicer* _invoicer = nullptr;
};

}  // namespace estore::host
