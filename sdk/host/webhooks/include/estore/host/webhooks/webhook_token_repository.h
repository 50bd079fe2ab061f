#pragma once
// One webhook token per store, kept as its SHA-256 only. Generating again replaces the row, which
// revokes the previous URL. Every change moves the tokens' version (the "webhook_tokens" counter), so
// the endpoint's in-memory copy can tell with one small read that it is still current.
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

class Database;

struct WebhookTokenRow {
    std::string storeId;
    std::string tokenHash;
};

class WebhookTokenRepository {
public:
    explicit WebhookTokenRepository(Database& db) : _db(db) {}

    /// Stores the hash of a new token for the store (replacing any earlier one).
    void replace(const std::string& storeId, const std::string& tokenHash);
    /// Forgets the store's token; false if it had none.
    bool revoke(const std::string& storeId);
    bool has(const std::string& storeId);
    /// Every store's token hash.
    std::vector<WebhookTokenRow> all();
    /// Changes whenever a token is replaced or revoked.
    std::int64_t version();
    /// The store of `rows` whose hash equals tokenHash, comparing every row in constant time.
    static std::optional<std::string> match(const std::vector<WebhookTokenRow>& rows,
                                            const std::string& tokenHash);

private:
    Database& _db;
};

}  // namespace estore::host
