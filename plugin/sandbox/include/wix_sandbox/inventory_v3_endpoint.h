#pragma once

#include "wix_sandbox/inventory_store.h"
#include "wix_sandbox/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v3/inventory-items/query (reference §8), Catalog V3 sites only: object filter, cursor
/// paging. Limit up to 1000 (what clients use; Wix's maximum is unverified).
class InventoryV3Endpoint : public WixEndpoint {
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    explicit InventoryV3Endpoint(const InventoryStore& inventory);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const InventoryStore& _inventory;
};

}  // namespace wix_sandbox
