#pragma once
// The wait a fault injects (a slow answer), cut short when the server stops, so stopping never waits for
// an injected delay to run out.
#include <condition_variable>
#include <mutex>

namespace estore::sandbox_kit {

class InterruptibleSleep {
public:
    /// Waits `milliseconds`, or less when interrupt() is called meanwhile (or was, since allow()).
    void sleep(int milliseconds);
    /// Ends every sleep now and makes new ones return at once (the server is stopping).
    void interrupt();
    /// Sleeps wait again (the server started again).
    void allow();

private:
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _interrupted = false;
};

}  // namespace estore::sandbox_kit
