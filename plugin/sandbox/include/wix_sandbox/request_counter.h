#pragma once

#include <mutex>
#include <string>

#include "wix_sandbox/request_stats.h"

namespace wix_sandbox {

/// Thread-safe counters behind Sandbox::stats(), for tests that assert how many calls a client made.
class RequestCounter {
public:
    void countRequest(const std::string& route);
    void countStatus(int status);
    RequestStats snapshot() const;
    void reset();

private:
    mutable std::mutex _mutex;
    RequestStats _stats;
};

}  // namespace wix_sandbox
