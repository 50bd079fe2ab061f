#include "estore/host/furs_sandbox/furs_server.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <algorithm>
#include <stdexcept>

#include "estore/host/furs_sandbox/furs_connection_factory.h"
#include "estore/sandbox_kit/server_connection.h"

namespace furs_sandbox {

namespace {

constexpr int kBacklog = 64;

// SPEC32 §6.2.1, FURS's TLS 1.2 suites from April 2026 (RSA key exchange, CBC-SHA1 and 3DES gone); the
// TLS 1.3 suites are OpenSSL's defaults, which are the ones FURS lists.
constexpr const char* kCiphers =
    "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-SHA384:"
    "ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-CCM:"
    "DHE-RSA-AES256-CCM";

}  // namespace

FursServer::FursServer(Poco::SharedPtr<FursHandlerFactory> handlers, FaultSwitch& faults,
                       RequestCounter& counter, const SandboxPki& pki, const FursSandboxOptions& options)
    : _threads(2, std::max(2, options.maxThreads)), _handlers(std::move(handlers)) {
    Poco::Net::initializeSSL();
    try {
        Poco::Net::ServerSocket socket = listen(pki, options);
        _port = socket.address().port();
        Poco::Net::HTTPServerParams::Ptr serverParams = estore::sandbox_kit::serverParams(options.maxThreads);
        _server = std::make_unique<Poco::Net::TCPServer>(
            new FursConnectionFactory(serverParams, _handlers, faults, counter), _threads, socket,
            serverParams);
        _server->start();
    } catch (...) {
        Poco::Net::uninitializeSSL();
        throw;
    }
}

FursServer::~FursServer() {
    _server->stop();
    // Abort kept-alive connections too, or stopping would wait for idle clients to time out.
    _handlers->stopConnections(true);
    _server.reset();
    _threads.joinAll();
    Poco::Net::uninitializeSSL();
}

bool FursServer::isLoopback(const std::string& address) {
    if (address == "localhost") return true;
    Poco::Net::IPAddress ip;
    return Poco::Net::IPAddress::tryParse(address, ip) && ip.isLoopback();
}

Poco::Net::ServerSocket FursServer::listen(const SandboxPki& pki, const FursSandboxOptions& options) {
    Poco::Net::Context::Params tls;
    tls.privateKeyFile = pki.serverKeyFile().string();
    tls.certificateFile = pki.serverCertificateFile().string();
    tls.caLocation = pki.caFile().string();
    // VERIFY_RELAXED: ask for a client certificate and refuse the handshake when one does not verify, but
    // let a client without one through, so the control paths work and FURS paths can answer 401.
    tls.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    tls.verificationDepth = 4;
    tls.loadDefaultCAs = false;
    tls.cipherList = kCiphers;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, tls);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);  // SPEC32 §2: TLS 1.0/1.1 are off
    SSL_CTX* ssl = context->sslContext();
    // Name the sandbox CA in the CertificateRequest, so a client holding several certificates picks ours.
    SSL_CTX_set_client_CA_list(ssl, SSL_load_client_CA_file(tls.caLocation.c_str()));
    // Validity is the service's check (S008), not the handshake's.
    X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(ssl), X509_V_FLAG_NO_CHECK_TIME);
    const Poco::Net::SocketAddress address(options.bindAddress, options.port);
    return Poco::Net::SecureServerSocket(address, kBacklog, context);
}

}  // namespace furs_sandbox
