#include "wix_sandbox/server/access_guard.h"

#include <regex>

#include <Poco/String.h>

#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"

namespace wix_sandbox {

namespace {

bool isGuid(const std::string& text) {
    static const std::regex guid(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    return std::regex_match(text, guid);
}

[[noreturn]] void rejectHeader(const std::string& description, const std::string& rule) {
    throw WixFailure(
        WixErrors::validationError("wix-site-id " + description, "wix-site-id", description, rule));
}

}  // namespace

AccessGuard::AccessGuard(const SandboxState& state) : _state(state) {}

AccessGuard::Grant AccessGuard::authorize(const WixRequest& request) const {
    ApiKeyInfo key = authenticate(request);
    SiteInfo site = knownSite(validSiteId(request));
    requireSiteAccess(key, site);
    return Grant{std::move(key), std::move(site)};
}

void AccessGuard::requireScope(const ApiKeyInfo& key, const std::vector<std::string>& scopes) {
    for (const std::string& scope : scopes)
        if (key.hasPermission(scope)) return;
    throw WixFailure(WixErrors::forbidden("Permission denied: the API key lacks " + scopes.front()));
}

ApiKeyInfo AccessGuard::authenticate(const WixRequest& request) const {
    // The raw key is the whole header value (§1): "Bearer <key>" is just an unknown key.
    std::string value = Poco::trim(request.authorization.value_or(""));
    if (value.empty()) throw WixFailure(WixErrors::unauthenticated("Missing Authorization header"));
    std::optional<ApiKeyInfo> key = _state.findKey(value);
    if (!key || key->revoked) throw WixFailure(WixErrors::unauthenticated("Invalid or revoked API key"));
    return *key;
}

std::string AccessGuard::validSiteId(const WixRequest& request) {
    // Docs: send one of the two headers, not both (§1).
    if (request.siteId && request.accountId)
        rejectHeader("must not be sent together with wix-account-id", "ONE_OF");
    std::string siteId = Poco::trim(request.siteId.value_or(""));
    if (siteId.empty()) rejectHeader("header is required for site-level APIs", "REQUIRED_FIELD");
    if (!isGuid(siteId)) rejectHeader("must be a GUID", "FORMAT");
    return siteId;
}

SiteInfo AccessGuard::knownSite(const std::string& siteId) const {
    std::optional<SiteInfo> site = _state.findSite(siteId);
    if (!site) throw WixFailure(WixErrors::notFound());
    return *site;
}

void AccessGuard::requireSiteAccess(const ApiKeyInfo& key, const SiteInfo& site) {
    // Keys work only on their own account's sites, and then only on "all sites" or the chosen ones.
    if (key.accountId != site.accountId || !key.coversSite(site.siteId))
        throw WixFailure(WixErrors::forbidden("The API key has no access to site " + site.siteId));
}

}  // namespace wix_sandbox
