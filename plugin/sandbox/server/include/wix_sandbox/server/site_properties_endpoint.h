#pragma once

#include "wix_sandbox/core/wix_endpoint.h"

#include <Poco/JSON/Object.h>

namespace wix_sandbox {

/// GET /site-properties/v4/properties (reference §3): the cheap credential check. `fields.paths`
/// repeats and selects top-level or dotted paths; without it every known property is returned.
class SitePropertiesEndpoint : public WixEndpoint {
public:
    SitePropertiesEndpoint();

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    static Poco::JSON::Object::Ptr allProperties(const SiteInfo& site);
    static void copyPath(const Poco::JSON::Object::Ptr& from, Poco::JSON::Object::Ptr to,
                         const std::string& path);
};

}  // namespace wix_sandbox
