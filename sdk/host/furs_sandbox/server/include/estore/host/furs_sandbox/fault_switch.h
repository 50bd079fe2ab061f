#pragma once
#include <mutex>
#include <optional>

#include "estore/host/furs_sandbox/furs_fault.h"

#include "estore/sandbox_kit/interruptible_sleep.h"

namespace furs_sandbox {

/// The one active fault (setting another replaces it) and its remaining count. Thread-safe.
class FaultSwitch {
public:
    /// Activates `fault`; a count of 0 clears. Throws std::invalid_argument for a count below -1 or a
    /// negative delay.
    void set(const FursFault& fault);
    void clear();
    std::optional<FursFault> active() const;

    /// The fault for a FURS request, using up one of its count.
    std::optional<FursFault> takeForRequest();
    /// Whether a new connection is to be closed at once: a Down fault, using up one of its count.
    bool takeForConnection();

    /// Sleeps for a fault's delay; returns at once while sleeps are interrupted, so stopping the server
    /// never waits out a long delay.
    void sleep(int milliseconds) { _sleep.sleep(milliseconds); }
    void interruptSleeps() { _sleep.interrupt(); }
    void allowSleeps() { _sleep.allow(); }

private:
    std::optional<FursFault> takeLocked();

    mutable std::mutex _mutex;
    estore::sandbox_kit::InterruptibleSleep _sleep;
    std::optional<FursFault> _fault;
};

}  // namespace furs_sandbox
