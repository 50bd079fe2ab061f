#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/catalog/catalog_options.h"
#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

/// What a --config file adds to (or, with "seedShop": false, puts instead of) the seeded shop.
struct ShopConfig {
    bool seedShop = true;
    std::vector<SiteInfo> sites;
    std::vector<ApiKeyInfo> keys;
    std::vector<std::pair<std::string, int>> generatedOrders;  ///< siteId, how many to generate
    std::vector<std::pair<std::string, std::string>> orders;   ///< siteId, order JSON given verbatim
    std::vector<CatalogSeed> catalogs;                         ///< a site's "catalog" (products or skus)
};

/// Reads the JSON config file (format in README.md). Throws Poco::Exception with the file name on errors.
class ConfigLoader {
public:
    static ShopConfig load(const std::string& file);
    static ShopConfig parse(const Poco::JSON::Object::Ptr& root);

private:
    static void readSite(const Poco::JSON::Object::Ptr& json, ShopConfig& config);
};

}  // namespace wix_sandbox
