// libFuzzer target: Decimal parsing (money and quantities from shops and CSV files). Never a crash or UB
// on any text; what parses prints to text that parses back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "estore/sdk/decimal.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto value = estore::sdk::Decimal::parse(text);
    if (!value) return 0;
    const auto again = estore::sdk::Decimal::parse(value->toString());
    if (!again || !(*again == *value)) std::abort();
    return 0;
}
