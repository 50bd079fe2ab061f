#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// PATCH /stores/v2/inventoryItems/product/{productId} (reference §7), Catalog V1 sites only:
/// {"inventoryItem":{"trackQuantity":…,"variants":[{"variantId","quantity"|"inStock"}]}} sets the listed
/// variants' stock and answers {}. All or nothing: an unknown product is a 404, an unknown variant or a
/// value that does not fit the tracking mode a 400, and then nothing changes.
class InventoryV1UpdateEndpoint : public WixEndpoint {
public:
    explicit InventoryV1UpdateEndpoint(CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    struct VariantStock {
        std::string variantId;
        std::size_t index = 0;  // resolved under the lock
        std::optional<long> quantity;
        std::optional<bool> inStock;
    };

    static std::vector<VariantStock> readVariants(const Poco::JSON::Object::Ptr& item);
    static void resolve(const SiteCatalog& catalog, std::size_t product, std::vector<VariantStock>& variants,
                        bool tracked);

    CatalogStore& _catalog;
};

}  // namespace wix_sandbox
