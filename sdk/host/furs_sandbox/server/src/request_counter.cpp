#include "estore/host/furs_sandbox/request_counter.h"

namespace furs_sandbox {

void RequestCounter::countRequest(const std::string& path, const std::string& outcome) {
    std::lock_guard lock(_mutex);
    ++_stats.requests[path][outcome];
}

void RequestCounter::countFault(const std::string& mode) {
    std::lock_guard lock(_mutex);
    ++_stats.faults[mode];
}

void RequestCounter::countRefusedConnection() {
    std::lock_guard lock(_mutex);
    ++_stats.connectionsRefused;
    ++_stats.faults["down"];
}

SandboxStats RequestCounter::snapshot() const {
    std::lock_guard lock(_mutex);
    return _stats;
}

void RequestCounter::reset() {
    std::lock_guard lock(_mutex);
    _stats = SandboxStats{};
}

}  // namespace furs_sandbox
