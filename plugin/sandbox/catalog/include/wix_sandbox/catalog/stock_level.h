#pragma once

#include <cstdint>
#include <string>

namespace wix_sandbox {

/// One variant's stock as a test reads it back (Sandbox::stock*()). Ids are as the site's catalog shows
/// them: on V1 a product without managed variants has variantId 00000000-0000-0000-0000-000000000000.
struct StockLevel {
    std::string productId;
    std::string variantId;
    std::string inventoryItemId;    ///< the variant's V3 inventory item: the row's key on either catalog
    std::string v1InventoryItemId;  ///< the product's V1 inventory item (shared by its variants)
    std::string sku;
    std::string productName;
    bool tracked = true;
    long quantity = 0;  ///< meaningful when tracked
    bool inStock = true;
    std::int64_t revision = 1;  ///< the V3 inventory item's revision
};

}  // namespace wix_sandbox
