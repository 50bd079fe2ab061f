#include "estore/host/webhook_token_repository.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include <vector>

#include "estore/host/database.h"
#include "estore/host/transaction.h"
#include "estore/host/webhook_token.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

void WebhookTokenRepository::replace(const std::string& storeId, const std::string& tokenHash) {
    Transaction tx(_db);
    _db.session() << _db.sql("DELETE FROM webhook_tokens WHERE store_id = ?"), bind(storeId), now;
    _db.session() << _db.sql(
        "INSERT INTO webhook_tokens (store_id, token_hash, created_at) VALUES (?, ?, ?)"),
        bind(storeId), bind(tokenHash), bind(Poco::Int64(Database::nowMillis())), now;
    tx.commit();
}

bool WebhookTokenRepository::revoke(const std::string& storeId) {
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("DELETE FROM webhook_tokens WHERE store_id = ?"), bind(storeId);
    return statement.execute() > 0;
}

bool WebhookTokenRepository::has(const std::string& storeId) {
    Poco::Int64 count = 0;
    _db.session() << _db.sql("SELECT COUNT(*) FROM webhook_tokens WHERE store_id = ?"), bind(storeId),
        into(count), now;
    return count > 0;
}

std::optional<std::string> WebhookTokenRepository::storeFor(const std::string& tokenHash) {
    return storesFor({tokenHash}).front();
}

std::vector<std::optional<std::string>> WebhookTokenRepository::storesFor(
    const std::vector<std::string>& tokenHashes) {
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    _db.session() << "SELECT store_id, token_hash FROM webhook_tokens", into(rows), now;
    std::vector<std::optional<std::string>> found(tokenHashes.size());
    for (std::size_t i = 0; i < tokenHashes.size(); ++i) {
        // No early exit: the loop's length depends on the number of stores, never on the guess.
        for (const auto& row : rows)
            if (WebhookToken::equalHashes(row.get<1>(), tokenHashes[i])) found[i] = row.get<0>();
    }
    return found;
}

}  // namespace estore::host
