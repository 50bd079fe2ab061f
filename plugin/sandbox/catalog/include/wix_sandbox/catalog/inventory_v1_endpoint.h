#pragma once

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v2/inventoryItems/query (reference §7), Catalog V1 sites only: one item per product with
/// its variants' stock; JSON-string filter (productId, id, numericId, lastUpdated) and sort (numericId),
/// offset paging, at most 100 per page.
class InventoryV1Endpoint : public WixEndpoint {
public:
    static constexpr int kMaxLimit = 100;

    explicit InventoryV1Endpoint(const CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const CatalogStore& _catalog;
};

}  // namespace wix_sandbox
