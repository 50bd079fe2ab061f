#pragma once

#include <Poco/JSON/Object.h>

#include "wix_sandbox/inventory_store.h"
#include "wix_sandbox/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v2/inventoryItems/query (reference §7), Catalog V1 sites only: `filter` is a
/// JSON-encoded string, offset paging, at most 100 per page.
class InventoryV1Endpoint : public WixEndpoint {
public:
    static constexpr int kMaxLimit = 100;

    explicit InventoryV1Endpoint(const InventoryStore& inventory);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    static void validateFilter(const Poco::JSON::Object::Ptr& query);

    const InventoryStore& _inventory;
};

}  // namespace wix_sandbox
