#pragma once
// The webhook endpoint on Poco's HTTP server, with its own database connection (Poco sessions are not
// shared between threads; the runner keeps its own).
#include <Poco/Net/HTTPServer.h>

#include <memory>
#include <string>

#include "estore/host/database.h"
#include "estore/host/webhook_endpoint.h"

namespace estore::host {

struct WebhookServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  ///< 0: an ephemeral port (see WebhookServer::port)
    std::size_t maxBytes = WebhookEndpoint::kDefaultMaxBytes;
    int maxThreads = 8;
};

class WebhookServer {
public:
    WebhookServer(const std::string& databaseLocation, WebhookServerOptions options);
    ~WebhookServer();

    WebhookServer(const WebhookServer&) = delete;
    WebhookServer& operator=(const WebhookServer&) = delete;

    /// Binds and starts serving; throws Poco::Net::NetException when the address is taken.
    void start();
    void stop();
    unsigned short port() const;
    WebhookEndpoint& endpoint() { return _endpoint; }

private:
    WebhookServerOptions _options;
    Database _db;
    WebhookEndpoint _endpoint;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

}  // namespace estore::host
