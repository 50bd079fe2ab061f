#pragma once
#include <mutex>
#include <string>

#include "estore/host/furs_sandbox/sandbox_stats.h"

namespace furs_sandbox {

/// Counts what SandboxStats shows. Thread-safe.
class RequestCounter {
public:
    void countRequest(const std::string& path, const std::string& outcome);
    void countFault(const std::string& mode);
    void countRefusedConnection();
    SandboxStats snapshot() const;
    void reset();

private:
    mutable std::mutex _mutex;
    SandboxStats _stats;
};

}  // namespace furs_sandbox
