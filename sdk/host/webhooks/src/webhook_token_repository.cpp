#include "estore/host/webhooks/webhook_token_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <vector>

#include "estore/host/storage/database.h"
#include "estore/host/storage/sequence.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_token.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

constexpr const char* kVersionCounter = "webhook_tokens";

}  // namespace

void WebhookTokenRepository::replace(const std::string& storeId, const std::string& tokenHash) {
    Transaction tx(_db);
    _db.session() << _db.sql("DELETE FROM webhook_tokens WHERE store_id = ?"), bind(storeId), now;
    _db.session() << _db.sql(
        "INSERT INTO webhook_tokens (store_id, token_hash, created_at) VALUES (?, ?, ?)"),
        bind(storeId), bind(tokenHash), bind(Poco::Int64(Database::nowMillis())), now;
    Sequence::next(_db, kVersionCounter);
    tx.commit();
}

bool WebhookTokenRepository::revoke(const std::string& storeId) {
    Transaction tx(_db);
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("DELETE FROM webhook_tokens WHERE store_id = ?"), bind(storeId);
    const bool had = statement.execute() > 0;
    if (had) Sequence::next(_db, kVersionCounter);
    tx.commit();
    return had;
}

bool WebhookTokenRepository::has(const std::string& storeId) {
    Poco::Int64 count = 0;
    _db.session() << _db.sql("SELECT COUNT(*) FROM webhook_tokens WHERE store_id = ?"), bind(storeId),
        into(count), now;
    return count > 0;
}

std::vector<WebhookTokenRow> WebhookTokenRepository::all() {
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    _db.session() << "SELECT store_id, token_hash FROM webhook_tokens", into(rows), now;
    std::vector<WebhookTokenRow> tokens;
    tokens.reserve(rows.size());
    for (const auto& row : rows) tokens.push_back({row.get<0>(), row.get<1>()});
    return tokens;
}

std::int64_t WebhookTokenRepository::version() {
    return Sequence::current(_db, kVersionCounter);
}

std::optional<std::string> WebhookTokenRepository::match(const std::vector<WebhookTokenRow>& rows,
                                                         const std::string& tokenHash) {
    std::optional<std::string> found;
    // No early exit: the loop's length depends on the number of stores, never on the guess.
    for (const auto& row : rows)
        if (WebhookToken::equalHashes(row.tokenHash, tokenHash)) found = row.storeId;
    return found;
}

}  // namespace estore::host
