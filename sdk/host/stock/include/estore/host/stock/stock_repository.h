#pragma once
// The stock table: e-računi's stock per warehouse and product code, quantities kept as canonical decimal
// text ("12.5") so no quantity is ever a float. e-računi is the master; the stock push only reads it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "estore/sdk/decimal.h"

namespace estore::host {

class Database;

/// One product's stock as it is set: by `estore-host stock set`, or one row of an import.
struct StockEntry {
    std::string productCode;
    sdk::Decimal onHand;
    sdk::Decimal reserved;
};

/// A stored stock level.
struct StockRecord {
    std::string warehouse;
    std::string productCode;
    sdk::Decimal onHand;
    sdk::Decimal reserved;
    std::int64_t updatedAt = 0;  ///< epoch millis of the last change
};

class StockRepository {
public:
    explicit StockRepository(Database& db) : _db(db) {}

    /// Creates or replaces one product's level.
    void set(const std::string& warehouse, const StockEntry& entry);
    /// Creates or replaces every entry's level in one transaction: all of them or, on any failure, none.
    /// Products the entries do not name keep their levels. Returns the number of entries applied.
    /// `progress`, when given, hears the number of entries written so far after each chunk (they count
    /// only once the transaction commits).
    using Progress = std::function<void(std::size_t written)>;
    std::size_t apply(const std::string& warehouse, const std::vector<StockEntry>& entries,
                      const Progress& progress = {});
    /// The warehouse's levels ordered by product code (byte order, the same on every database).
    /// Throws DatabaseError for a row that is not a decimal (somebody edited the table by hand).
    std::vector<StockRecord> list(const std::string& warehouse);

    /// The company's warehouse codes, ordered. Unlike DbCompany it throws when the table cannot be read,
    /// so a broken database is never mistaken for an unknown warehouse.
    std::vector<std::string> warehouseCodes();

private:
    std::size_t applyInChunks(const std::string& warehouse, const std::vector<StockEntry>& entries,
                              const Progress& progress);

    Database& _db;
};

}  // namespace estore::host
