#include "wix_sandbox/server/sandbox_server.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include "estore/sandbox_kit/server_connection.h"

namespace wix_sandbox {

namespace {

constexpr int kBacklog = 64;

bool wantsTls(const SandboxOptions& options) {
    return !options.tlsCertFile.empty() || !options.tlsKeyFile.empty();
}

}  // namespace

SandboxServer::SandboxServer(Poco::Net::HTTPRequestHandlerFactory::Ptr factory, const SandboxOptions& options)
    : _secure(wantsTls(options)), _threads(2, std::max(2, options.maxThreads)) {
    if (_secure) Poco::Net::initializeSSL();
    try {
        Poco::Net::ServerSocket socket = listen(options);
        _port = socket.address().port();
        _server = std::make_unique<Poco::Net::HTTPServer>(
            factory, _threads, socket, estore::sandbox_kit::serverParams(options.maxThreads));
        _server->start();
    } catch (...) {
        if (_secure) Poco::Net::uninitializeSSL();
        throw;
    }
}

SandboxServer::~SandboxServer() {
    // Abort kept-alive connections too, or stopping would wait for idle clients to time out.
    _server->stopAll(true);
    _server.reset();
    _threads.joinAll();
    if (_secure) Poco::Net::uninitializeSSL();
}

Poco::Net::ServerSocket SandboxServer::listen(const SandboxOptions& options) {
    // Only ever the configured address (127.0.0.1 by default): the emulator must not be reachable from
    // outside.
    const Poco::Net::SocketAddress address(options.bindAddress, options.port);
    if (!wantsTls(options)) return Poco::Net::ServerSocket(address, kBacklog);
    if (options.tlsCertFile.empty() || options.tlsKeyFile.empty())
        throw Poco::InvalidArgumentException("TLS needs both a certificate and a key file");
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tlsKeyFile, options.tlsCertFile,
                               "", Poco::Net::Context::VERIFY_NONE);
    return Poco::Net::SecureServerSocket(address, kBacklog, context);
}

}  // namespace wix_sandbox
