#pragma once

#include <memory>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include "wix_sandbox/server/sandbox_options.h"

namespace wix_sandbox {

/// The listening side: a Poco HTTPServer on the configured address only, plain or TLS (SecureServerSocket
/// with the given PEM certificate and key).
class SandboxServer {
public:
    SandboxServer(Poco::Net::HTTPRequestHandlerFactory::Ptr factory, const SandboxOptions& options);
    ~SandboxServer();
    SandboxServer(const SandboxServer&) = delete;
    SandboxServer& operator=(const SandboxServer&) = delete;

    unsigned short port() const { return _port; }
    bool secure() const { return _secure; }

private:
    static Poco::Net::ServerSocket listen(const SandboxOptions& options);

    bool _secure;
    Poco::ThreadPool _threads;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    unsigned short _port = 0;
};

}  // namespace wix_sandbox
