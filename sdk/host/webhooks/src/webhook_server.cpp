#include "estore/host/webhooks/webhook_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace estore::host {

namespace {

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    explicit Handler(WebhookEndpoint& endpoint) : _endpoint(endpoint) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        _endpoint.handle(request, response);
    }

private:
    WebhookEndpoint& _endpoint;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(WebhookEndpoint& endpoint) : _endpoint(endpoint) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_endpoint);
    }

private:
    WebhookEndpoint& _endpoint;
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
      _endpoint(_intake, _options.maxBytes) {}

WebhookServer::~WebhookServer() {
    stop();
}

void WebhookServer::start() {
    _intake.start();
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(_options.bind, _options.port), 64);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(_options.maxThreads);
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(10, 0));
    _server = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(_endpoint), socket, params);
    _server->start();
}

void WebhookServer::stop() {
    if (!_server) return;
    // Lets requests in flight finish (each is in the journal before its 200).
    _server->stopAll(false);
    _server.reset();
    // Each connection finishes the request it is in (a keep-alive one takes no further request); only
    // then may the intake stop, so every request answered 200 is in the journal the intake moves.
    _endpoint.waitUntilIdle(std::chrono::seconds(30));
    _intake.stop();
}

unsigned short WebhookServer::port() const {
    return _server ? _server->port() : 0;
}

}  // namespace estore::host
