#include "wix_sandbox/inventory_store.h"

namespace wix_sandbox {

void InventoryStore::put(const std::string& siteId, std::string itemJson) {
    std::lock_guard lock(_mutex);
    _items[siteId].push_back(std::move(itemJson));
}

std::vector<std::string> InventoryStore::items(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _items.find(siteId);
    return found == _items.end() ? std::vector<std::string>{} : found->second;
}

}  // namespace wix_sandbox
