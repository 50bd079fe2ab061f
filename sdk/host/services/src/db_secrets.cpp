#include "estore/host/services/db_secrets.h"

#include <Poco/Data/Statement.h>

#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

std::optional<std::string> DbSecrets::read(const std::string& storeId, const std::string& name) {
    try {
        std::vector<std::string> values;
        _db.session() << _db.sql("SELECT value FROM store_secrets WHERE store_id = ? AND name = ?"),
            bind(storeId), bind(name), into(values), now;
        if (values.empty()) return std::nullopt;
        return values.front();
    } catch (const std::exception& e) {
        std::cerr << "estore-host: secret '" << name << "' of " << storeId
                  << " could not be read: " << errorText(e) << "\n";
        return std::nullopt;
    }
}

void DbSecrets::store(const std::string& storeId, const host_api::Settings& secrets) {
    Transaction tx(_db);
    for (const auto& [name, value] : secrets) {
        _db.session() << _db.sql("DELETE FROM store_secrets WHERE store_id = ? AND name = ?"), bind(storeId),
            bind(name), now;
        _db.session() << _db.sql("INSERT INTO store_secrets (store_id, name, value) VALUES (?, ?, ?)"),
            bind(storeId), bind(name), bind(value), now;
    }
    tx.commit();
}

std::vector<std::string> DbSecrets::values(const std::string& storeId) {
    std::vector<std::string> values;
    _db.session() << _db.sql("SELECT value FROM store_secrets WHERE store_id = ?"), bind(storeId),
        into(values), now;
    return values;
}

void DbSecrets::removeForStore(const std::string& storeId) {
    _db.session() << _db.sql("DELETE FROM store_secrets WHERE store_id = ?"), bind(storeId), now;
}

}  // namespace estore::host
