#pragma once

#include <list>
#include <mutex>
#include <optional>
#include <string>

#include "wix_sandbox/server/fault.h"

#include "estore/sandbox_kit/interruptible_sleep.h"

namespace wix_sandbox {

/// The queue of injected faults. Thread-safe; take() uses up one count of the first match.
class FaultInjector {
public:
    void add(const Fault& fault);
    void clear();
    std::optional<Fault> take(const std::string& method, const std::string& path);
    /// Sleeps for an injected latency; returns at once while sleeps are interrupted, so stopping the
    /// server never waits for a long fault delay.
    void sleep(int milliseconds) { _sleep.sleep(milliseconds); }
    void interruptSleeps() { _sleep.interrupt(); }
    void allowSleeps() { _sleep.allow(); }

private:
    static bool matches(const Fault& fault, const std::string& method, const std::string& path);

    std::mutex _mutex;
    estore::sandbox_kit::InterruptibleSleep _sleep;
    std::list<Fault> _faults;
};

}  // namespace wix_sandbox
