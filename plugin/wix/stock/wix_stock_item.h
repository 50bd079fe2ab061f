#pragma once
// One stock-keeping unit as Wix holds it: a product's variant with its SKU and, when Wix tracks it, its
// quantity. Catalog V1 addresses it by (product, variant); Catalog V3 by its inventory item and that
// item's revision (reference §7, §8).
#include <cstdint>
#include <string>

namespace estore::wix {

struct WixStockItem {
    std::string sku;  ///< trimmed; may be empty (Wix allows a variant without a SKU)
    std::string productId;
    std::string variantId;        ///< V1: 00000000-0000-0000-0000-000000000000 for a product without variants
    std::string inventoryItemId;  ///< V3 only
    std::string revision;         ///< V3 only: the optimistic lock an update must quote
    std::string name;             ///< product (and variant) name, for messages
    bool tracked = false;         ///< Wix counts this item's quantity; untracked items are left alone
    std::int64_t quantity = 0;    ///< when tracked (Wix allows negative quantities on V1)
};

}  // namespace estore::wix
