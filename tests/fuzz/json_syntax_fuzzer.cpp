// libFuzzer target: the webhook endpoint's syntax-only JSON check. Linear, bounded nesting, never a crash
// on any bytes; whatever it accepts starts with a JSON value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "estore/host/core/json_syntax.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    if (!estore::host::JsonSyntax::check(text).empty()) return 0;
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || !std::strchr("{[\"tfn-0123456789", text[first])) std::abort();
    return 0;
}
