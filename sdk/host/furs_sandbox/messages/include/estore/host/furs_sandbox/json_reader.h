#pragma once
// A strict RFC 8259 reader for what clients send: one value, no trailing text, no duplicate member
// names (a schema check cannot say which of two "TaxNumber" members FURS would take), nesting limited.
#include <cstddef>
#include <optional>
#include <string>

#include "estore/host/furs_sandbox/json_value.h"

namespace furs_sandbox {

class JsonReader {
public:
    static constexpr int kMaxDepth = 64;

    /// The value, or nullopt with the reason in `error` (if given).
    static std::optional<JsonValue> parse(const std::string& text, std::string* error = nullptr);

private:
    explicit JsonReader(const std::string& text) : _text(text) {}

    bool value(JsonValue& out, int depth);
    bool object(JsonValue& out, int depth);
    bool array(JsonValue& out, int depth);
    bool string(std::string& out);
    bool number(std::string& out);
    bool literal(const char* word);
    bool hex4(unsigned& out);
    void skipSpace();
    bool fail(const std::string& why);
    char peek() const { return _at < _text.size() ? _text[_at] : '\0'; }

    const std::string& _text;
    std::size_t _at = 0;
    std::string _error;
};

}  // namespace furs_sandbox
