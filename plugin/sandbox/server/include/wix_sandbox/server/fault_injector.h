#pragma once

#include <condition_variable>
#include <list>
#include <mutex>
#include <optional>
#include <string>

#include "wix_sandbox/server/fault.h"

namespace wix_sandbox {

/// The queue of injected faults. Thread-safe; take() uses up one count of the first match.
class FaultInjector {
public:
    void add(const Fault& fault);
    void clear();
    std::optional<Fault> take(const std::string& method, const std::string& path);
    /// Sleeps for an injected latency; returns at once while sleeps are interrupted, so stopping the
    /// server never waits for a long fault delay.
    void sleep(int milliseconds);
    void interruptSleeps();
    void allowSleeps();

private:
    static bool matches(const Fault& fault, const std::string& method, const std::string& path);

    std::mutex _mutex;
    std::condition_variable _wake;
    bool _interrupted = false;
    std::list<Fault> _faults;
};

}  // namespace wix_sandbox
