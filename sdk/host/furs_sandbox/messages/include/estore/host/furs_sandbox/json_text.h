#pragma once
#include <string>
#include <string_view>

namespace furs_sandbox {

/// JSON text for the sandbox's own answers, written by hand so key order and number text are exactly
/// FURS's (the response header's serial is a JSON number of up to 96 bits, SPEC32 §9.5).
class JsonText {
public:
    /// A JSON string literal: quotes, '\"', '\\' and control characters escaped, UTF-8 kept as it is.
    static std::string quote(std::string_view text);
};

}  // namespace furs_sandbox
