#include "estore/sandbox_kit/interruptible_sleep.h"

#include <chrono>

namespace estore::sandbox_kit {

void InterruptibleSleep::sleep(int milliseconds) {
    std::unique_lock lock(_mutex);
    _wake.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return _interrupted; });
}

void InterruptibleSleep::interrupt() {
    {
        std::lock_guard lock(_mutex);
        _interrupted = true;
    }
    _wake.notify_all();
}

void InterruptibleSleep::allow() {
    std::lock_guard lock(_mutex);
    _interrupted = false;
}

}  // namespace estore::sandbox_kit
