// libFuzzer target: the Wix answers an import reads with simdjson (client/json_document.h), through the
// order mapper and the payments and refunds reader, on whatever bytes arrive. Never a crash, UB or hang;
// either an order, or a refusal with a code and a reason in both languages.
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
    const auto byOrder = estore::wix::paymentMethodsByOrder(document.root());
    for (const auto& [orderId, payments] : byOrder) {
        // An entry names its main method, or it is there for its refunds (every payment refunded).
        if (orderId.empty() || (payments.main.empty() && payments.refunds.empty())) std::abort();
        for (const auto& refund : payments.refunds)
            if (refund.amount.units <= 0) std::abort();  // only money that went back is a refund
    }
    const auto mapped = estore::wix::OrderMapper().map(document.root(), "CreditCard");
    if (mapped.order) {
        if (mapped.order->externalId.empty()) std::abort();
        // The refunds and payment parts as the importer puts them on an order.
        for (const auto& [orderId, payments] : byOrder) {
            estore::host_api::SalesOrder order = *mapped.order;
            estore::wix::applyPayments(order, {{"payment_methods", "CreditCard=kartica"}}, payments);
            for (const auto& flag : order.flags)
                if (flag.code.empty() || flag.reason.sl.empty() || flag.reason.en.empty()) std::abort();
        }
        return 0;
    }
    if (mapped.error.code.empty() || mapped.error.message.sl.empty() || mapped.error.message.en.empty())
        std::abort();
    return 0;
}
