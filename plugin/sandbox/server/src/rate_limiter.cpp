#include "wix_sandbox/server/rate_limiter.h"

namespace wix_sandbox {

RateLimiter::RateLimiter(int limit, std::chrono::milliseconds window) : _limit(limit), _window(window) {}

bool RateLimiter::admit(const std::string& siteId) {
    if (_limit <= 0) return true;
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(_mutex);
    std::deque<Clock::time_point>& admitted = _admitted[siteId];
    while (!admitted.empty() && now - admitted.front() >= _window) admitted.pop_front();
    if (admitted.size() >= static_cast<std::size_t>(_limit)) return false;
    admitted.push_back(now);
    return true;
}

}  // namespace wix_sandbox
