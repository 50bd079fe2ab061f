#pragma once
// Keeps one job's calls within Wix's budget (200 requests a minute per site, reference §10) and spaces
// retries with exponential back-off and jitter. It sleeps on the calling thread; it starts none.
#include <chrono>
#include <cstdint>
#include <random>

namespace estore::wix {

struct CallPolicy {
    int maxAttempts = 1;        ///< 1: no retries (validation, where a person waits for the answer)
    int retryBaseMs = 1000;     ///< first back-off; doubles each attempt
    int retryMaxMs = 30000;     ///< cap of one back-off
    int requestsPerMinute = 0;  ///< 0: unpaced
    int burst = 10;             ///< requests allowed at once before pacing starts
};

class RequestPacer {
public:
    explicit RequestPacer(CallPolicy policy);

    /// Waits until one more request fits the budget.
    void acquire();
    /// Waits before retry number `attempt` (1 = first retry): base × 2^(attempt−1), capped, with ±50 %
    /// jitter.
    void backOff(int attempt);
    /// The back-off acquire/backOff would wait, without waiting (for tests).
    std::chrono::milliseconds backOffDelay(int attempt);

    const CallPolicy& policy() const { return _policy; }

private:
    CallPolicy _policy;
    double _tokens;
    std::chrono::steady_clock::time_point _last;
    std::minstd_rand _random;
};

}  // namespace estore::wix
