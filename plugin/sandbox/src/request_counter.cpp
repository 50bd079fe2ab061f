#include "wix_sandbox/request_counter.h"

namespace wix_sandbox {

void RequestCounter::countRequest(const std::string& route) {
    std::lock_guard lock(_mutex);
    ++_stats.total;
    ++_stats.perRoute[route];
}

void RequestCounter::countStatus(int status) {
    std::lock_guard lock(_mutex);
    ++_stats.perStatus[status];
}

RequestStats RequestCounter::snapshot() const {
    std::lock_guard lock(_mutex);
    return _stats;
}

void RequestCounter::reset() {
    std::lock_guard lock(_mutex);
    _stats = RequestStats{};
}

}  // namespace wix_sandbox
