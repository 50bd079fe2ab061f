// libFuzzer target: the Wix answers an import reads with simdjson (client/json_document.h), through the
// order mapper and the payment reader, on whatever bytes arrive. Never a crash, UB or hang; either an
// order, or a refusal with a code and a reason in both languages.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "orders/order_mapper.h"
#include "settings/payment_methods.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    static estore::sdk::JsonDocument document;  // reused as the import reuses it, page after page
    std::string why;
    if (!document.parse(text, why)) {
        if (why.empty()) std::abort();
        return 0;
    }
    for (const auto& [orderId, payments] : estore::wix::paymentMethodsByOrder(document.root()))
        if (orderId.empty() || payments.main.empty()) std::abort();
    const auto mapped = estore::wix::OrderMapper().map(document.root(), "CreditCard");
    if (mapped.order) {
        if (mapped.order->externalId.empty()) std::abort();
        return 0;
    }
    if (mapped.error.code.empty() || mapped.error.message.sl.empty() || mapped.error.message.en.empty())
        std::abort();
    return 0;
}
