#include "estore/host/webhooks/webhook_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace estore::host {

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    Handler(WebhookEndpoint& endpoint, ConnectionGuard& guard) : _endpoint(endpoint), _guard(guard) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
        if (impl) _guard.beginRequest(impl->socket());
        // While the server stops, a connection takes no request after this one.
        if (_guard.stopping()) response.setKeepAlive(false);
        _endpoint.handle(request, response);
        // Answered: a kept-alive connection's next request has a deadline of its own.
        if (impl) _guard.endRequest(impl->socket());
    }

private:
    WebhookEndpoint& _endpoint;
    ConnectionGuard& _guard;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    HandlerFactory(WebhookEndpoint& endpoint, ConnectionGuard& guard) : _endpoint(endpoint), _guard(guard) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_endpoint, _guard);
    }

private:
    WebhookEndpoint& _endpoint;
    ConnectionGuard& _guard;
};

WebhookIntakeOptions intakeOptions(const std::string& databaseLocation, const WebhookServerOptions& options) {
    WebhookIntakeOptions intake;
    intake.journalBase = WebhookJournal::baseFor(databaseLocation, options.journalDir);
    intake.tokenCheck = options.tokenCheck;
    return intake;
}

}  // namespace

WebhookServer::WebhookServer(const std::string& databaseLocation, WebhookServerOptions options)
    : _options(std::move(options)),
      _db(databaseLocation),
      _intake(_db, intakeOptions(databaseLocation, _options)),
      _endpoint(_intake, _options.maxBytes),
      _guard(_options.limits) {}

WebhookServer::~WebhookServer() {
    stop();
}

void WebhookServer::start() {
    _intake.start();
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(_options.bind, _options.port), 256);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    // One thread per admitted connection; the guard answers the rest 503 at once, so the queue only holds
    // connections for the moment it takes to admit or refuse them.
    params->setMaxThreads(_options.limits.maxConnections);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    // The longest silence while a request is read (the header timeout); the guard's deadline covers a
    // client that is never silent long enough but never finishes either.
    params->setTimeout(Poco::Timespan(_options.limits.headerTimeout.count() * 1000));
    _server = std::make_unique<Poco::Net::TCPServer>(
        _guard.factory(new HandlerFactory(_endpoint, _guard), params), socket, params);
    _server->start();
}

void WebhookServer::stop() {
    if (!_server) return;
    // No new connections; each one finishes the request it is in (a keep-alive one takes no further
    // request, an idle one is closed now); only then may the intake stop, so every request answered 200
    // is in the journal the intake moves. Connections end within the request deadline at the latest.
    _server->stop();
    _guard.stopIdleConnections();
    _endpoint.waitUntilIdle(std::chrono::seconds(30));
    _guard.waitUntilClosed(_options.limits.requestDeadline + std::chrono::seconds(1));
    _server.reset();
    _intake.stop();
}

std::map<std::string, std::uint64_t> WebhookServer::refusals() const {
    auto counted = _guard.refusals();
    for (const auto& [reason, count] : _endpoint.refusals()) counted[reason] += count;
    return counted;
}

unsigned short WebhookServer::port() const {
    return _server ? _server->port() : 0;
}

}  // namespace estore::host
