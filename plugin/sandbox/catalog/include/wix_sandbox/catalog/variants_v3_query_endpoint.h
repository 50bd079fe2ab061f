#pragma once

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v3/products/query-variants (reference §6, Read-Only Variants), Catalog V3 sites only:
/// every variant with its SKU, filter on productData.productId and id, cursor paging up to 1,000.
class VariantsV3QueryEndpoint : public WixEndpoint {
public:
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 1000;

    explicit VariantsV3QueryEndpoint(const CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const CatalogStore& _catalog;
};

}  // namespace wix_sandbox
