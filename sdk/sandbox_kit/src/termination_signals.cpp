#include "estore/sandbox_kit/termination_signals.h"

#include <pthread.h>

namespace estore::sandbox_kit {

TerminationSignals::TerminationSignals() {
    sigemptyset(&_signals);
    sigaddset(&_signals, SIGINT);
    sigaddset(&_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

int TerminationSignals::wait() {
    int signal = 0;
    sigwait(&_signals, &signal);
    return signal;
}

}  // namespace estore::sandbox_kit
