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

}  // namespace estore::sdk
