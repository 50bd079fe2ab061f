#include "wix_sandbox/orders/order_get_endpoint.h"

#include <Poco/String.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

OrderGetEndpoint::OrderGetEndpoint(const OrderStore& orders)
    : WixEndpoint(EndpointSpec{"GET",
                               "/ecom/v1/orders/{id}",
                               {"SCOPE.DC-STORES.READ-ORDERS", "SCOPE.DC-STORES.MANAGE-ORDERS"},
                               true,
                               std::nullopt}),
      _orders(orders) {}

HttpReply OrderGetEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    // Wix ids are lower-case GUIDs; an upper-case spelling names the same order.
    const OrderStore::Ptr order = _orders.find(site.siteId, Poco::toLower(lastSegment(request.path)));
    if (!order) throw WixFailure(WixErrors::notFound());
    return HttpReply{200, "{\"order\":" + order->jsonText() + "}", "application/json", {}};
}

}  // namespace wix_sandbox
