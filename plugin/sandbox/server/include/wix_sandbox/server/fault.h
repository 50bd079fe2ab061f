#pragma once

#include <string>

namespace wix_sandbox {

/// A failure to inject in front of the Wix routes (not the control API). The first active fault whose
/// method and path prefix match a request is applied, and its count is used up.
struct Fault {
    std::string path = "*";  ///< path prefix, or "*" for every Wix route
    std::string method;      ///< empty = any method
    int status = 0;          ///< 0 = answer normally (after latencyMs), otherwise this status
    std::string body;        ///< empty = the Wix body usual for that status (§2)
    std::string contentType = "application/json";
    int count = 1;      ///< matching requests to affect; -1 = until cleared
    int latencyMs = 0;  ///< delay before answering (or before dropping)
    bool drop = false;  ///< close the connection without any HTTP answer
};

}  // namespace wix_sandbox
