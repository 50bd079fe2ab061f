#pragma once
// The webhook endpoint on Poco's HTTP server, with its intake and the intake's own database connection
// (Poco sessions are not shared between threads; the runner keeps its own).
#include <Poco/Net/TCPServer.h>

#include <chrono>
#include <memory>
#include <string>

#include "estore/host/storage/database.h"
#include "estore/host/webhooks/connection_guard.h"
#include "estore/host/webhooks/webhook_endpoint.h"

namespace estore::host {

struct WebhookServerOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 8080;  ///< 0: an ephemeral port (see WebhookServer::port)
    std::size_t maxBytes = WebhookEndpoint::kDefaultMaxBytes;
    ConnectionLimits limits;  ///< connections (each with its thread), per address, timeouts
    std::string journalDir;   ///< host.webhook_journal_dir; empty: see WebhookJournal::baseFor
    std::chrono::milliseconds tokenCheck{20};  ///< host.webhook_token_check_millis
};

class WebhookServer {
public:
    WebhookServer(const std::string& databaseLocation, WebhookServerOptions options);
    ~WebhookServer();

    WebhookServer(const WebhookServer&) = delete;
    WebhookServer& operator=(const WebhookServer&) = delete;

    /// Starts the intake (recovering what a stopped process left in its journal), binds and starts
    /// serving; throws Poco::Net::NetException when the address is taken.
    void start();
    /// Stops taking requests, lets those in flight finish, then moves what is queued into the inbox.
    void stop();
    unsigned short port() const;
    WebhookIntake& intake() { return _intake; }
    /// Connections refused or cut ("busy", "per_address", "deadline") and requests refused ("not_found",
    /// "too_large", …), by reason.
    std::map<std::string, std::uint64_t> refusals() const;

private:
    WebhookServerOptions _options;
    Database _db;
    WebhookIntake _intake;
    WebhookEndpoint _endpoint;
    ConnectionGuard _guard;
    std::unique_ptr<Poco::Net::TCPServer> _server;
};

}  // namespace estore::host
