#pragma once
// The Wix REST calls the connector makes, with Wix's API-key authentication: the raw key in
// `Authorization` (no "Bearer"), and the site in `wix-site-id` (never together with wix-account-id).
// Source: ../shared/reference/wix-api.md §1, §3.
#include <Poco/JSON/Object.h>

#include <memory>
#include <string>
#include <vector>

#include "client/request_pacer.h"
#include "client/wix_errors.h"
#include "estore/host_api/outcome.h"
#include "estore/sdk/http_client.h"
#include "estore/sdk/json_document.h"

namespace estore::wix {

inline constexpr const char* kDefaultApiBaseUrl = "https://www.wixapis.com";

struct WixAnswer {
    host_api::Outcome outcome;  ///< ok when Wix answered 2xx with a JSON object
    Poco::JSON::Object::Ptr
        body;  ///< the parsed answer when ok (null for calls read into a sdk::JsonDocument)
    sdk::HttpResult http;
};

struct SiteProperties {
    std::string businessName;
    std::string currency;
};

enum class CatalogVersion { V1, V3, StoresNotInstalled };

const char* catalogVersionName(CatalogVersion v);  ///< "V1", "V3", "NONE"

class WixClient {
public:
    WixClient(const std::string& baseUrl, const sdk::HttpClientOptions& options, std::string apiKey,
              std::string siteId, CallPolicy policy = {});

    WixAnswer siteProperties(SiteProperties& out);
    WixAnswer catalogVersion(CatalogVersion& out);
    /// One page of orders; validation uses limit 1 to prove the Read Orders permission.
    WixAnswer searchOrders(int limit);
    /// One small page of inventory on the site's catalog version, to prove the inventory permission.
    WixAnswer readInventory(CatalogVersion version);

    // The calls an import makes for every page read their answer into `into` (simdjson), not into `body`.

    /// POST /ecom/v1/orders/search with a prepared body (a first page with filter and sort, or a cursor).
    WixAnswer searchOrders(const std::string& body, sdk::JsonDocument& into);
    /// GET /ecom/v1/orders/{id}; 404 means the order does not exist.
    WixAnswer getOrder(const std::string& orderId, sdk::JsonDocument& into);
    /// POST /ecom/v1/payments/list-by-ids for 1–100 orders (reference §15).
    WixAnswer listTransactions(const std::vector<std::string>& orderIds, sdk::JsonDocument& into);

    /// Wix Tips: GET /tips/v1/tips/order/{id}; `tipId` is the tip's id (its fee's code). An order without
    /// a tip is a failure of category NotFound ("wix.tip.not_found").
    WixAnswer tipOfOrder(const std::string& orderId, std::string& tipId);

    /// Catalog V1: POST /stores/v1/products/query with a prepared body (reference §5).
    WixAnswer queryProductsV1(const std::string& body);
    /// Catalog V1: PATCH /stores/v2/inventoryItems/product/{productId} (reference §7); answers {}.
    WixAnswer updateInventoryV1(const std::string& productId, const std::string& body);
    /// Catalog V3: POST /stores/v3/inventory-items/query with a prepared body (reference §8).
    WixAnswer queryInventoryV3(const std::string& body);
    /// Catalog V3: POST /stores/v3/bulk/inventory-items/update; 200 even when items failed (reference §8).
    WixAnswer bulkUpdateInventoryV3(const std::string& body);

    /// Requests sent, retries included (for job reports).
    int requestsSent() const { return _requestsSent; }

private:
    /// Sends with retries; the answer is parsed into `into` when given, else into WixAnswer::body.
    WixAnswer call(WixCall call, const std::string& method, const std::string& target,
                   const std::string& body = {}, sdk::JsonDocument* into = nullptr);
    /// Masks the API key, whole or in part, in a failed answer's body and transport detail.
    void scrubKey(sdk::HttpResult& result) const;
    WixAnswer callOnce(WixCall call, const std::string& method, const std::string& target,
                       const std::string& body, sdk::JsonDocument* into);
    /// The answer read into `into` has an array (or object) named `key`, else the answer is unexpected.
    static void expectMember(WixAnswer& answer, WixCall call, const sdk::JsonDocument& into, const char* key,
                             bool array);

    sdk::HttpClient _http;
    std::string _apiKey;
    std::string _siteId;
    RequestPacer _pacer;
    int _requestsSent = 0;
};

}  // namespace estore::wix
