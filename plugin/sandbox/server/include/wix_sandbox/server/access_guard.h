#pragma once

#include <string>
#include <vector>

#include "wix_sandbox/core/api_key_info.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/core/wix_request.h"
#include "wix_sandbox/server/sandbox_state.h"

namespace wix_sandbox {

/// Wix's API-key checks for site-level calls (reference §1, §2), in this order: key (401), site headers
/// (400), site existence (404), key's account and site list (403). Failures throw WixFailure.
class AccessGuard {
public:
    struct Grant {
        ApiKeyInfo key;
        SiteInfo site;
    };

    explicit AccessGuard(const SandboxState& state);

    Grant authorize(const WixRequest& request) const;
    /// 403 unless the key holds one of the scopes.
    static void requireScope(const ApiKeyInfo& key, const std::vector<std::string>& scopes);

private:
    ApiKeyInfo authenticate(const WixRequest& request) const;
    static std::string validSiteId(const WixRequest& request);
    SiteInfo knownSite(const std::string& siteId) const;
    static void requireSiteAccess(const ApiKeyInfo& key, const SiteInfo& site);

    const SandboxState& _state;
};

}  // namespace wix_sandbox
