#include "estore/host/services/db_secrets.h"

#include <Poco/Data/Statement.h>

#include <Poco/Tuple.h>

#include <iostream>
#include <stdexcept>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

/// What a sealed value is bound to: its row.
std::string contextOf(const std::string& storeId, const std::string& name) {
    return storeId + '\0' + name;
}

}  // namespace

std::optional<std::string> DbSecrets::reveal(const std::string& storeId, const std::string& name,
                                             const std::string& stored) {
    if (!SecretKeyring::isSealed(stored)) return stored;
    std::string error;
    auto plain = _keyring.open(stored, contextOf(storeId, name), &error);
    // Another process may have rotated the key since this one started: read the key file again.
    if (!plain && _keyring.reload()) plain = _keyring.open(stored, contextOf(storeId, name), &error);
    if (!plain)
        std::cerr << "estore-host: secret '" << name << "' of " << storeId
                  << " could not be opened: " << error << "\n";
    return plain;
}

std::optional<std::string> DbSecrets::read(const std::string& storeId, const std::string& name) {
    try {
        std::vector<std::string> values;
        _db.session() << _db.sql("SELECT value FROM store_secrets WHERE store_id = ? AND name = ?"),
            bind(storeId), bind(name), into(values), now;
        if (values.empty()) return std::nullopt;
        return reveal(storeId, name, values.front());
    } catch (const std::exception& e) {
        std::cerr << "estore-host: secret '" << name << "' of " << storeId
                  << " could not be read: " << errorText(e) << "\n";
        return std::nullopt;
    }
}

void DbSecrets::store(const std::string& storeId, const host_api::Settings& secrets) {
    Transaction tx(_db);
    for (const auto& [name, value] : secrets) {
        const std::string sealed = _keyring.seal(value, contextOf(storeId, name));
        _db.session() << _db.sql("DELETE FROM store_secrets WHERE store_id = ? AND name = ?"), bind(storeId),
            bind(name), now;
        _db.session() << _db.sql("INSERT INTO store_secrets (store_id, name, value) VALUES (?, ?, ?)"),
            bind(storeId), bind(name), bind(sealed), now;
    }
    tx.commit();
}

std::vector<std::string> DbSecrets::values(const std::string& storeId) {
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    _db.session() << _db.sql("SELECT name, value FROM store_secrets WHERE store_id = ?"), bind(storeId),
        into(rows), now;
    std::vector<std::string> values;
    for (const auto& row : rows)
        if (auto plain = reveal(storeId, row.get<0>(), row.get<1>())) values.push_back(*plain);
    return values;
}

std::size_t DbSecrets::sealPlaintext() {
    std::vector<Poco::Tuple<std::string, std::string, std::string>> rows;
    _db.session() << _db.sql("SELECT store_id, name, value FROM store_secrets WHERE value NOT LIKE 'enc1:%'"),
        into(rows), now;
    if (rows.empty()) return 0;
    Transaction tx(_db);
    for (const auto& row : rows) {
        const std::string sealed = _keyring.seal(row.get<2>(), contextOf(row.get<0>(), row.get<1>()));
        _db.session() << _db.sql(
            "UPDATE store_secrets SET value = ? WHERE store_id = ? AND name = ? AND value = ?"),
            bind(sealed), bind(row.get<0>()), bind(row.get<1>()), bind(row.get<2>()), now;
    }
    tx.commit();
    return rows.size();
}

std::size_t DbSecrets::resealAll() {
    Transaction tx(_db);
    std::vector<Poco::Tuple<std::string, std::string, std::string>> rows;
    _db.session() << _db.sql("SELECT store_id, name, value FROM store_secrets"), into(rows), now;
    for (const auto& row : rows) {
        const std::string context = contextOf(row.get<0>(), row.get<1>());
        std::string error;
        std::optional<std::string> plain = row.get<2>();
        if (SecretKeyring::isSealed(row.get<2>())) plain = _keyring.open(row.get<2>(), context, &error);
        if (!plain)
            throw std::runtime_error("secret '" + row.get<1>() + "' of " + row.get<0>() +
                                     " cannot be opened: " + error);
        _db.session() << _db.sql("UPDATE store_secrets SET value = ? WHERE store_id = ? AND name = ?"),
            bind(_keyring.seal(*plain, context)), bind(row.get<0>()), bind(row.get<1>()), now;
    }
    tx.commit();
    return rows.size();
}

void DbSecrets::removeForStore(const std::string& storeId) {
    _db.session() << _db.sql("DELETE FROM store_secrets WHERE store_id = ?"), bind(storeId), now;
}

}  // namespace estore::host
