#include "estore/host/furs_sandbox/fault_switch.h"

#include <chrono>
#include <stdexcept>

namespace furs_sandbox {

void FaultSwitch::set(const FursFault& fault) {
    if (fault.count < -1) throw std::invalid_argument("count must be -1 (until cleared) or more");
    if (fault.delayMs < 0) throw std::invalid_argument("delay_ms must not be negative");
    std::lock_guard lock(_mutex);
    _fault = fault;
    if (_fault->mode == FaultMode::Timeout && _fault->delayMs == 0)
        _fault->delayMs = FursFault::kDefaultTimeoutMs;
    if (_fault->count == 0) _fault.reset();
}

void FaultSwitch::clear() {
    std::lock_guard lock(_mutex);
    _fault.reset();
}

std::optional<FursFault> FaultSwitch::active() const {
    std::lock_guard lock(_mutex);
    return _fault;
}

std::optional<FursFault> FaultSwitch::takeForRequest() {
    std::lock_guard lock(_mutex);
    return takeLocked();
}

bool FaultSwitch::takeForConnection() {
    std::lock_guard lock(_mutex);
    if (!_fault || _fault->mode != FaultMode::Down) return false;
    return takeLocked().has_value();
}

std::optional<FursFault> FaultSwitch::takeLocked() {
    if (!_fault) return std::nullopt;
    const FursFault fault = *_fault;
    if (_fault->count > 0 && --_fault->count == 0) _fault.reset();
    return fault;
}

}  // namespace furs_sandbox
