#pragma once

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_options.h"
#include "wix_sandbox/catalog/catalog_product.h"
#include "wix_sandbox/catalog/stock_level.h"

namespace wix_sandbox {

/// The JSON forms of the catalog model for the control API and the config file (README "Catalogs").
/// Readers throw Poco::Exception on malformed input.
class CatalogSpecJson {
public:
    /// {"siteId"?, "products":[…]} or {"siteId"?, "skus":N, …options}.
    static CatalogSeed seedFromJson(const Poco::JSON::Object::Ptr& json);
    /// A product; without "variants" the product-level trackQuantity / quantity / inStock / revision
    /// describe its default variant.
    static CatalogProduct productFromJson(const Poco::JSON::Object::Ptr& json);
    static CatalogVariant variantFromJson(const Poco::JSON::Object::Ptr& json);
    /// {"seed","skuPrefix","variants","untracked","emptySkus","duplicateSkus","hiddenProducts",
    /// "negativeQuantities"}, on top of CatalogOptions::clean() when "clean" is true.
    static CatalogOptions optionsFromJson(const Poco::JSON::Object::Ptr& json);
    static Poco::JSON::Object::Ptr productToJson(const CatalogProduct& product);
    static Poco::JSON::Object::Ptr summaryToJson(const CatalogSummary& summary);
    static Poco::JSON::Object::Ptr stockToJson(const StockLevel& level);

private:
    static long centsOf(const Poco::Dynamic::Var& value);
};

}  // namespace wix_sandbox
