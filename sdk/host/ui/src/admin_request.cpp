#include "estore/host/ui/admin_request.h"

#include <Poco/DigestEngine.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>
#include <stdexcept>

#include "estore/host/ui/page_layout.h"

namespace estore::host {

namespace {

// No script but the page's own file, no inline script or style, no frames, forms only to this server.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Keeps each uploaded file's content by its input's name.
class FileParts final : public Poco::Net::PartHandler {
public:
    explicit FileParts(std::map<std::string, std::string>& files) : _files(files) {}
    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string disposition;
        Poco::Net::NameValueCollection parameters;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition,
                                                  parameters);
        Poco::StreamCopier::copyToString(stream, _files[parameters.get("name", "")]);
    }

private:
    std::map<std::string, std::string>& _files;
};

}  // namespace

AdminRequest::AdminRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                           HostServiceSet& host, AdminPlugins& plugins, bool secureCookies)
    : _request(request), _response(response), _host(host), _plugins(plugins), _secureCookies(secureCookies) {
    _path = Poco::URI(request.getURI()).getPath();
    _lang.english = cookie("estore_lang") == "en";
}

const Poco::Net::HTMLForm& AdminRequest::form() {
    if (_form) return *_form;
    _form = std::make_unique<Poco::Net::HTMLForm>();
    _form->setFieldLimit(500);
    if (!isPost()) {
        _form->load(_request);
        return *_form;
    }
    const bool multipart = _request.getContentType().rfind("multipart/form-data", 0) == 0;
    const std::size_t most = multipart ? kMaxUploadBytes : kMaxBodyBytes;
    if (_request.getContentLength() > static_cast<std::streamsize>(most))
        throw std::length_error("request body too large");
    // Read at most one byte more than allowed, so a chunked body cannot grow without bound either.
    std::string body(most + 1, '\0');
    _request.stream().read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<std::size_t>(_request.stream().gcount()));
    if (body.size() > most) throw std::length_error("request body too large");
    std::istringstream in(body);
    FileParts files(_files);
    _form->load(_request, in, files);
    return *_form;
}

std::string AdminRequest::field(const std::string& name, const std::string& fallback) {
    return form().get(name, fallback);
}

std::optional<std::string> AdminRequest::file(const std::string& name) {
    form();
    auto it = _files.find(name);
    if (it == _files.end()) return std::nullopt;
    return it->second;
}

std::string AdminRequest::cookie(const std::string& name) const {
    Poco::Net::NameValueCollection cookies;
    _request.getCookies(cookies);
    return cookies.get(name, "");
}

bool AdminRequest::csrfValid() {
    if (!_session) return false;
    const std::string given = field("_csrf");
    const std::string& expected = _session->csrf;
    return given.size() == expected.size() &&
           Poco::DigestEngine::constantTimeEquals(
               Poco::DigestEngine::Digest(given.begin(), given.end()),
               Poco::DigestEngine::Digest(expected.begin(), expected.end()));
}

void AdminRequest::setSecurityHeaders() {
    _response.set("Content-Security-Policy", kContentSecurityPolicy);
    _response.set("X-Content-Type-Options", "nosniff");
    _response.set("X-Frame-Options", "DENY");
    _response.set("Referrer-Policy", "no-referrer");
    _response.set("Cache-Control", "no-store");
}

void AdminRequest::send(int status, const std::string& contentType, const std::string& body) {
    setSecurityHeaders();
    _response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
    _response.setContentType(contentType);
    _response.setContentLength(static_cast<std::streamsize>(body.size()));
    _response.send() << body;
}

void AdminRequest::sendPage(int status, const std::string& title, const std::string& body) {
    send(status, "text/html; charset=utf-8", PageLayout::render(*this, title, body));
}

void AdminRequest::sendText(int status, const std::string& contentType, const std::string& body) {
    send(status, contentType, body);
}

void AdminRequest::redirect(const std::string& location) {
    setSecurityHeaders();
    _response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    _response.set("Location", Html::localPath(location));
    _response.setContentLength(0);
    _response.send();
}

void AdminRequest::setCookie(const std::string& name, const std::string& value, int maxAgeSeconds) {
    Poco::Net::HTTPCookie cookie(name, value);
    cookie.setPath("/");
    cookie.setHttpOnly(true);
    cookie.setSameSite(Poco::Net::HTTPCookie::SAME_SITE_STRICT);
    cookie.setSecure(_secureCookies);
    if (maxAgeSeconds >= 0) cookie.setMaxAge(maxAgeSeconds);
    _response.addCookie(cookie);
}

void AdminRequest::refuse(int status, const host_api::Text& reason) {
    const host_api::Text title{"Zahteva zavrnjena", "Request refused"};
    sendPage(status, _lang.pick(title), "<div class=\"alert\" role=\"alert\">" + t(reason) + "</div>");
}

}  // namespace estore::host
