#pragma once
// The endpoint's copy of the webhook token hashes, so a request is matched to its store without a
// database read. The intake's mover calls `refresh` often (every few milliseconds while busy, and at
// most host.webhook_token_check_millis apart when idle): one read of the tokens' version, and the whole
// table only when it moved. A revoked URL is therefore refused within that interval; a token not in the
// copy makes the intake wait for a fresh one before it answers 404, so a new URL works at once.
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "estore/host/webhooks/webhook_token_repository.h"

namespace estore::host {

class Database;

class WebhookTokenCache {
public:
    /// Reads the tokens again when their version moved (always on the first call); true when it did.
    bool refresh(Database& db);
    /// The store whose token hashes to tokenHash, compared against every token in constant time.
    std::optional<std::string> storeFor(const std::string& tokenHash) const;

private:
    /// Lookups share it (they never wait for each other); a refresh takes it alone to swap the rows.
    mutable std::shared_mutex _mutex;
    std::vector<WebhookTokenRow> _rows;
    std::optional<std::int64_t> _version;  ///< refresh (one thread) only
};

}  // namespace estore::host
