#include "estore/host/webhooks/webhook_endpoint.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <thread>

#include "estore/host/core/json_codec.h"
#include "estore/host/core/json_syntax.h"
#include "estore/host/storage/database.h"
#include "estore/host/webhooks/webhook_token.h"

using Poco::Net::HTTPResponse;

namespace estore::host {

namespace {

bool looksLikeJson(const std::string& body) {
    const auto first = body.find_first_not_of(" \t\r\n");
    return first != std::string::npos && (body[first] == '{' || body[first] == '[');
}

bool isSecretHeader(const std::string& name) {
    const std::string lower = Poco::toLower(name);
    for (const char* word : {"auth", "cookie", "token", "secret", "key", "signature", "password"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

}  // namespace

std::string WebhookEndpoint::contentKind(const std::string& contentType) {
    std::string type = Poco::toLower(Poco::trim(contentType.substr(0, contentType.find(';'))));
    if (type == "application/json" || (type.size() > 5 && type.ends_with("+json"))) return "json";
    if (type == "application/x-www-form-urlencoded") return "form";
    if (type == "text/plain") return "text";
    return "";
}

std::string WebhookEndpoint::malformedReason(const std::string& kind, const std::string& body) {
    if (body.empty()) return "empty body";
    if (body.find('\0') != std::string::npos) return "NUL byte in the body";
    if (kind == "json" || (kind == "text" && looksLikeJson(body))) {
        return JsonSyntax::check(body);
    }
    if (kind == "form") {
        try {
            std::string decoded;
            Poco::URI::decode(body, decoded);
        } catch (const std::exception&) {
            return "not well-formed form encoding";
        }
    }
    return "";
}

std::map<std::string, std::string> WebhookEndpoint::safeHeaders(const Poco::Net::HTTPServerRequest& request) {
    std::map<std::string, std::string> headers;
    for (const auto& [name, value] : request)
        if (!isSecretHeader(name)) headers[Poco::toLower(name)] = value;
    return headers;
}

void WebhookEndpoint::answer(Poco::Net::HTTPServerResponse& response, HTTPResponse::HTTPStatus status,
                             const std::string& body) {
    response.setStatusAndReason(status);
    response.setContentType("application/json");
    // Header and body in one buffer, so one write and one TCP segment (send() << body writes twice).
    response.sendBuffer(body.data(), body.size());
}

std::string WebhookEndpoint::readCapped(std::istream& in) const {
    std::string body;
    char buffer[8192];
    while (body.size() <= _maxBytes && in) {
        in.read(buffer, sizeof buffer);
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    return body;
}

void WebhookEndpoint::refuseTooLarge(std::istream& in) const {
    // Closing on unread data resets the connection, and the sender would never see the 413; read (and
    // drop) a bounded amount more, so an honest sender of a slightly large body gets its answer.
    char buffer[8192];
    for (std::size_t dropped = 0; dropped < 4 * _maxBytes && in; dropped += sizeof buffer)
        in.read(buffer, sizeof buffer);
}

WebhookIntake::Result WebhookEndpoint::store(const Poco::Net::HTTPServerRequest& request,
                                             const std::string& token, const std::string& body,
                                             const std::string& rejectReason) {
    InboxRow row;
    row.receivedAt = Database::nowMillis();
    row.method = request.getMethod();
    row.contentType = request.getContentType();
    row.headersText = JsonCodec::mapToText(safeHeaders(request));
    row.body = body;
    row.rejectReason = rejectReason;
    return _intake.accept(WebhookToken::hash(token), std::move(row));
}

bool WebhookEndpoint::waitUntilIdle(std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (_inFlight.load() > 0) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void WebhookEndpoint::refuse(Refusal why, Poco::Net::HTTPServerResponse& response,
                             Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body) {
    ++_refused[why];
    answer(response, status, body);
}

std::map<std::string, std::uint64_t> WebhookEndpoint::refusals() const {
    static const char* const kNames[kRefusals] = {"bad_uri",      "not_found", "method",     "too_large",
                                                  "content_type", "malformed", "intake_busy"};
    std::map<std::string, std::uint64_t> counted;
    for (int i = 0; i < kRefusals; ++i)
        if (const auto n = _refused[i].load()) counted[kNames[i]] = n;
    return counted;
}

void WebhookEndpoint::handle(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) {
    ++_inFlight;
    struct Done {
        std::atomic<int>& count;
        ~Done() { --count; }
    } done{_inFlight};
    // The path holds the token: it is never logged, echoed or put into an error.
    std::string path;
    try {
        path = Poco::URI(request.getURI()).getPath();
    } catch (const Poco::SyntaxException&) {  // a broken %-escape: the client's mistake, not ours
        response.setKeepAlive(false);
        return refuse(BadUri, response, HTTPResponse::HTTP_BAD_REQUEST, "{\"error\":\"malformed URI\"}");
    }
    const std::string prefix = kPathPrefix;
    const std::string token = path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : "";
    if (token.empty() || token.find('/') != std::string::npos) {
        response.setKeepAlive(false);
        return refuse(NotFound, response, HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"not found\"}");
    }
    if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_POST) {
        response.set("Allow", "POST");
        response.setKeepAlive(false);
        return refuse(Method, response, HTTPResponse::HTTP_METHOD_NOT_ALLOWED,
                      "{\"error\":\"method not allowed\"}");
    }
    try {
        // The token before the body: a stranger's body is never read (nor waited for). The intake looks
        // again when it stores the request, so a URL revoked meanwhile is still refused.
        if (!_intake.knowsToken(WebhookToken::hash(token))) {
            response.setKeepAlive(false);  // the unread body must not be taken for the next request
            return refuse(NotFound, response, HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"not found\"}");
        }
        if (request.hasContentLength() &&
            request.getContentLength64() > static_cast<Poco::Int64>(_maxBytes)) {
            response.setKeepAlive(false);
            return refuse(TooLarge, response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE,
                          "{\"error\":\"too large\"}");
        }
        const std::string kind = contentKind(request.getContentType());
        if (kind.empty()) {
            response.setKeepAlive(false);
            return refuse(ContentType, response, HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE,
                          "{\"error\":\"unsupported content type\"}");
        }
        const std::string body = readCapped(request.stream());
        if (body.size() > _maxBytes) {
            refuseTooLarge(request.stream());
            response.setKeepAlive(false);
            return refuse(TooLarge, response, HTTPResponse::HTTP_REQUESTENTITYTOOLARGE,
                          "{\"error\":\"too large\"}");
        }
        const std::string reason = malformedReason(kind, body);
        const auto stored = store(request, token, body, reason);
        if (stored == WebhookIntake::Result::UnknownToken)
            return refuse(NotFound, response, HTTPResponse::HTTP_NOT_FOUND, "{\"error\":\"not found\"}");
        if (stored == WebhookIntake::Result::Busy)
            return refuse(Busy, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                          "{\"error\":\"try again later\"}");
        if (!reason.empty())
            return refuse(Malformed, response, HTTPResponse::HTTP_BAD_REQUEST,
                          "{\"error\":\"malformed body\"}");
        answer(response, HTTPResponse::HTTP_OK, "{\"ok\":true}");
    } catch (const std::exception&) {
        // Not stored: a 503 makes the sender try again later.
        if (!response.sent())
            refuse(Busy, response, HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "{\"error\":\"try again later\"}");
    }
}

}  // namespace estore::host
