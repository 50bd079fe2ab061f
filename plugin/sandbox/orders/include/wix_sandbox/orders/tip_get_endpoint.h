#pragma once

#include "wix_sandbox/core/wix_endpoint.h"
#include "wix_sandbox/orders/order_store.h"

namespace wix_sandbox {

/// GET /tips/v1/tips/order/{orderId} (Wix Tips, "Get Tip By Order ID"): {"tip":{…}} for an order a tip
/// was set on, else 404 TIP_NOT_FOUND, as the Tips API's sample flow describes ("if an order has no tip,
/// the call fails with a TIP_NOT_FOUND error"). An unknown order answers the same: the Tips service knows
/// tips, not orders. Needs the Tips permission, not Wix Stores.
class TipGetEndpoint : public WixEndpoint {
public:
    explicit TipGetEndpoint(const OrderStore& orders);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

    /// The scope id the sandbox gives Wix's "Manage Wix Tips" permission.
    static constexpr const char* kScope = "SCOPE.TIPS.MANAGE";

private:
    const OrderStore& _orders;
};

}  // namespace wix_sandbox
