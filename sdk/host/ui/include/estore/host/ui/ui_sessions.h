#pragma once
// Sign-in sessions of the admin pages. The browser holds a random token (256 bits) in an HttpOnly,
// SameSite=Strict cookie; the table holds only its SHA-256, the user, the session's CSRF token (every
// form carries it back) and when the session ends. Sessions live in the database, so any worker serves
// them and a restart signs nobody out.
#include <cstdint>
#include <optional>
#include <string>

namespace estore::host {

class Database;

struct UiSession {
    std::string token;  ///< only right after open(); never stored
    std::string user;
    std::string csrf;
    std::int64_t expiresAt = 0;
};

class UiSessions {
public:
    static constexpr std::int64_t kLifetimeMillis = 8 * 3600 * 1000;

    explicit UiSessions(Database& db) : _db(db) {}

    /// A new session for the user; also drops every expired one.
    UiSession open(const std::string& user, std::int64_t nowMs);
    /// The session the token opens, when it has not expired (and its user still exists).
    std::optional<UiSession> find(const std::string& token, std::int64_t nowMs);
    void close(const std::string& token);

private:
    Database& _db;
};

}  // namespace estore::host
