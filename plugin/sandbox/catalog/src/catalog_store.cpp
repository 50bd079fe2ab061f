#include "wix_sandbox/catalog/catalog_store.h"

#include <mutex>

#include <Poco/DateTimeFormatter.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace wix_sandbox {

void CatalogStore::replace(const std::string& siteId, SiteCatalog catalog) {
    std::unique_lock lock(_mutex);
    _sites[Poco::toLower(siteId)] = std::move(catalog);
}

void CatalogStore::read(const std::string& siteId,
                        const std::function<void(const SiteCatalog&)>& reader) const {
    static const SiteCatalog kEmpty;
    std::shared_lock lock(_mutex);
    auto found = _sites.find(Poco::toLower(siteId));
    reader(found == _sites.end() ? kEmpty : found->second);
}

void CatalogStore::write(const std::string& siteId, const std::function<void(SiteCatalog&)>& writer) {
    std::unique_lock lock(_mutex);
    writer(_sites[Poco::toLower(siteId)]);
}

void CatalogStore::clearFailures() {
    std::unique_lock lock(_mutex);
    for (auto& [siteId, catalog] : _sites) catalog.clearFailures();
}

std::string CatalogStore::now() {
    return Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%S.%iZ");
}

}  // namespace wix_sandbox
