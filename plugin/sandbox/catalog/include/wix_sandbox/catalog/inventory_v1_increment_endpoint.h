#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v2/inventoryItems/increment and …/decrement (reference §7), Catalog V1 sites only:
/// {"incrementData":[{"productId"|"inventoryId","variantId","incrementBy"}]} (decrementData /
/// decrementBy) moves tracked quantities and answers {}. Decrements may go below zero, as V1 allows.
/// All or nothing: an unknown product is a 404, an unknown variant or an untracked one a 400.
class InventoryV1IncrementEndpoint : public WixEndpoint {
public:
    enum class Direction { Increment, Decrement };

    InventoryV1IncrementEndpoint(CatalogStore& catalog, Direction direction);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    struct Delta {
        std::string productId;
        std::string inventoryId;
        std::string variantId;
        long by = 0;
    };
    struct Resolved {
        std::size_t product;
        std::size_t variant;
        long by;
    };

    std::vector<Delta> readDeltas(const Poco::JSON::Object::Ptr& body) const;
    std::vector<Resolved> resolve(const SiteCatalog& catalog, const std::vector<Delta>& deltas) const;

    CatalogStore& _catalog;
    Direction _direction;
    std::string _listKey;   // incrementData / decrementData
    std::string _deltaKey;  // incrementBy / decrementBy
};

}  // namespace wix_sandbox
