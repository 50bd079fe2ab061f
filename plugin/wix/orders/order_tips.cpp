#include "orders/order_tips.h"

namespace estore::wix {

bool needsTipCheck(simdjson::dom::element order) {
    simdjson::dom::array fees;
    if (order.at_key("additionalFees").get_array().get(fees) != simdjson::SUCCESS) return false;
    for (simdjson::dom::element fee : fees)
        if (sdk::jsonTextAt(fee, "providerAppId").value_or("").empty()) return true;
    return false;
}

std::optional<host_api::Outcome> checkTip(WixClient& client, const std::string& orderId, TipCheck& out) {
    out = TipCheck{};
    WixAnswer answer = client.tipOfOrder(orderId, out.tipId);
    if (answer.outcome.ok()) return std::nullopt;
    out.tipId.clear();
    switch (answer.outcome.category) {
        case host_api::ErrorCategory::NotFound: return std::nullopt;
        case host_api::ErrorCategory::Permission:
        case host_api::ErrorCategory::Permanent:
            out.unchecked = true;
            out.why = answer.outcome.message;
            return std::nullopt;
        default: return answer.outcome;
    }
}

}  // namespace estore::wix
