#pragma once

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v3/inventory-items/query (reference §8), Catalog V3 sites only: one item per variant,
/// object filter on id / productId / variantId ($eq, $in, …), cursor paging. Limit up to 1000 (what
/// clients use; Wix's maximum is unverified).
class InventoryV3Endpoint : public WixEndpoint {
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    explicit InventoryV3Endpoint(const CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const CatalogStore& _catalog;
};

}  // namespace wix_sandbox
