#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "wix_sandbox/catalog/catalog_product.h"

namespace wix_sandbox {

/// What Sandbox::generateCatalog() mixes in. The defaults give a realistic shop; clean() turns every
/// quirk off so a test gets exactly N distinct, tracked, visible SKUs.
struct CatalogOptions {
    std::uint64_t seed = 0;  ///< 0 = derived from the sandbox seed and the site id
    std::string skuPrefix = "SKU-";
    bool variants = true;        ///< ~15 % of products with 2-4 managed variants (off: simple products only)
    bool untracked = true;       ///< ~3 % of products do not track quantity (in-stock flag only)
    bool emptySkus = true;       ///< ~1 % of variants without a SKU
    bool duplicateSkus = true;   ///< ~1 % of variants reuse another product's SKU (a copied product)
    bool hiddenProducts = true;  ///< ~2 % of products not visible (V1 needs includeHiddenProducts)
    bool negativeQuantities = true;  ///< V1 sites: a few oversold variants with quantity < 0

    /// Every quirk off (managed variants stay: each still has its own SKU).
    static CatalogOptions clean() {
        CatalogOptions options;
        options.untracked = options.emptySkus = options.duplicateSkus = false;
        options.hiddenProducts = options.negativeQuantities = false;
        return options;
    }
};

/// What a site's catalog holds after seeding or generating it.
struct CatalogSummary {
    std::size_t products = 0;
    std::size_t variants = 0;  ///< = inventory items (V3) = stock rows
    std::size_t distinctSkus = 0;
    std::size_t managedProducts = 0;
    std::size_t untrackedVariants = 0;
    std::size_t emptySkus = 0;
    std::size_t duplicateSkus = 0;  ///< variants whose non-empty SKU another product's variant also has
    std::size_t hiddenProducts = 0;
};

/// A catalog to put on a site (config file, control API): products given, or SKUs to generate.
struct CatalogSeed {
    std::string siteId;                    ///< "" = the default site
    std::vector<CatalogProduct> products;  ///< used when generateSkus < 0
    int generateSkus = -1;                 ///< >= 0: generate that many SKUs with `options`
    CatalogOptions options;
};

}  // namespace wix_sandbox
