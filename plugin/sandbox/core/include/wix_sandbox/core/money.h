#pragma once

#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// Wix money values (reference §9.3): amounts are decimal strings, not normalised ("35.0", "2.5", "0"),
/// and formattedAmount is display text. Amounts are kept in cents so the arithmetic is exact.
class Money {
public:
    /// 3500 -> "35.0", 6916 -> "69.16", 0 -> "0".
    static std::string amount(long cents);
    /// 3500, "EUR" -> "€35.00".
    static std::string formatted(long cents, const std::string& currency);
    /// "35.0" / "69.16" / "0" / "-2.5" -> cents; nullopt for anything else or a third decimal.
    static std::optional<long> parseCents(const std::string& amount);
    /// {"amount":"35.0","formattedAmount":"€35.00"}
    static Poco::JSON::Object::Ptr toJson(long cents, const std::string& currency);
};

}  // namespace wix_sandbox
