#pragma once

#include "wix_sandbox/core/wix_endpoint.h"

namespace wix_sandbox {

/// GET /stores/v3/provision/version (reference §3): which catalog API the site uses. Answers on sites
/// without Stores too (STORES_NOT_INSTALLED), which is why it is not marked needsStores.
class CatalogVersionEndpoint : public WixEndpoint {
public:
    CatalogVersionEndpoint();

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;
};

}  // namespace wix_sandbox
