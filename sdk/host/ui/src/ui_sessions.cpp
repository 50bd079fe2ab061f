#include "estore/host/ui/ui_sessions.h"

#include <Poco/Data/Session.h>

#include "estore/host/storage/database.h"
#include "estore/host/webhooks/webhook_token.h"

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace estore::host {

UiSession UiSessions::open(const std::string& user, std::int64_t nowMs) {
    UiSession session{WebhookToken::generate(), user, WebhookToken::generate(), nowMs + kLifetimeMillis};
    Poco::Int64 at = nowMs, expires = session.expiresAt;
    _db.session() << _db.sql("DELETE FROM ui_sessions WHERE expires_at <= ?"), use(at), now;
    std::string hash = WebhookToken::hash(session.token);
    _db.session() << _db.sql(
        "INSERT INTO ui_sessions (token_hash, user_name, csrf, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?)"),
        use(hash), use(session.user), use(session.csrf), use(at), use(expires), now;
    return session;
}

std::optional<UiSession> UiSessions::find(const std::string& token, std::int64_t nowMs) {
    if (token.size() != 64) return std::nullopt;
    std::string hash = WebhookToken::hash(token);
    UiSession session;
    Poco::Int64 expires = 0;
    _db.session() << _db.sql(
        "SELECT s.user_name, s.csrf, s.expires_at FROM ui_sessions s JOIN ui_users u ON "
        "u.name = s.user_name WHERE s.token_hash = ?"),
        use(hash), into(session.user), into(session.csrf), into(expires), now;
    if (session.user.empty() || expires <= nowMs) return std::nullopt;
    session.expiresAt = expires;
    return session;
}

void UiSessions::close(const std::string& token) {
    std::string hash = WebhookToken::hash(token);
    _db.session() << _db.sql("DELETE FROM ui_sessions WHERE token_hash = ?"), use(hash), now;
}

}  // namespace estore::host
