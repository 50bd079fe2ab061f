#pragma once

#include <string>
#include <utility>
#include <vector>

namespace wix_sandbox {

/// A complete HTTP answer, built by the routes and written by SandboxRequestHandler.
struct HttpReply {
    int status = 200;
    std::string body;
    std::string contentType = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace wix_sandbox
