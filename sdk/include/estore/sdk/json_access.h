#pragma once
// Reading JSON from the outside world: parse without throwing, and look values up by dotted path, so
// an error can say exactly which value was missing or of the wrong type.
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>

namespace estore::sdk {

struct JsonParse {
    Poco::JSON::Object::Ptr object;  ///< null when the text is not a JSON object
    std::string error;               ///< why, when object is null

    bool ok() const { return !object.isNull(); }
};

/// How deep a JSON document from outside may nest (objects and arrays); deeper is refused as not JSON.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Parses text that must be a JSON object, at most kMaxJsonDepth deep.
JsonParse parseJsonObject(const std::string& text);

/// The value at a dotted path ("properties.businessName"), if every step exists and is an object.
std::optional<Poco::Dynamic::Var> valueAt(const Poco::JSON::Object::Ptr& root, std::string_view path);

/// The string at a path; nullopt when absent or not a string.
std::optional<std::string> stringAt(const Poco::JSON::Object::Ptr& root, std::string_view path);

/// Compact JSON text of a value (an object, an array, …).
std::string jsonText(const Poco::Dynamic::Var& value);

/// The body of a cursor follow-up page, {"<root>":{"cursorPaging":{"limit":L,"cursor":C}}}: Wix refuses a
/// filter or sort next to a cursor (reference §9.1; §8 for inventory queries).
std::string cursorFollowUpBody(const std::string& root, int limit, const std::string& cursor);

/// Shortens text for a log line and strips control characters, so foreign bodies stay readable.
std::string excerpt(const std::string& text, std::size_t maxLength = 200);

}  // namespace estore::sdk
