#pragma once
#include <string>

namespace furs_sandbox {

/// The HTML pages clients meet instead of JSON (furs-protocol.md §4: "handle non-JSON bodies").
class HtmlPages {
public:
    /// The web application firewall's block page FURS answers a wrong URL or a blocked request with
    /// (python-furs-fiscal issue #18); sent with HTTP 200.
    static std::string requestRejected();
    static std::string serverError();
    /// What a client that sent no certificate gets, as a TLS-terminating proxy answers it.
    static std::string noClientCertificate();
};

}  // namespace furs_sandbox
