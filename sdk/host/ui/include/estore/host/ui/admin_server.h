#pragma once
// The admin pages on Poco's HTTP server (`estore-host ui`, and `estore-host run` when host.ui_port is
// set): sign-in, the stores, "Dodaj elektronsko trgovino". Every page but sign-in and the style sheet
// needs a session; every POST needs the session's CSRF token; every answer carries a
// Content-Security-Policy without inline script. Requests are served on the server's threads, each with
// a database connection of its own (AdminBackends).
#include <Poco/Net/HTTPServer.h>

#include <filesystem>
#include <memory>
#include <string>

#include "estore/host/ui/admin_backends.h"
#include "estore/host/ui/admin_plugins.h"

namespace estore::host {

class HostConfig;

struct AdminServerOptions {
    std::string bind = "127.0.0.1";  ///< host.ui_bind
    unsigned short port = 8090;      ///< host.ui_port; 0: an ephemeral port (see AdminServer::port)
    bool secureCookies = false;      ///< host.ui_secure_cookies: behind an https proxy
    int threads = 8;                 ///< host.ui_threads: requests served at once (one connection each)
};

class AdminServer {
public:
    AdminServer(std::string databaseLocation, std::filesystem::path pluginDir, HostConfig& config,
                AdminServerOptions options);
    ~AdminServer();

    AdminServer(const AdminServer&) = delete;
    AdminServer& operator=(const AdminServer&) = delete;

    /// Binds and serves; throws Poco::Net::NetException when the address is taken.
    void start();
    void stop();
    unsigned short port() const;
    const AdminServerOptions& options() const { return _options; }

private:
    AdminServerOptions _options;
    AdminBackends _backends;
    AdminPlugins _plugins;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
};

}  // namespace estore::host
