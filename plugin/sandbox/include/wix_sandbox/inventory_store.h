#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace wix_sandbox {

/// Inventory items per site, as serialised JSON. Stock is a later issue: nothing fills it yet, so every
/// site's inventory is empty, but the inventory routes already read through this seam.
class InventoryStore {
public:
    void put(const std::string& siteId, std::string itemJson);
    std::vector<std::string> items(const std::string& siteId) const;

private:
    mutable std::mutex _mutex;
    std::map<std::string, std::vector<std::string>> _items;
};

}  // namespace wix_sandbox
