#pragma once

#include "wix_sandbox/core/wix_endpoint.h"
#include "wix_sandbox/orders/order_store.h"

namespace wix_sandbox {

/// GET /ecom/v1/orders/{id} (reference §9.2): {"order":{…}}, an unknown id 404 NOT_FOUND. INITIALIZED
/// orders are returned too: only Search Orders documents hiding them (§9.1).
class OrderGetEndpoint : public WixEndpoint {
public:
    explicit OrderGetEndpoint(const OrderStore& orders);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const OrderStore& _orders;
};

}  // namespace wix_sandbox
