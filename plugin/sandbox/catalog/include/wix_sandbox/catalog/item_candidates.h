#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "wix_sandbox/catalog/catalog_filter.h"
#include "wix_sandbox/catalog/site_catalog.h"

namespace wix_sandbox {

/// The item positions (variants / V3 inventory items) an id-like filter condition points at, found
/// through the catalog's indexes instead of a scan; the filter itself is still checked on each.
class ItemCandidates {
public:
    /// From the first $eq / $in condition on one of the fields, named as the route names them
    /// (`itemIdField` "" = the route has none). nullopt = no such condition: every item is a candidate.
    static std::optional<std::vector<std::size_t>> of(const CatalogFilter& filter, const SiteCatalog& catalog,
                                                      const std::string& itemIdField,
                                                      const std::string& variantIdField,
                                                      const std::string& productIdField);
};

}  // namespace wix_sandbox
