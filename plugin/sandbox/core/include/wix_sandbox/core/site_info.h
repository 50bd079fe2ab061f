#pragma once

#include <string>

namespace wix_sandbox {

/// Which Stores catalog a site runs (reference §3, §6): fixed per site, decides the API family.
enum class CatalogVersion { V1, V3, None };

/// One Wix site ("metaSite"). Besides what the connector needs (name, currency, catalog, tax mode)
/// it carries the business details that Site Properties returns.
struct SiteInfo {
    std::string siteId;     ///< lower-case GUID, the `wix-site-id` header value
    std::string accountId;  ///< owner account; API keys only work on sites of their own account
    std::string businessName;
    std::string currency = "EUR";
    CatalogVersion catalogVersion = CatalogVersion::V3;
    bool taxIncludedInPrices = true;
    std::string email;
    std::string phone;
    std::string street;
    std::string city;
    std::string postalCode;
    std::string country = "SI";  ///< ISO 3166-1 alpha-2
    std::string language = "sl";
    std::string timeZone = "Europe/Ljubljana";
    int propertiesVersion = 1;  ///< Site Properties `version`, a counter Wix bumps on each edit
};

}  // namespace wix_sandbox
