#pragma once
// host_api::Secrets over store_secrets, kept apart from the settings so that no listing selects them.
// The values never leave this class except through read() (to the plugin) and values() (to the Redactor).
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbSecrets final : public host_api::Secrets {
public:
    explicit DbSecrets(Database& db) : _db(db) {}

    std::optional<std::string> read(const std::string& storeId, const std::string& name) override;

    void store(const std::string& storeId, const host_api::Settings& secrets);
    /// The store's secret values, only so that text can be scrubbed of them.
    std::vector<std::string> values(const std::string& storeId);
    void removeForStore(const std::string& storeId);

private:
    Database& _db;
};

}  // namespace estore::host
