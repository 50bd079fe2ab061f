#include "estore/sdk/http_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <sstream>

namespace estore::sdk {

const char* transportFailureName(TransportFailure f) {
    switch (f) {
        case TransportFailure::None: return "none";
        case TransportFailure::InvalidUrl: return "invalid_url";
        case TransportFailure::Unreachable: return "unreachable";
        case TransportFailure::Timeout: return "timeout";
        case TransportFailure::Dropped: return "dropped";
        case TransportFailure::Tls: return "tls";
        case TransportFailure::TooLarge: return "too_large";
        case TransportFailure::Other: return "other";
    }
    return "other";
}

std::string HttpResponse::header(const std::string& name) const {
    for (const auto& [key, value] : headers)
        if (Poco::icompare(key, name) == 0) return value;
    return {};
}

namespace {

TransportFailure classify(const Poco::Exception& e) {
    // Order matters: an unexpectedly closed TLS connection is a drop, not a certificate problem.
    if (dynamic_cast<const Poco::Net::SSLConnectionUnexpectedlyClosedException*>(&e))
        return TransportFailure::Dropped;
    if (dynamic_cast<const Poco::Net::SSLException*>(&e)) return TransportFailure::Tls;
    if (dynamic_cast<const Poco::TimeoutException*>(&e)) return TransportFailure::Timeout;
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&e) ||
        dynamic_cast<const Poco::Net::HostNotFoundException*>(&e) ||
        dynamic_cast<const Poco::Net::NoAddressFoundException*>(&e) ||
        dynamic_cast<const Poco::Net::DNSException*>(&e))
        return TransportFailure::Unreachable;
    if (dynamic_cast<const Poco::Net::NoMessageException*>(&e) ||
        dynamic_cast<const Poco::Net::ConnectionResetException*>(&e) ||
        dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&e) ||
        dynamic_cast<const Poco::Net::MessageException*>(&e))
        return TransportFailure::Dropped;
    // Any other network error (e.g. "network is unreachable") happened before an answer could come.
    if (dynamic_cast<const Poco::Net::NetException*>(&e)) return TransportFailure::Unreachable;
    if (dynamic_cast<const Poco::IOException*>(&e)) return TransportFailure::Dropped;
    return TransportFailure::Other;
}

bool isIpLiteral(const std::string& host) {
    Poco::Net::IPAddress address;
    return Poco::Net::IPAddress::tryParse(host, address);
}

Poco::Net::Context::Ptr makeTlsContext(const HttpClientOptions& options, const std::string& host) {
    Poco::Net::Context::Params params;
    // Verify the server's chain against the system trust store (plus caFile) and its host name.
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = true;
    params.caLocation = options.caFile;
    params.verificationDepth = 9;
    auto context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    context->enableExtendedCertificateVerification(true);
    // Poco's own name check also accepts a certificate whose names merely resolve to the same address;
    // OpenSSL's check during the handshake is the strict one (RFC 6125), so ask for it too.
    X509_VERIFY_PARAM* param = SSL_CTX_get0_param(context->sslContext());
    X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (isIpLiteral(host))
        X509_VERIFY_PARAM_set1_ip_asc(param, host.c_str());
    else
        X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
    if (options.tlsSetup) options.tlsSetup(*context);
    return context;
}

}  // namespace

HttpClient::HttpClient(const std::string& baseUrl, HttpClientOptions options)
    : _baseUrl(baseUrl), _options(std::move(options)) {
    try {
        Poco::URI uri(baseUrl);
        if (uri.getScheme() != "https" && uri.getScheme() != "http")
            _urlError = "the URL must start with https:// or http://";
        else if (uri.getHost().empty())
            _urlError = "the URL has no host";
        _secure = uri.getScheme() == "https";
        _host = uri.getHost();
        _port = uri.getPort();
        _pathPrefix = uri.getPath();
        while (!_pathPrefix.empty() && _pathPrefix.back() == '/') _pathPrefix.pop_back();
    } catch (const Poco::Exception& e) {
        _urlError = e.displayText();
    }
}

HttpClient::~HttpClient() = default;

void HttpClient::resetSession() {
    _session.reset();
    _sessionUsed = false;
}

HttpResult& HttpClient::tooLarge(HttpResult& result) {
    result.failure = TransportFailure::TooLarge;
    result.detail = "the answer is larger than " + std::to_string(_options.maxResponseBytes) + " bytes";
    resetSession();  // the rest of that body must not be taken for the next answer
    return result;
}

HttpResult HttpClient::send(const HttpRequest& request) {
    if (!_urlError.empty()) {
        HttpResult r;
        r.failure = TransportFailure::InvalidUrl;
        r.detail = "invalid base URL '" + _baseUrl + "': " + _urlError;
        return r;
    }
    const bool reused = reusingConnection();
    HttpResult result = sendOnce(request);
    // A kept-alive connection the server has since closed fails at once; that is not the server's answer.
    if (reused && result.failure == TransportFailure::Dropped && _options.resendOnStaleConnection) {
        resetSession();
        result = sendOnce(request);
    }
    return result;
}

bool HttpClient::reusingConnection() const {
    return _session && _sessionUsed;
}

HttpResult HttpClient::sendOnce(const HttpRequest& request) {
    HttpResult result;
    try {
        if (!_session) {
            if (_secure)
                _session = std::make_unique<Poco::Net::HTTPSClientSession>(_host, _port,
                                                                           makeTlsContext(_options, _host));
            else
                _session = std::make_unique<Poco::Net::HTTPClientSession>(_host, _port);
            _session->setKeepAlive(true);
            _session->setTimeout(Poco::Timespan(Poco::Timespan::TimeDiff(_options.connectTimeoutMs) * 1000),
                                 Poco::Timespan(Poco::Timespan::TimeDiff(_options.timeoutMs) * 1000),
                                 Poco::Timespan(Poco::Timespan::TimeDiff(_options.timeoutMs) * 1000));
        }
        Poco::Net::HTTPRequest req(request.method, _pathPrefix + request.target,
                                   Poco::Net::HTTPMessage::HTTP_1_1);
        req.setKeepAlive(true);
        req.set("User-Agent", _options.userAgent);
        req.set("Accept", "application/json");
        for (const auto& [name, value] : request.headers) req.set(name, value);
        if (!request.body.empty() || request.method == "POST" || request.method == "PATCH" ||
            request.method == "PUT") {
            req.setContentType(request.contentType.empty() ? "application/json" : request.contentType);
            req.setContentLength(static_cast<std::streamsize>(request.body.size()));
        }
        _sessionUsed = true;
        std::ostream& out = _session->sendRequest(req);
        out << request.body;
        Poco::Net::HTTPResponse res;
        std::istream& in = _session->receiveResponse(res);
        if (res.hasContentLength() &&
            res.getContentLength64() > static_cast<Poco::Int64>(_options.maxResponseBytes))
            return tooLarge(result);
        std::string body;
        char chunk[16384];
        while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
            body.append(chunk, static_cast<std::size_t>(in.gcount()));
            if (body.size() > _options.maxResponseBytes) return tooLarge(result);
        }
        if (in.bad()) throw Poco::Net::MessageException("response body cut short");
        result.response.status = static_cast<int>(res.getStatus());
        result.response.contentType = res.getContentType();
        result.response.body = std::move(body);
        for (const auto& [name, value] : res) result.response.headers.emplace_back(name, value);
        if (res.hasContentLength() && res.getContentLength64() >= 0 &&
            static_cast<std::size_t>(res.getContentLength64()) != result.response.body.size())
            throw Poco::Net::MessageException("response body shorter than its Content-Length");
    } catch (const Poco::Exception& e) {
        result.failure = classify(e);
        result.detail = e.displayText();
        resetSession();
    } catch (const std::exception& e) {
        result.failure = TransportFailure::Other;
        result.detail = e.what();
        resetSession();
    }
    return result;
}

}  // namespace estore::sdk
