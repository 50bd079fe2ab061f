#include "estore/host/ui/admin_backends.h"

namespace estore::host {

AdminBackends::AdminBackends(std::string databaseLocation, HostConfig& config, std::size_t size)
    : _location(std::move(databaseLocation)), _config(config), _size(size < 1 ? 1 : size) {}

std::unique_ptr<AdminBackends::Lease> AdminBackends::borrow() {
    std::unique_lock<std::mutex> lock(_mutex);
    _returned.wait(lock, [this] { return !_idle.empty() || _opened < _size; });
    if (!_idle.empty()) {
        auto backend = std::move(_idle.back());
        _idle.pop_back();
        return std::make_unique<Lease>(*this, std::move(backend));
    }
    ++_opened;
    lock.unlock();
    try {
        return std::make_unique<Lease>(*this, std::make_unique<Backend>(_location, _config));
    } catch (...) {
        std::lock_guard<std::mutex> relock(_mutex);
        --_opened;
        _returned.notify_one();
        throw;
    }
}

void AdminBackends::giveBack(std::unique_ptr<Backend> backend) {
    std::lock_guard<std::mutex> lock(_mutex);
    // A connection that failed mid-request may be broken; Database reconnects on its next use.
    _idle.push_back(std::move(backend));
    _returned.notify_one();
}

}  // namespace estore::host
