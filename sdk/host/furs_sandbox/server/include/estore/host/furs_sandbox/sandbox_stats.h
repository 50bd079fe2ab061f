#pragma once
#include <map>
#include <string>

namespace furs_sandbox {

/// What the sandbox saw since start or the last reset (GET /_sandbox/stats).
struct SandboxStats {
    /// FURS request path → outcome → count. Outcomes: "ok", the error code ("S002" … "S008"),
    /// "no_client_certificate", "rejected" (wrong path or method), "error500", "malformed", "lose_answer",
    /// "down". Paths FURS does not have are counted as "other".
    std::map<std::string, std::map<std::string, int>> requests;
    std::map<std::string, int> faults;  ///< fault mode → times applied (connections included)
    int connectionsRefused = 0;         ///< connections closed before TLS by a "down" fault
};

}  // namespace furs_sandbox
