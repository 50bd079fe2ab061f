#pragma once
// ISO-8601 UTC timestamps as Wix writes them ("2021-05-25T13:51:01.718Z"), to and from epoch milliseconds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estore::sdk {

/// Accepts "YYYY-MM-DDTHH:MM:SS[.fff…]Z" and "+HH:MM"/"-HH:MM" offsets; nullopt for anything else.
std::optional<std::int64_t> parseIsoMillis(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string formatIsoMillis(std::int64_t epochMillis);

/// A date and time on the proleptic Gregorian calendar, without a time zone.
struct CivilTime {
    std::int64_t year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm): no time zone of the machine enters.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);
/// The civil date and time `seconds` after 1970-01-01T00:00:00 (negative: before).
CivilTime civilFromEpochSeconds(std::int64_t seconds);

}  // namespace estore::sdk
