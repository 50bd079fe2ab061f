#pragma once
// One webhook token per store, kept as its SHA-256 only. Generating again replaces the row, which
// revokes the previous URL at once.
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class Database;

class WebhookTokenRepository {
public:
    explicit WebhookTokenRepository(Database& db) : _db(db) {}

    /// Stores the hash of a new token for the store (replacing any earlier one).
    void replace(const std::string& storeId, const std::string& tokenHash);
    /// Forgets the store's token; false if it had none.
    bool revoke(const std::string& storeId);
    bool has(const std::string& storeId);
    /// The store whose token hashes to tokenHash. Every stored hash is compared, in constant time, so
    /// the answer takes as long for a near miss as for a stranger's guess.
    std::optional<std::string> storeFor(const std::string& tokenHash);
    /// storeFor for several hashes with one read of the table (the webhook intake's group commit).
    std::vector<std::optional<std::string>> storesFor(const std::vector<std::string>& tokenHashes);

private:
    Database& _db;
};

}  // namespace estore::host
