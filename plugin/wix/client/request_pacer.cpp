#include "client/request_pacer.h"

#include <algorithm>
#include <thread>

namespace estore::wix {

RequestPacer::RequestPacer(CallPolicy policy)
    : _policy(policy),
      _tokens(policy.burst),
      _last(std::chrono::steady_clock::now()),
      _random(static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count())) {}

void RequestPacer::acquire() {
    if (_policy.requestsPerMinute <= 0) return;
    const double perMs = _policy.requestsPerMinute / 60000.0;
    auto now = std::chrono::steady_clock::now();
    _tokens = std::min<double>(
        _policy.burst, _tokens + std::chrono::duration<double, std::milli>(now - _last).count() * perMs);
    _last = now;
    if (_tokens < 1.0) {
        const auto wait = std::chrono::duration<double, std::milli>((1.0 - _tokens) / perMs);
        std::this_thread::sleep_for(wait);
        _tokens = 1.0;
        _last = std::chrono::steady_clock::now();
    }
    _tokens -= 1.0;
}

std::chrono::milliseconds RequestPacer::backOffDelay(int attempt) {
    const int shift = std::clamp(attempt - 1, 0, 20);
    const std::int64_t full =
        std::min<std::int64_t>(_policy.retryMaxMs, std::int64_t{_policy.retryBaseMs} << shift);
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    return std::chrono::milliseconds(static_cast<std::int64_t>(static_cast<double>(full) * jitter(_random)));
}

void RequestPacer::backOff(int attempt) {
    std::this_thread::sleep_for(backOffDelay(attempt));
}

}  // namespace estore::wix
