#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace wix_sandbox {

/// Sliding-window limit per site (reference §10: 200 requests/minute). Only admitted requests use up
/// the window, so a client that backs off recovers once the window has moved on.
class RateLimiter {
public:
    /// limit 0 = unlimited.
    RateLimiter(int limit, std::chrono::milliseconds window);

    bool admit(const std::string& siteId);

private:
    using Clock = std::chrono::steady_clock;

    int _limit;
    std::chrono::milliseconds _window;
    std::mutex _mutex;
    std::map<std::string, std::deque<Clock::time_point>> _admitted;
};

}  // namespace wix_sandbox
