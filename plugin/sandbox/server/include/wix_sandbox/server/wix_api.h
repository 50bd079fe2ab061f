#pragma once

#include <memory>
#include <string>
#include <vector>

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/http_reply.h"
#include "wix_sandbox/core/wix_endpoint.h"
#include "wix_sandbox/core/wix_request.h"
#include "wix_sandbox/orders/order_store.h"
#include "wix_sandbox/server/access_guard.h"
#include "wix_sandbox/server/rate_limiter.h"
#include "wix_sandbox/server/sandbox_state.h"

namespace wix_sandbox {

/// The emulated Wix API: routes a request and runs the checks Wix applies before any handler:
/// route (404/405), key and site (401/400/404/403), rate limit (429), scope (403), Stores installed and
/// catalog version (428).
class WixApi {
public:
    WixApi(const SandboxState& state, const OrderStore& orders, CatalogStore& catalog,
           RateLimiter& rateLimiter);

    HttpReply handle(const WixRequest& request);
    /// "METHOD path" for the request stats; template routes count as one ("GET /ecom/v1/orders/{id}").
    std::string routeKey(const WixRequest& request) const;

private:
    WixEndpoint& route(const WixRequest& request);
    void requireRateBudget(const SiteInfo& site);
    static void requireStores(const EndpointSpec& spec, const SiteInfo& site);

    AccessGuard _guard;
    RateLimiter& _rateLimiter;
    std::vector<std::unique_ptr<WixEndpoint>> _endpoints;
};

}  // namespace wix_sandbox
