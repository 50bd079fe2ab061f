#pragma once

#include "wix_sandbox/catalog/catalog_store.h"
#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// POST /stores/v3/products/query (reference §6), Catalog V3 sites only: object filter on id, slug,
/// visible, createdDate, updatedDate; cursor paging up to 100; no variants, no total; prices as strings.
class ProductsV3QueryEndpoint : public WixEndpoint {
public:
    static constexpr int kMaxLimit = 100;

    explicit ProductsV3QueryEndpoint(const CatalogStore& catalog);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    const CatalogStore& _catalog;
};

}  // namespace wix_sandbox
