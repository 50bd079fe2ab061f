#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wix_sandbox/core/http_reply.h"
#include "wix_sandbox/core/site_info.h"
#include "wix_sandbox/core/wix_request.h"

namespace wix_sandbox {

/// How WixApi guards a route before its handler runs.
struct EndpointSpec {
    std::string method;
    std::string path;                       ///< exact, or ending in "/{id}": one more non-empty path segment
    std::vector<std::string> scopes;        ///< any one of them grants access
    bool needsStores = false;               ///< 428 REQUIRED_APP_NOT_INSTALLED on sites without Stores
    std::optional<CatalogVersion> catalog;  ///< 428 wrong-catalog on sites of the other version
};

/// One Wix route. Handlers may throw WixFailure for 4xx answers.
class WixEndpoint {
public:
    explicit WixEndpoint(EndpointSpec spec) : _spec(std::move(spec)) {}
    virtual ~WixEndpoint() = default;
    WixEndpoint(const WixEndpoint&) = delete;
    WixEndpoint& operator=(const WixEndpoint&) = delete;

    const EndpointSpec& spec() const { return _spec; }
    bool isTemplate() const;
    /// The path is this route's (for a template: its prefix plus one segment).
    bool matchesPath(const std::string& path) const;
    /// The last path segment: the {id} of a template route.
    static std::string lastSegment(const std::string& path);
    virtual HttpReply handle(const WixRequest& request, const SiteInfo& site) = 0;

private:
    EndpointSpec _spec;
};

}  // namespace wix_sandbox
