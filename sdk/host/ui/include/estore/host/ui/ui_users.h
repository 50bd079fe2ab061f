#pragma once
// The people who may sign in to the admin pages (estore-host user add NAME), with the back-off after
// wrong passwords: from the fifth failure in a row the user is locked for 30 s, doubling with every
// further failure up to 15 minutes. A locked user is refused without the password being tried.
#include <cstdint>
#include <string>
#include <vector>

namespace estore::host {

class Database;

struct SignInResult {
    enum class Status { Ok, Wrong, Locked };
    Status status = Status::Wrong;
    std::int64_t lockedUntil = 0;  ///< epoch ms, for Locked (and for Wrong when this failure locked)

    bool ok() const { return status == Status::Ok; }
};

class UiUsers {
public:
    static constexpr std::int64_t kFreeFailures = 4;
    static constexpr std::int64_t kFirstLockMillis = 30000;
    static constexpr std::int64_t kLongestLockMillis = 15 * 60000;

    explicit UiUsers(Database& db) : _db(db) {}

    /// Letters, digits, '.', '_', '-' and '@', 1 to 64 of them.
    static bool validName(const std::string& name);
    /// Adds the user or gives an existing one a new password (which also lifts a lock); true when new.
    bool add(const std::string& name, const std::string& passwordHash, std::int64_t nowMs);
    bool remove(const std::string& name);
    std::vector<std::string> names();

    SignInResult signIn(const std::string& name, const std::string& password, std::int64_t nowMs);
    /// How long a user is locked after this many failures in a row (0 when not).
    static std::int64_t lockMillis(std::int64_t failures);

private:
    Database& _db;
};

}  // namespace estore::host
