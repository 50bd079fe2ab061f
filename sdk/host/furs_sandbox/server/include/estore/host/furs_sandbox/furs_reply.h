#pragma once
#include <string>

namespace furs_sandbox {

/// What the sandbox answers one request with.
struct FursReply {
    static constexpr const char* kJson = "application/json; charset=UTF-8";
    static constexpr const char* kHtml = "text/html; charset=UTF-8";

    int status = 200;
    std::string contentType = kJson;
    std::string body;
    std::string outcome;              ///< for SandboxStats ("ok", "S003", "rejected" …)
    bool closeWithoutAnswer = false;  ///< lose_answer, down: no HTTP answer at all
};

}  // namespace furs_sandbox
