#pragma once
// A local stand-in server's main thread: SIGINT and SIGTERM are blocked before any server thread exists,
// so every thread inherits the mask and wait() takes the signal instead of the default action ending the
// process mid-request; SIGPIPE is ignored, so a client hanging up mid-answer fails that one exchange only.
#include <csignal>

namespace estore::sandbox_kit {

class TerminationSignals {
public:
    TerminationSignals();
    /// Blocks until SIGINT or SIGTERM arrives; returns it.
    int wait();

private:
    sigset_t _signals;
};

}  // namespace estore::sandbox_kit
