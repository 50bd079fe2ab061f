#pragma once
#include <string>

namespace furs_sandbox {

struct FursSandboxOptions {
    /// Loopback only (127.0.0.0/8, ::1, "localhost"): the sandbox hands out certificates and their keys to
    /// anyone who asks, so it must not be reachable from other machines. Anything else is refused.
    std::string bindAddress = "127.0.0.1";
    unsigned short port = 0;  ///< 0 = any free port (see FursSandbox::port())
    std::string stateDir;     ///< required: the PKI and the ledger journal live here
    int maxThreads = 16;
    bool keepLedger = true;  ///< journal premises and invoices in <stateDir>/ledger.jsonl and replay them
};

}  // namespace furs_sandbox
