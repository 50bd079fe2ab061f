#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wix_sandbox/http_reply.h"
#include "wix_sandbox/site_info.h"
#include "wix_sandbox/wix_request.h"

namespace wix_sandbox {

/// How WixApi guards a route before its handler runs.
struct EndpointSpec {
    std::string method;
    std::string path;
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
    virtual HttpReply handle(const WixRequest& request, const SiteInfo& site) = 0;

private:
    EndpointSpec _spec;
};

}  // namespace wix_sandbox
