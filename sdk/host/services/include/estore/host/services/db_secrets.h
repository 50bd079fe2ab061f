#pragma once
// host_api::Secrets over store_secrets, kept apart from the settings so that no listing selects them, and
// sealed with the host's key (SecretKeyring: AES-256-GCM, the key outside the database). The values never
// leave this class except through read() (to the plugin) and values() (to the Redactor).
#include <cstddef>

#include "estore/host/services/secret_keyring.h"
#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class DbSecrets final : public host_api::Secrets {
public:
    DbSecrets(Database& db, SecretKeyring& keyring) : _db(db), _keyring(keyring) {}

    std::optional<std::string> read(const std::string& storeId, const std::string& name) override;

    void store(const std::string& storeId, const host_api::Settings& secrets);
    /// The store's secret values, only so that text can be scrubbed of them.
    std::vector<std::string> values(const std::string& storeId);
    void removeForStore(const std::string& storeId);

    /// Seals every value still stored in clear (written before secrets were sealed); returns how many.
    std::size_t sealPlaintext();
    /// Opens every value with any key of the keyring and seals it again with its first key, in one
    /// transaction; returns how many. Throws, changing nothing, when one cannot be opened.
    std::size_t resealAll();

private:
    /// The value as the plugin reads it: opened when sealed, as stored when written before sealing.
    std::optional<std::string> reveal(const std::string& storeId, const std::string& name,
                                      const std::string& stored);

    Database& _db;
    SecretKeyring& _keyring;
};

}  // namespace estore::host
