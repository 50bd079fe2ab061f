#include "wix_sandbox/server/fault_injector.h"

#include <chrono>

namespace wix_sandbox {

void FaultInjector::add(const Fault& fault) {
    std::lock_guard lock(_mutex);
    _faults.push_back(fault);
}

void FaultInjector::clear() {
    std::lock_guard lock(_mutex);
    _faults.clear();
}

std::optional<Fault> FaultInjector::take(const std::string& method, const std::string& path) {
    std::lock_guard lock(_mutex);
    for (auto it = _faults.begin(); it != _faults.end(); ++it) {
        if (!matches(*it, method, path)) continue;
        Fault fault = *it;
        if (it->count > 0 && --it->count == 0) _faults.erase(it);
        return fault;
    }
    return std::nullopt;
}

bool FaultInjector::matches(const Fault& fault, const std::string& method, const std::string& path) {
    if (fault.count == 0) return false;
    if (!fault.method.empty() && fault.method != method) return false;
    return fault.path == "*" || path.compare(0, fault.path.size(), fault.path) == 0;
}

}  // namespace wix_sandbox
