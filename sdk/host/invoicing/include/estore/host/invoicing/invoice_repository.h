#pragma once
// The invoices table and the per premise-device counters. Numbers are taken with an UPDATE of the
// counter row inside the caller's transaction, the same one that inserts the invoice: a rollback gives
// the number back, so there are no gaps, and the row lock (SQLite: the write lock) makes concurrent
// issuers queue up, so there are no repeats.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "estore/host/invoicing/invoice.h"

namespace estore::host {

class Database;

class InvoiceRepository {
public:
    explicit InvoiceRepository(Database& db) : _db(db) {}

    /// The next sequence number for the premise and device (1 for the first); must run in a transaction.
    std::int64_t takeNumber(const std::string& premise, const std::string& device);
    /// Stores the document; creditKey is 0 for an invoice, the refunded cents after a credit note.
    void insert(const Invoice& invoice, std::int64_t creditKey);
    void setEmailState(const std::string& number, const std::string& state);

    /// The order's documents, in the order they were issued.
    std::vector<Invoice> forOrder(const std::string& storeId, const std::string& orderExternalId);
    std::vector<Invoice> list(const std::string& storeId);
    std::optional<Invoice> find(const std::string& number);
    std::int64_t count(const std::string& storeId);

private:
    std::vector<Invoice> select(const std::string& where, const std::vector<std::string>& values);

    Database& _db;
};

}  // namespace estore::host
