#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "wix_sandbox/catalog/catalog_options.h"
#include "wix_sandbox/catalog/catalog_product.h"
#include "wix_sandbox/core/deterministic_random.h"
#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

/// Makes Stores catalogs: a generated Slovenian shop range of N SKUs, and the completion of a catalog a
/// test specifies by hand (ids, numericIds, dates and default variants it leaves out).
class CatalogGenerator {
public:
    /// numericIds are assigned above this (Wix's doc example crawls from "$gt":"1600000000000000").
    static constexpr std::int64_t kNumericIdBase = 1600000000000000;
    /// Catalogs smaller than this get no quirks (a tiny test catalog stays predictable).
    static constexpr int kQuirkMinimum = 20;

    /// `skuCount` variants (stock rows) over as many products as that takes: mostly simple products, some
    /// with 2-4 managed variants, plus the quirks `options` enables. Variant n (1-based, catalog order)
    /// has SKU skuPrefix + n with six digits ("SKU-000001") unless a quirk emptied or copied it; managed
    /// products carry a product-level SKU of their own (skuPrefix + "P" + product number), which no variant
    /// has. Depends on (skuCount, options, seed, version) alone; the result still needs complete().
    static std::vector<CatalogProduct> generate(int skuCount, const CatalogOptions& options,
                                                std::uint64_t seed, CatalogVersion version);
    /// Fills in ids, numericIds (increasing after the largest given), dates, the default variant of simple
    /// products and their SKU, and checks the rest. Throws Poco::InvalidArgumentException (several
    /// variants without manageVariants, managed products without variants, a bad numericId, …); duplicate
    /// ids are found when the SiteCatalog is built.
    static void complete(std::vector<CatalogProduct>& products, DeterministicRandom& random,
                         const std::string& now);
    /// The generator seed for a site when the options give none: the sandbox seed mixed with the site id.
    static std::uint64_t seedFor(unsigned sandboxSeed, const std::string& siteId);
    /// The site's one V3 inventory location, stable per site.
    static std::string locationIdFor(const std::string& siteId);

private:
    static CatalogProduct makeProduct(DeterministicRandom& random, const CatalogOptions& options,
                                      std::size_t index, std::size_t firstRow, std::size_t remaining);
    static void addQuirks(std::vector<CatalogProduct>& products, DeterministicRandom& random,
                          const CatalogOptions& options, CatalogVersion version);
    static void completeProduct(CatalogProduct& product, std::size_t index, DeterministicRandom& random,
                                const std::string& now);
};

}  // namespace wix_sandbox
