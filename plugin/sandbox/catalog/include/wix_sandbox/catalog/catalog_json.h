#pragma once

#include <cstddef>
#include <string>

#include "wix_sandbox/catalog/catalog_product.h"
#include "wix_sandbox/core/json_writer.h"

namespace wix_sandbox {

/// The catalog as each Wix API writes it (reference §5-§8). Catalog V1 and its inventory are older JSON:
/// prices are numbers, enums lower-case, empty SKUs written as "". Catalog V3 is protobuf JSON: prices are
/// decimal strings, enums upper-case, int64 revisions strings, and empty fields left out.
class CatalogJson {
public:
    /// A Query Products (V1) product; `variants[]` only when asked for.
    static void v1Product(JsonWriter& out, const CatalogProduct& product, bool includeVariants,
                          const std::string& currency);
    /// A V1 inventory item: one per product, its variants' stock inside.
    static void v1InventoryItem(JsonWriter& out, const CatalogProduct& product);
    /// A Query Products (V3) product: no variants, a price range and an availability roll-up.
    static void v3Product(JsonWriter& out, const CatalogProduct& product, const std::string& currency);
    /// A Read-Only Variants (V3) variant.
    static void v3Variant(JsonWriter& out, const CatalogProduct& product, std::size_t variant,
                          const std::string& currency);
    /// A V3 inventory item: one per variant, quantity or inStock (a one-of, flat).
    static void v3InventoryItem(JsonWriter& out, const CatalogProduct& product, std::size_t variant,
                                const std::string& locationId);
    /// V1 prices: 3500 -> 35, 3550 -> 35.5, 3599 -> 35.99 (JSON numbers).
    static std::string v1Number(long cents);
    /// IN_STOCK / OUT_OF_STOCK / PARTIALLY_OUT_OF_STOCK over the product's variants.
    static std::string availability(const CatalogProduct& product);
    /// "M / Modra"; "" for a product's default variant.
    static std::string variantName(const CatalogVariant& variant);
    /// Lower-case ASCII words joined by '-', Slovenian letters without their carons, as Wix slugs look.
    static std::string slug(const std::string& name);
    static long priceOf(const CatalogProduct& product, const CatalogVariant& variant);
};

}  // namespace wix_sandbox
