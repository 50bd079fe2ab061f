#pragma once

#include <string>

#include <Poco/URI.h>

namespace wix_sandbox {

/// Webhook targets are restricted to this machine: the sandbox runs inside tests and must never send
/// traffic elsewhere.
class LoopbackUrl {
public:
    /// The parsed URL; throws Poco::InvalidArgumentException unless it is http:// to 127.0.0.0/8, ::1
    /// or "localhost".
    static Poco::URI require(const std::string& url);

private:
    static bool loopbackHost(const std::string& host);
};

}  // namespace wix_sandbox
