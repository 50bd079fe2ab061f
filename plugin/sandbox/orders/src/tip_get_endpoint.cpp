#include "wix_sandbox/orders/tip_get_endpoint.h"

#include <Poco/String.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

TipGetEndpoint::TipGetEndpoint(const OrderStore& orders)
    : WixEndpoint(EndpointSpec{"GET", "/tips/v1/tips/order/{id}", {kScope}, false, std::nullopt}),
      _orders(orders) {}

HttpReply TipGetEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    const OrderStore::Ptr order = _orders.find(site.siteId, Poco::toLower(lastSegment(request.path)));
    if (!order || order->tipJson.empty())
        throw WixFailure(WixErrors::applicationError(404, "Tip not found", "TIP_NOT_FOUND"));
    return HttpReply{200, "{\"tip\":" + order->tipJson + "}", "application/json", {}};
}

}  // namespace wix_sandbox
