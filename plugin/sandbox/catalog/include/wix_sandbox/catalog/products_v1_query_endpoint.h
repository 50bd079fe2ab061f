#pragma once

#include <string>

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v1/products/query and its read-only alias /stores-reader/v1/products/query (reference
/// §5), Catalog V1 sites only: JSON-string filter (numericId, id, sku, …) and sort (numericId), offset
/// paging of at most 100 that ends at 10,000 items, variants with includeVariants, hidden products with
/// includeHiddenProducts.
class ProductsV1QueryEndpoint : public WixEndpoint {
public:
    static constexpr int kMaxLimit = 100;
    static constexpr int kOffsetCeiling = 10000;
    static constexpr const char* kPath = "/stores/v1/products/query";
    static constexpr const char* kReaderPath = "/stores-reader/v1/products/query";

    ProductsV1QueryEndpoint(const CatalogStore& catalog, const std::string& path);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const CatalogStore& _catalog;
};

}  // namespace wix_sandbox
