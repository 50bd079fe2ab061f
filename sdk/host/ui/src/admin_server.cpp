#include "estore/host/ui/admin_server.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "estore/host/storage/database.h"
#include "estore/host/ui/add_store_page.h"
#include "estore/host/ui/admin_assets.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/record_pages.h"
#include "estore/host/ui/sign_in_page.h"
#include "estore/host/ui/stock_page.h"
#include "estore/host/ui/store_actions.h"
#include "estore/host/ui/store_pages.h"
#include "estore/host/ui/store_settings_page.h"
#include "estore/host/ui/ui_sessions.h"

namespace estore::host {

namespace {

const host_api::Text kNotFound{"Te strani ni.", "There is no such page."};

/// Pages and forms that need a signed-in session, by method and path.
void routeSignedIn(AdminRequest& request) {
    const std::string& path = request.path();
    const bool post = request.isPost();
    if (path == "/" && !post) return StorePages::list(request);
    if (path == "/stores/new") return post ? AddStorePage::submit(request) : AddStorePage::show(request);
    if (path == "/signout" && post) return SignInPage::signOut(request);
    if (path == "/stock" && !post) return StockPage::show(request);
    if (path == "/stock/import" && post) return StockPage::upload(request);
    const std::string prefix = "/stores/";
    if (path.rfind(prefix, 0) == 0) {
        const std::string rest = path.substr(prefix.size());
        const auto slash = rest.find('/');
        const std::string storeId = rest.substr(0, slash);  // the path arrives decoded
        const std::string action = slash == std::string::npos ? "" : rest.substr(slash + 1);
        if (action.empty() && !post) return StorePages::store(request, storeId);
        if (action == "jobs.json" && !post) return StoreActions::jobsJson(request, storeId);
        if (action == "run" && post) return StoreActions::runNow(request, storeId);
        if (action == "webhook" && post) return StoreActions::webhook(request, storeId);
        if (action == "settings")
            return post ? StoreSettingsPage::submit(request, storeId)
                        : StoreSettingsPage::show(request, storeId);
        if (action == "orders" && !post) return RecordPages::orders(request, storeId);
        if (action == "invoices" && !post) return RecordPages::invoices(request, storeId);
        if (action == "activity" && !post) return RecordPages::activity(request, storeId);
    }
    const std::string invoices = "/invoices/";
    if (path.rfind(invoices, 0) == 0 && !post) {
        const std::string rest = path.substr(invoices.size());
        const auto slash = rest.find('/');
        if (slash == std::string::npos) return RecordPages::invoice(request, rest);
        if (rest.substr(slash) == "/qr.svg") return RecordPages::invoiceQr(request, rest.substr(0, slash));
    }
    request.refuse(404, kNotFound);
}

void switchLanguage(AdminRequest& request) {
    request.setCookie("estore_lang", request.field("to") == "en" ? "en" : "sl", 365 * 24 * 3600);
    request.redirect(request.field("back", "/"));
}

void route(AdminRequest& request) {
    const std::string& path = request.path();
    if (path.rfind("/static/", 0) == 0) {
        if (auto asset = AdminAssets::find(path.substr(8)))
            return request.sendText(200, asset->contentType, asset->body);
        return request.refuse(404, kNotFound);
    }
    if (path == "/favicon.ico") return request.sendText(404, "text/plain; charset=utf-8", "");
    if (path == "/lang") return switchLanguage(request);
    if (path == "/signin") return request.isPost() ? SignInPage::submit(request) : SignInPage::show(request);
    if (request.method() != "GET" && request.method() != "POST")
        return request.refuse(405, {"Metoda ni dovoljena.", "Method not allowed."});

    request.setSession(UiSessions(request.host().database())
                           .find(request.cookie(SignInPage::kSessionCookie), Database::nowMillis()));
    if (!request.session()) {
        // A form posted without a session is refused, never carried out after signing in.
        if (request.isPost()) return request.refuse(403, {"Niste prijavljeni.", "You are not signed in."});
        return request.redirect("/signin?next=" + Html::urlEncode(request.target()));
    }
    if (request.isPost() && !request.csrfValid())
        return request.refuse(403, {"Obrazec ni veljaven (manjka žeton CSRF). Odprite stran znova.",
                                    "The form is not valid (CSRF token missing). Open the page again."});
    routeSignedIn(request);
}

class Handler final : public Poco::Net::HTTPRequestHandler {
public:
    Handler(AdminBackends& backends, AdminPlugins& plugins, bool secureCookies)
        : _backends(backends), _plugins(plugins), _secureCookies(secureCookies) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        try {
            auto lease = _backends.borrow();
            AdminRequest admin(request, response, lease->host(), _plugins, _secureCookies);
            try {
                route(admin);
            } catch (const std::length_error&) {
                admin.refuse(413, {"Zahteva je prevelika.", "The request is too large."});
            }
        } catch (const std::exception& e) {
            // Nothing about the cause goes to the browser; the log has it.
            Poco::Logger::get("estore-host").error(std::string("admin pages: ") + e.what());
            if (!response.sent()) {
                response.setStatus(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
                response.setContentType("text/plain; charset=utf-8");
                response.send()
                    << "Strežnik trenutno ne more odgovoriti. / The server cannot answer right now.\n";
            }
        }
    }

private:
    AdminBackends& _backends;
    AdminPlugins& _plugins;
    bool _secureCookies;
};

class HandlerFactory final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    HandlerFactory(AdminBackends& backends, AdminPlugins& plugins, bool secureCookies)
        : _backends(backends), _plugins(plugins), _secureCookies(secureCookies) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new Handler(_backends, _plugins, _secureCookies);
    }

private:
    AdminBackends& _backends;
    AdminPlugins& _plugins;
    bool _secureCookies;
};

}  // namespace

AdminServer::AdminServer(std::string databaseLocation, std::filesystem::path pluginDir, HostConfig& config,
                         AdminServerOptions options)
    : _options(std::move(options)),
      _backends(std::move(databaseLocation), config, static_cast<std::size_t>(std::max(1, _options.threads))),
      _plugins(std::move(pluginDir)) {}

AdminServer::~AdminServer() {
    stop();
}

void AdminServer::start() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(_options.bind, _options.port), 64);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(std::max(1, _options.threads));
    params->setMaxQueued(256);
    params->setKeepAlive(true);
    params->setTimeout(Poco::Timespan(30, 0));
    _server = std::make_unique<Poco::Net::HTTPServer>(
        new HandlerFactory(_backends, _plugins, _options.secureCookies), socket, params);
    _server->start();
}

void AdminServer::stop() {
    if (_server) {
        _server->stopAll(false);
        _server.reset();
    }
}

unsigned short AdminServer::port() const {
    return _server ? _server->port() : 0;
}

}  // namespace estore::host
