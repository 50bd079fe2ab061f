#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace furs_sandbox {

/// A parsed JSON value that keeps every number as the text it was written in, so the schema checks can
/// count an amount's decimals without a double ever seeing it, and a certificate serial of any length
/// survives (SPEC32 §9.5's is 96 bits).
struct JsonValue {
    enum class Type { Null, Boolean, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    std::string text;  ///< a string's decoded UTF-8, or a number's literal exactly as written
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;  ///< in document order, names unique

    bool isObject() const { return type == Type::Object; }
    bool isString() const { return type == Type::String; }
    bool isNumber() const { return type == Type::Number; }
    /// The member with that name, or null (also when this is not an object).
    const JsonValue* find(std::string_view name) const;
    /// The string member's text, or "" when absent or not a string.
    std::string stringAt(std::string_view name) const;
};

}  // namespace furs_sandbox
