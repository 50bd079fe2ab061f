#pragma once
// Host-made ids from a counter row, portable where AUTOINCREMENT / SERIAL are not.
#include <cstdint>
#include <string>

namespace estore::host {

class Database;

class Sequence {
public:
    /// The next value of the named counter ("store", "job", "activity"); joins an open transaction.
    static std::int64_t next(Database& db, const std::string& name);
    /// Reserves `count` consecutive values with one update; returns the first. Joins an open transaction.
    static std::int64_t reserve(Database& db, const std::string& name, std::int64_t count);
    /// The value `next` would return now, without taking it (a version stamp's current value).
    static std::int64_t current(Database& db, const std::string& name);
};

}  // namespace estore::host
