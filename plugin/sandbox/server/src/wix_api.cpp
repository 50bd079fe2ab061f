#include "wix_sandbox/server/wix_api.h"

#include "wix_sandbox/catalog/catalog_version_endpoint.h"
#include "wix_sandbox/catalog/inventory_v1_endpoint.h"
#include "wix_sandbox/catalog/inventory_v1_increment_endpoint.h"
#include "wix_sandbox/catalog/inventory_v1_update_endpoint.h"
#include "wix_sandbox/catalog/inventory_v3_bulk_update_endpoint.h"
#include "wix_sandbox/catalog/inventory_v3_endpoint.h"
#include "wix_sandbox/catalog/products_v1_query_endpoint.h"
#include "wix_sandbox/catalog/products_v3_query_endpoint.h"
#include "wix_sandbox/catalog/variants_v3_query_endpoint.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"
#include "wix_sandbox/orders/order_get_endpoint.h"
#include "wix_sandbox/orders/orders_search_endpoint.h"
#include "wix_sandbox/orders/payments_list_endpoint.h"
#include "wix_sandbox/orders/tip_get_endpoint.h"
#include "wix_sandbox/server/site_properties_endpoint.h"

namespace wix_sandbox {

WixApi::WixApi(const SandboxState& state, const OrderStore& orders, CatalogStore& catalog,
               RateLimiter& rateLimiter)
    : _guard(state), _rateLimiter(rateLimiter) {
    _endpoints.push_back(std::make_unique<SitePropertiesEndpoint>());
    _endpoints.push_back(std::make_unique<CatalogVersionEndpoint>());
    _endpoints.push_back(std::make_unique<OrdersSearchEndpoint>(orders));
    _endpoints.push_back(std::make_unique<OrderGetEndpoint>(orders));
    _endpoints.push_back(std::make_unique<PaymentsListEndpoint>(orders));
    _endpoints.push_back(std::make_unique<TipGetEndpoint>(orders));
    // Catalog V1 (§5, §7)
    _endpoints.push_back(std::make_unique<ProductsV1QueryEndpoint>(catalog, ProductsV1QueryEndpoint::kPath));
    _endpoints.push_back(
        std::make_unique<ProductsV1QueryEndpoint>(catalog, ProductsV1QueryEndpoint::kReaderPath));
    _endpoints.push_back(std::make_unique<InventoryV1Endpoint>(catalog));
    _endpoints.push_back(std::make_unique<InventoryV1UpdateEndpoint>(catalog));
    _endpoints.push_back(std::make_unique<InventoryV1IncrementEndpoint>(
        catalog, InventoryV1IncrementEndpoint::Direction::Increment));
    _endpoints.push_back(std::make_unique<InventoryV1IncrementEndpoint>(
        catalog, InventoryV1IncrementEndpoint::Direction::Decrement));
    // Catalog V3 (§6, §8)
    _endpoints.push_back(std::make_unique<ProductsV3QueryEndpoint>(catalog));
    _endpoints.push_back(std::make_unique<VariantsV3QueryEndpoint>(catalog));
    _endpoints.push_back(std::make_unique<InventoryV3Endpoint>(catalog));
    _endpoints.push_back(std::make_unique<InventoryV3BulkUpdateEndpoint>(catalog));
}

HttpReply WixApi::handle(const WixRequest& request) {
    try {
        WixEndpoint& endpoint = route(request);
        AccessGuard::Grant grant = _guard.authorize(request);
        requireRateBudget(grant.site);
        AccessGuard::requireScope(grant.key, endpoint.spec().scopes);
        requireStores(endpoint.spec(), grant.site);
        return endpoint.handle(request, grant.site);
    } catch (const WixFailure& failure) {
        return failure.reply();
    }
}

std::string WixApi::routeKey(const WixRequest& request) const {
    for (const std::unique_ptr<WixEndpoint>& endpoint : _endpoints)
        if (!endpoint->isTemplate() && endpoint->matchesPath(request.path))
            return request.method + " " + request.path;
    for (const std::unique_ptr<WixEndpoint>& endpoint : _endpoints)
        if (endpoint->isTemplate() && endpoint->matchesPath(request.path))
            return request.method + " " + endpoint->spec().path;
    return request.method + " " + request.path;
}

WixEndpoint& WixApi::route(const WixRequest& request) {
    // Exact paths first, so "GET /ecom/v1/orders/search" is the search route's 405, not order "search".
    WixEndpoint* samePath = nullptr;
    for (bool templates : {false, true}) {
        for (const std::unique_ptr<WixEndpoint>& endpoint : _endpoints) {
            if (endpoint->isTemplate() != templates || !endpoint->matchesPath(request.path)) continue;
            if (endpoint->spec().method == request.method) return *endpoint;
            samePath = endpoint.get();
        }
        if (samePath) throw WixFailure(WixErrors::methodNotAllowed(samePath->spec().method));
    }
    throw WixFailure(WixErrors::notFound());
}

void WixApi::requireRateBudget(const SiteInfo& site) {
    if (!_rateLimiter.admit(site.siteId)) throw WixFailure(WixErrors::resourceExhausted());
}

void WixApi::requireStores(const EndpointSpec& spec, const SiteInfo& site) {
    if (!spec.needsStores) return;
    if (site.catalogVersion == CatalogVersion::None) throw WixFailure(WixErrors::storesNotInstalled());
    if (spec.catalog && *spec.catalog != site.catalogVersion)
        throw WixFailure(WixErrors::wrongCatalog(site.catalogVersion));
}

}  // namespace wix_sandbox
