#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wix_sandbox {

/// What the Wix routes need of an HTTP request, detached from Poco's server types so the routing and
/// auth logic can be exercised without sockets.
struct WixRequest {
    std::string method;
    std::string path;
    std::vector<std::pair<std::string, std::string>> query;  ///< decoded, repeats kept (field masks)
    std::optional<std::string> authorization;
    std::optional<std::string> siteId;     ///< `wix-site-id`
    std::optional<std::string> accountId;  ///< `wix-account-id`
    std::string body;
};

}  // namespace wix_sandbox
