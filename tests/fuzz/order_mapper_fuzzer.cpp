// libFuzzer target: the order mapper on whatever JSON a Wix answer holds. Never a crash, UB or hang;
// either an order, or a refusal with a code and a reason in both languages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "estore/sdk/json_access.h"
#include "orders/order_mapper.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto parsed = estore::sdk::parseJsonObject(text);
    if (!parsed.ok()) return 0;
    const auto mapped = estore::wix::OrderMapper().map(parsed.object, "CreditCard");
    if (mapped.order) {
        if (mapped.order->externalId.empty()) std::abort();
        return 0;
    }
    if (mapped.error.code.empty() || mapped.error.message.sl.empty() || mapped.error.message.en.empty())
        std::abort();
    return 0;
}
