#include "wix_sandbox/catalog/catalog_version_endpoint.h"

namespace wix_sandbox {

namespace {

const char* versionName(CatalogVersion version) {
    switch (version) {
        case CatalogVersion::V1: return "V1_CATALOG";
        case CatalogVersion::V3: return "V3_CATALOG";
        case CatalogVersion::None: break;
    }
    return "STORES_NOT_INSTALLED";
}

}  // namespace

CatalogVersionEndpoint::CatalogVersionEndpoint()
    : WixEndpoint(EndpointSpec{"GET",
                               "/stores/v3/provision/version",
                               {"SCOPE.STORES.CATALOG_READ_LIMITED"},
                               false,
                               std::nullopt}) {}

HttpReply CatalogVersionEndpoint::handle(const WixRequest&, const SiteInfo& site) {
    return HttpReply{200,
                     std::string("{\"catalogVersion\":\"") + versionName(site.catalogVersion) + "\"}",
                     "application/json",
                     {}};
}

}  // namespace wix_sandbox
