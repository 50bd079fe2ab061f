#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/site_info.h"

namespace wix_sandbox {

/// The sites and API keys the sandbox knows. Thread-safe: routes read it while the control API writes.
class SandboxState {
public:
    /// Creates or replaces the site with the same (case-insensitive) id.
    void putSite(SiteInfo site);
    /// Creates or replaces the key with the same value.
    void putKey(ApiKeyInfo key);
    /// Returns false when the key is unknown.
    bool revokeKey(const std::string& key);

    std::optional<SiteInfo> findSite(const std::string& siteId) const;
    std::optional<ApiKeyInfo> findKey(const std::string& key) const;
    std::vector<SiteInfo> sites() const;
    std::vector<ApiKeyInfo> keys() const;

private:
    mutable std::mutex _mutex;
    std::map<std::string, SiteInfo> _sites;  // by lower-case site id
    std::map<std::string, ApiKeyInfo> _keys;
    std::vector<std::string> _siteOrder;  // insertion order, so the state listing is stable
    std::vector<std::string> _keyOrder;
};

}  // namespace wix_sandbox
