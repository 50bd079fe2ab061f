#pragma once
// host_api::State over store_state: per-store cursors and the like, with an atomic compare-and-set.
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbState final : public host_api::State {
public:
    explicit DbState(Database& db) : _db(db) {}

    std::optional<std::string> get(const std::string& storeId, const std::string& key) override;
    bool compareAndSet(const std::string& storeId, const std::string& key,
                       const std::optional<std::string>& expected, const std::string& value) override;

    void removeForStore(const std::string& storeId);

private:
    bool insertIfAbsent(const std::string& storeId, const std::string& key, const std::string& value);
    bool updateIfEqual(const std::string& storeId, const std::string& key, const std::string& expected,
                       const std::string& value);

    Database& _db;
};

}  // namespace estore::host
