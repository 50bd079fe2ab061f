#pragma once
// One request to the admin pages as a page sees it: the path, the form (query and url-encoded body,
// bounded), cookies, the language, the signed-in session, the host's services for this request, and the
// answers (a page with the security headers, a redirect, a refusal).
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "estore/host/ui/html.h"
#include "estore/host/ui/ui_sessions.h"

namespace estore::host {

class HostServiceSet;
class AdminPlugins;

class AdminRequest {
public:
    static constexpr std::size_t kMaxBodyBytes = 256 * 1024;
    /// A form with a file (a stock CSV): up to 16 MiB.
    static constexpr std::size_t kMaxUploadBytes = 16 * 1024 * 1024;

    AdminRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                 HostServiceSet& host, AdminPlugins& plugins, bool secureCookies);

    const std::string& method() const { return _request.getMethod(); }
    bool isPost() const { return method() == "POST"; }
    /// The path without its query, e.g. "/stores/wix-1".
    const std::string& path() const { return _path; }
    /// Path and query, for coming back after signing in.
    const std::string& target() const { return _request.getURI(); }
    /// The query's and (for a url-encoded POST) the body's fields. Throws when the body is too large.
    const Poco::Net::HTMLForm& form();
    std::string field(const std::string& name, const std::string& fallback = "");
    std::string cookie(const std::string& name) const;
    /// The content of a file sent with a multipart form, by the input's name; nullopt when none came.
    std::optional<std::string> file(const std::string& name);

    const Language& lang() const { return _lang; }
    /// The signed-in session, once the server has checked it.
    const std::optional<UiSession>& session() const { return _session; }
    void setSession(std::optional<UiSession> session) { _session = std::move(session); }
    /// True when the form's _csrf matches the session's token.
    bool csrfValid();

    HostServiceSet& host() { return _host; }
    AdminPlugins& plugins() { return _plugins; }
    bool secureCookies() const { return _secureCookies; }

    /// A whole page (the layout around `body`) with the status.
    void sendPage(int status, const std::string& title, const std::string& body);
    void sendText(int status, const std::string& contentType, const std::string& body);
    void redirect(const std::string& location);
    /// Sets a cookie: HttpOnly, SameSite=Strict, Path=/, Secure behind https; maxAge < 0: for the session.
    void setCookie(const std::string& name, const std::string& value, int maxAgeSeconds = -1);
    /// "Zavrnjeno / Refused" with the reason, as a page.
    void refuse(int status, const host_api::Text& reason);

    /// The text in the request's language, escaped for HTML.
    std::string t(const host_api::Text& text) const { return Html::text(text, _lang); }

private:
    void setSecurityHeaders();
    void send(int status, const std::string& contentType, const std::string& body);

    Poco::Net::HTTPServerRequest& _request;
    Poco::Net::HTTPServerResponse& _response;
    HostServiceSet& _host;
    AdminPlugins& _plugins;
    bool _secureCookies;
    std::string _path;
    Language _lang;
    std::optional<UiSession> _session;
    std::unique_ptr<Poco::Net::HTMLForm> _form;
    std::map<std::string, std::string> _files;
};

}  // namespace estore::host
