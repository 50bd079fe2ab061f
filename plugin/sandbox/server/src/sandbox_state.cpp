#include "wix_sandbox/server/sandbox_state.h"

#include <Poco/String.h>

namespace wix_sandbox {

namespace {

void remember(std::vector<std::string>& order, const std::string& id) {
    for (const std::string& known : order)
        if (known == id) return;
    order.push_back(id);
}

}  // namespace

void SandboxState::putSite(SiteInfo site) {
    // GUIDs compare case-insensitively; Wix writes them in lower case, so store that form.
    site.siteId = Poco::toLower(site.siteId);
    std::lock_guard lock(_mutex);
    remember(_siteOrder, site.siteId);
    _sites[site.siteId] = std::move(site);
}

void SandboxState::putKey(ApiKeyInfo key) {
    for (std::string& siteId : key.siteIds) siteId = Poco::toLower(siteId);
    std::lock_guard lock(_mutex);
    remember(_keyOrder, key.key);
    _keys[key.key] = std::move(key);
}

bool SandboxState::revokeKey(const std::string& key) {
    std::lock_guard lock(_mutex);
    auto found = _keys.find(key);
    if (found == _keys.end()) return false;
    found->second.revoked = true;
    return true;
}

std::optional<SiteInfo> SandboxState::findSite(const std::string& siteId) const {
    std::lock_guard lock(_mutex);
    auto found = _sites.find(Poco::toLower(siteId));
    if (found == _sites.end()) return std::nullopt;
    return found->second;
}

std::optional<ApiKeyInfo> SandboxState::findKey(const std::string& key) const {
    std::lock_guard lock(_mutex);
    auto found = _keys.find(key);
    if (found == _keys.end()) return std::nullopt;
    return found->second;
}

std::vector<SiteInfo> SandboxState::sites() const {
    std::lock_guard lock(_mutex);
    std::vector<SiteInfo> result;
    for (const std::string& id : _siteOrder) result.push_back(_sites.at(id));
    return result;
}

std::vector<ApiKeyInfo> SandboxState::keys() const {
    std::lock_guard lock(_mutex);
    std::vector<ApiKeyInfo> result;
    for (const std::string& key : _keyOrder) result.push_back(_keys.at(key));
    return result;
}

}  // namespace wix_sandbox
