#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wix_sandbox {

/// One sellable variant of a product and its stock: a V1 inventory variant and a V3 inventory item at
/// once (reference §5-§8). Tracked variants have a quantity (negative allowed, as Wix allows it), untracked
/// ones only an in-stock flag.
struct CatalogVariant {
    std::string
        id;  ///< GUID; generated when empty. V1 shows 00000000-… for a product without managed variants
    std::string sku;  ///< "" allowed; duplicates across products allowed
    std::vector<std::pair<std::string, std::string>> choices;  ///< option -> choice ("Velikost" -> "M")
    long priceCents = -1;                                      ///< -1 = the product's price
    bool visible = true;
    bool trackQuantity = true;
    long quantity = 0;            ///< meaningful when trackQuantity
    bool inStock = true;          ///< meaningful when !trackQuantity
    std::string inventoryItemId;  ///< the V3 inventory item's id; generated when empty
    std::int64_t revision = 1;    ///< the V3 inventory item's revision, +1 on every change
    std::string updatedDate;      ///< ISO; filled in when empty
};

/// A Stores product as both catalogs see it. A product without managed variants has exactly one
/// (default) variant whose SKU is the product's SKU.
struct CatalogProduct {
    std::string id;  ///< GUID; generated when empty
    std::string name;
    std::string numericId;  ///< decimal text, increasing in catalog order; assigned when empty
    std::string sku;        ///< product-level SKU (V1); for simple products the default variant's SKU
    bool manageVariants = false;
    std::string productType = "physical";  ///< V1 spelling; V3 shows it upper-case
    bool visible = true;
    std::string inventoryItemId;  ///< the V1 inventory item (one per product); generated when empty
    long priceCents = 1000;
    std::string weight = "0.5";            ///< kg, as a JSON number
    std::string createdDate;               ///< ISO; filled in when empty
    std::string lastUpdated;               ///< ISO; moves on every stock change of the product
    std::int64_t revision = 1;             ///< V3 product revision
    std::vector<CatalogVariant> variants;  ///< empty for a simple product: one default variant is added
};

}  // namespace wix_sandbox
