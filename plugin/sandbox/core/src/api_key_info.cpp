#include "wix_sandbox/core/api_key_info.h"

#include <algorithm>

namespace wix_sandbox {

std::vector<std::string> ApiKeyInfo::fullPermissions() {
    return {"SCOPE.DC-STORES.READ-ORDERS",
            "SCOPE.STORES.CATALOG_READ_LIMITED",
            "SCOPE.DC-STORES.READ-PRODUCTS",
            "SCOPE.DC-STORES.MANAGE-PRODUCTS",
            "SCOPE.STORES.INVENTORY_ITEM_READ",
            "SCOPE.STORES.INVENTORY_ITEM_WRITE",
            "SCOPE.STORES.PRODUCT_READ",
            "SCOPE.SITE-PROPERTIES.READ",
            "SCOPE.TIPS.MANAGE"};
}

bool ApiKeyInfo::hasPermission(const std::string& scope) const {
    return std::find(permissions.begin(), permissions.end(), scope) != permissions.end();
}

bool ApiKeyInfo::coversSite(const std::string& siteId) const {
    return allSites || std::find(siteIds.begin(), siteIds.end(), siteId) != siteIds.end();
}

}  // namespace wix_sandbox
