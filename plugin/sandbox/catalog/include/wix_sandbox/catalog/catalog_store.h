#pragma once

#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>

#include "wix_sandbox/catalog/site_catalog.h"

namespace wix_sandbox {

/// Every site's catalog (products, variants, stock). Thread-safe: routes read under a shared lock and
/// write (stock updates) under an exclusive one; a site without a catalog reads as an empty one.
class CatalogStore {
public:
    /// Puts a new catalog in place of the site's old one (pending injected failures go with it).
    void replace(const std::string& siteId, SiteCatalog catalog);
    /// Runs `reader` under the shared lock. Keep it short: take product pointers, render afterwards.
    void read(const std::string& siteId, const std::function<void(const SiteCatalog&)>& reader) const;
    /// Runs `writer` under the exclusive lock, so a bulk update is atomic towards readers.
    void write(const std::string& siteId, const std::function<void(SiteCatalog&)>& writer);
    /// Drops the injected bulk-update failures of every site.
    void clearFailures();
    /// "Now" as Wix writes dates: UTC with milliseconds ("2025-03-03T10:00:00.000Z").
    static std::string now();

private:
    mutable std::shared_mutex _mutex;
    std::map<std::string, SiteCatalog> _sites;  // by lower-case site id
};

}  // namespace wix_sandbox
