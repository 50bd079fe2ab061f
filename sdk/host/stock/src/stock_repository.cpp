#include "estore/host/stock/stock_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <algorithm>
#include <set>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;
using Poco::Int64;

namespace estore::host {

namespace {

// ON CONFLICT … DO UPDATE is understood alike by SQLite (3.24+) and PostgreSQL.
constexpr const char* kUpsert =
    "INSERT INTO stock (warehouse, product_code, on_hand, reserved, updated_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (warehouse, product_code) DO UPDATE SET on_hand = excluded.on_hand, "
    "reserved = excluded.reserved, updated_at = excluded.updated_at";

sdk::Decimal storedQuantity(const std::string& text, const std::string& warehouse, const std::string& code) {
    auto value = sdk::Decimal::parse(text);
    if (!value)
        throw DatabaseError("The stock of " + code + " in warehouse " + warehouse + " is not a decimal: '" +
                            text + "'");
    return *value;
}

}  // namespace

void StockRepository::set(const std::string& warehouse, const StockEntry& entry) {
    apply(warehouse, {entry});
}

std::size_t StockRepository::apply(const std::string& warehouse, const std::vector<StockEntry>& entries,
                                   const Progress& progress) {
    if (entries.empty()) return 0;  // Poco refuses to bind an empty collection
    if (_db.dialect() == SqlDialect::PostgreSQL) return applyInChunks(warehouse, entries, progress);
    // Column vectors: Poco steps the one prepared statement through them, so 10,000 rows cost one
    // compilation, not 10,000; the chunks only let a person see how far it has got, in one transaction.
    constexpr std::size_t kChunk = 10000;
    const Int64 updatedAt = Database::nowMillis();
    Transaction tx(_db);
    for (std::size_t begin = 0; begin < entries.size(); begin += kChunk) {
        const std::size_t end = std::min(entries.size(), begin + kChunk);
        std::vector<std::string> warehouses(end - begin, warehouse);
        std::vector<std::string> codes;
        std::vector<std::string> onHand;
        std::vector<std::string> reserved;
        std::vector<Int64> updated(end - begin, updatedAt);
        codes.reserve(end - begin);
        onHand.reserve(end - begin);
        reserved.reserve(end - begin);
        for (std::size_t i = begin; i < end; ++i) {
            codes.push_back(entries[i].productCode);
            onHand.push_back(entries[i].onHand.toString());
            reserved.push_back(entries[i].reserved.toString());
        }
        _db.session() << _db.sql(kUpsert), use(warehouses), use(codes), use(onHand), use(reserved),
            use(updated), now;
        if (progress) progress(end);
    }
    tx.commit();
    return entries.size();
}

std::vector<StockRecord> StockRepository::list(const std::string& warehouse) {
    std::vector<Poco::Tuple<std::string, std::string, std::string, Int64>> rows;
    _db.session() << _db.sql(
        "SELECT product_code, on_hand, reserved, updated_at FROM stock WHERE warehouse = ? "
        "ORDER BY product_code"),
        bind(warehouse), into(rows), now;
    std::vector<StockRecord> records;
    records.reserve(rows.size());
    for (const auto& r : rows)
        records.push_back({warehouse, r.get<0>(), storedQuantity(r.get<1>(), warehouse, r.get<0>()),
                           storedQuantity(r.get<2>(), warehouse, r.get<0>()), r.get<3>()});
    // SQLite already orders by bytes; a PostgreSQL collation might not, and the contract promises one
    // order everywhere.
    auto byCode = [](const StockRecord& a, const StockRecord& b) { return a.productCode < b.productCode; };
    if (!std::is_sorted(records.begin(), records.end(), byCode))
        std::sort(records.begin(), records.end(), byCode);
    return records;
}

std::vector<std::string> StockRepository::warehouseCodes() {
    std::vector<std::string> codes;
    _db.session() << "SELECT code FROM warehouses ORDER BY code", into(codes), now;
    return codes;
}

std::size_t StockRepository::applyInChunks(const std::string& warehouse, const std::vector<StockEntry>& entries,
                                           const Progress& progress) {
    // PostgreSQL: multi-row upserts of up to 1,000 rows, each statement executed once. (Poco 1.11's
    // connector frees a result twice when a statement stepped through bound vectors fails on a later
    // row, and one round trip per row would be slow.) A product code repeated in the input starts a new
    // statement, since one upsert may not touch a row twice; the later quantity wins, as row by row.
    constexpr std::size_t kChunk = 1000;
    const Int64 updatedAt = Database::nowMillis();
    Transaction tx(_db);
    std::size_t begin = 0;
    while (begin < entries.size()) {
        std::set<std::string> codes;
        std::size_t end = begin;
        while (end < entries.size() && end - begin < kChunk && codes.insert(entries[end].productCode).second)
            ++end;
        std::string sql = std::string(kUpsert);
        const std::string row = "(?, ?, ?, ?, ?)";
        std::string rows = row;
        for (std::size_t i = begin + 1; i < end; ++i) rows += ", " + row;
        sql.replace(sql.find(row), row.size(), rows);
        Poco::Data::Statement statement(_db.session());
        statement << _db.sql(sql);
        for (std::size_t i = begin; i < end; ++i)
            statement, bind(warehouse), bind(entries[i].productCode), bind(entries[i].onHand.toString()),
                bind(entries[i].reserved.toString()), bind(updatedAt);
        statement.execute();
        begin = end;
        if (progress) progress(end);
    }
    tx.commit();
    return entries.size();
}

}  // namespace estore::host
