#pragma once
// The listening side: TLS 1.2+ on a loopback address with the sandbox's server certificate, asking every
// client for a certificate and verifying one that is sent against the sandbox CA [SPEC32 §2: two-way
// TLS; §6.2: the 2026 cipher list]. An expired client certificate passes TLS so the service can answer
// S008 as SPEC32 §4 describes; a foreign one fails the handshake.
#include <memory>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/SharedPtr.h>
#include <Poco/ThreadPool.h>

#include "estore/host/furs_sandbox/fault_switch.h"
#include "estore/host/furs_sandbox/furs_handler_factory.h"
#include "estore/host/furs_sandbox/furs_sandbox_options.h"
#include "estore/host/furs_sandbox/request_counter.h"
#include "estore/host/furs_sandbox/sandbox_pki.h"

namespace furs_sandbox {

class FursServer {
public:
    FursServer(Poco::SharedPtr<FursHandlerFactory> handlers, FaultSwitch& faults, RequestCounter& counter,
               const SandboxPki& pki, const FursSandboxOptions& options);
    ~FursServer();
    FursServer(const FursServer&) = delete;
    FursServer& operator=(const FursServer&) = delete;

    unsigned short port() const { return _port; }

    /// Whether `address` is loopback: 127.0.0.0/8, ::1 or "localhost".
    static bool isLoopback(const std::string& address);

private:
    static Poco::Net::ServerSocket listen(const SandboxPki& pki, const FursSandboxOptions& options);

    Poco::ThreadPool _threads;
    Poco::SharedPtr<FursHandlerFactory> _handlers;
    std::unique_ptr<Poco::Net::TCPServer> _server;
    unsigned short _port = 0;
};

}  // namespace furs_sandbox
