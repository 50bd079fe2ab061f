#include "estore/host/services/db_state.h"

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>

#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

std::optional<std::string> DbState::get(const std::string& storeId, const std::string& key) {
    try {
        std::vector<std::string> values;
        _db.session() << _db.sql("SELECT value FROM store_state WHERE store_id = ? AND state_key = ?"),
            bind(storeId), bind(key), into(values), now;
        if (values.empty()) return std::nullopt;
        return values.front();
    } catch (const std::exception& e) {
        std::cerr << "estore-host: state read failed for " << storeId << ": " << errorText(e) << "\n";
        return std::nullopt;
    }
}

bool DbState::compareAndSet(const std::string& storeId, const std::string& key,
                            const std::optional<std::string>& expected, const std::string& value) {
    try {
        return expected ? updateIfEqual(storeId, key, *expected, value) : insertIfAbsent(storeId, key, value);
    } catch (const std::exception& e) {
        // A lost race on the primary key lands here too: someone else set it first, so "not set" is right.
        std::cerr << "estore-host: state write not done for " << storeId << " / " << key << ": "
                  << errorText(e) << "\n";
        return false;
    }
}

bool DbState::insertIfAbsent(const std::string& storeId, const std::string& key, const std::string& value) {
    // One statement, so the check and the write cannot be split by another writer.
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "INSERT INTO store_state (store_id, state_key, value, updated_at) SELECT ?, ?, ?, ? "
        "WHERE NOT EXISTS (SELECT 1 FROM store_state WHERE store_id = ? AND state_key = ?)"),
        bind(storeId), bind(key), bind(value), bind(Poco::Int64(Database::nowMillis())), bind(storeId),
        bind(key);
    return statement.execute() == 1;
}

bool DbState::updateIfEqual(const std::string& storeId, const std::string& key, const std::string& expected,
                            const std::string& value) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql(
        "UPDATE store_state SET value = ?, updated_at = ? "
        "WHERE store_id = ? AND state_key = ? AND value = ?"),
        bind(value), bind(Poco::Int64(Database::nowMillis())), bind(storeId), bind(key), bind(expected);
    return statement.execute() == 1;
}

void DbState::removeForStore(const std::string& storeId) {
    _db.session() << _db.sql("DELETE FROM store_state WHERE store_id = ?"), bind(storeId), now;
}

}  // namespace estore::host
