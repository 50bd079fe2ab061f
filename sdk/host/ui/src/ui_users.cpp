#include "estore/host/ui/ui_users.h"

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <algorithm>
#include <cctype>

#include "estore/host/storage/database.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/ui/password_hash.h"

using Poco::Data::Keywords::into;
using Poco::Data::Keywords::now;
using Poco::Data::Keywords::use;

namespace estore::host {

namespace {

/// Verified against when the name is unknown, so the answer takes as long as for a known name.
const std::string& decoyHash() {
    static const std::string hash = PasswordHash::make("decoy password, never a user's");
    return hash;
}

}  // namespace

bool UiUsers::validName(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    return std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '@';
    });
}

bool UiUsers::add(const std::string& name, const std::string& passwordHash, std::int64_t nowMs) {
    Transaction tx(_db);
    std::string user = name, hash = passwordHash;
    Poco::Data::Statement update(_db.session());
    update << _db.sql(
        "UPDATE ui_users SET password_hash = ?, failed_signins = 0, locked_until = 0 WHERE name = ?"),
        use(hash), use(user);
    const std::size_t changed = update.execute();
    if (changed == 0) {
        Poco::Int64 at = nowMs;
        _db.session() << _db.sql(
            "INSERT INTO ui_users (name, password_hash, failed_signins, locked_until, "
            "created_at) VALUES (?, ?, 0, 0, ?)"),
            use(user), use(hash), use(at), now;
    }
    tx.commit();
    return changed == 0;
}

bool UiUsers::remove(const std::string& name) {
    std::string user = name;
    Poco::Data::Statement statement(_db.session());
    statement << _db.sql("DELETE FROM ui_users WHERE name = ?"), use(user);
    const std::size_t removed = statement.execute();
    _db.session() << _db.sql("DELETE FROM ui_sessions WHERE user_name = ?"), use(user), now;
    return removed > 0;
}

std::vector<std::string> UiUsers::names() {
    std::vector<std::string> names;
    _db.session() << "SELECT name FROM ui_users ORDER BY name", into(names), now;
    return names;
}

std::int64_t UiUsers::lockMillis(std::int64_t failures) {
    if (failures <= kFreeFailures) return 0;
    std::int64_t lock = kFirstLockMillis;
    for (std::int64_t i = kFreeFailures + 1; i < failures && lock < kLongestLockMillis; ++i) lock *= 2;
    return std::min(lock, kLongestLockMillis);
}

SignInResult UiUsers::signIn(const std::string& name, const std::string& password, std::int64_t nowMs) {
    std::string user = name, hash;
    Poco::Int64 lockedUntil = 0;
    _db.session() << _db.sql("SELECT password_hash, locked_until FROM ui_users WHERE name = ?"), use(user),
        into(hash), into(lockedUntil), now;
    if (hash.empty()) {
        PasswordHash::verify(password, decoyHash());
        return {SignInResult::Status::Wrong, 0};
    }
    if (lockedUntil > nowMs) return {SignInResult::Status::Locked, lockedUntil};
    if (PasswordHash::verify(password, hash)) {
        _db.session() << _db.sql("UPDATE ui_users SET failed_signins = 0, locked_until = 0 WHERE name = ?"),
            use(user), now;
        return {SignInResult::Status::Ok, 0};
    }
    // Counted by the row itself, so failures add up across parallel requests, workers and restarts.
    Transaction tx(_db);
    _db.session() << _db.sql("UPDATE ui_users SET failed_signins = failed_signins + 1 WHERE name = ?"),
        use(user), now;
    Poco::Int64 failed = 0;
    _db.session() << _db.sql("SELECT failed_signins FROM ui_users WHERE name = ?"), use(user), into(failed),
        now;
    Poco::Int64 until = lockMillis(failed) > 0 ? nowMs + lockMillis(failed) : 0;
    _db.session() << _db.sql("UPDATE ui_users SET locked_until = ? WHERE name = ?"), use(until), use(user),
        now;
    tx.commit();
    return {SignInResult::Status::Wrong, until};
}

}  // namespace estore::host
