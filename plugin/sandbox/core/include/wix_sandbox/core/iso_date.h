#pragma once

#include <optional>
#include <string>

namespace wix_sandbox {

/// Wix's dates as comparable text, for orders' and catalog filters alike:
/// "2025-01-01T00:00:00Z" / "...+01:00" / "....123Z" -> "2025-01-01T00:00:00.000Z"; nullopt if not ISO-8601.
std::optional<std::string> canonicalDate(const std::string& text);

}  // namespace wix_sandbox
