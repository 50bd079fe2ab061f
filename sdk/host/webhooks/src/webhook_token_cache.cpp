#include "estore/host/webhooks/webhook_token_cache.h"

#include <mutex>

namespace estore::host {

bool WebhookTokenCache::refresh(Database& db) {
    WebhookTokenRepository tokens(db);
    const std::int64_t version = tokens.version();
    if (_version == version) return false;
    // Read after the version: a change committed in between moves the version again, and the next
    // refresh reads once more.
    auto rows = tokens.all();
    {
        std::unique_lock lock(_mutex);
        _rows.swap(rows);
    }
    _version = version;
    return true;
}

std::optional<std::string> WebhookTokenCache::storeFor(const std::string& tokenHash) const {
    std::shared_lock lock(_mutex);
    return WebhookTokenRepository::match(_rows, tokenHash);
}

}  // namespace estore::host
