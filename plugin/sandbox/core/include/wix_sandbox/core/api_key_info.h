#pragma once

#include <string>
#include <vector>

namespace wix_sandbox {

/// An API key as the Wix API Keys Manager creates it (reference §1, §4): a permission set and either
/// "all sites" or chosen sites, always within one account.
struct ApiKeyInfo {
    std::string key;  ///< the raw value sent in `Authorization`
    std::string accountId;
    bool revoked = false;
    bool allSites = false;             ///< "all sites" of the account (still not other accounts')
    std::vector<std::string> siteIds;  ///< used when allSites is false
    std::vector<std::string> permissions = fullPermissions();  ///< scope ids

    /// The scope set a key needs for everything the connector does, plus our own id
    /// SCOPE.SITE-PROPERTIES.READ for "Read site, business, and email details" and SCOPE.TIPS.MANAGE for
    /// "Manage Wix Tips" (Get Tip By Order ID's permission).
    static std::vector<std::string> fullPermissions();

    bool hasPermission(const std::string& scope) const;
    bool coversSite(const std::string& siteId) const;
};

}  // namespace wix_sandbox
