#pragma once
// A small blocking HTTP(S) client over Poco: one base URL, keep-alive, TLS with certificate and host name
// verification always on, and transport failures sorted into kinds the caller can explain to a user.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace Poco::Net {
class HTTPClientSession;
class Context;
}  // namespace Poco::Net

namespace estore::sdk {

struct HttpClientOptions {
    int connectTimeoutMs = 10000;
    int timeoutMs = 30000;
    std::string caFile;  ///< extra trusted certificates (PEM) besides the system's
    std::string userAgent = "estore-wix/0.1";
    /// Called on a new TLS context before it connects, e.g. to present a client certificate (FURS
    /// authenticates the company by its certificate). Verification stays on whatever it does.
    std::function<void(Poco::Net::Context&)> tlsSetup;
    /// A kept-alive connection the server has since closed fails at once; send the request again on a new
    /// one. Off for a protocol that wants every resend to be a new message (FURS: a new MessageID).
    bool resendOnStaleConnection = true;
    /// An answer larger than this is not read to its end (a broken or hostile server cannot fill the
    /// memory): TransportFailure::TooLarge. Wix's largest pages are a few MiB.
    std::size_t maxResponseBytes = 64u << 20;
};

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET";
    std::string target;  ///< path and query, e.g. "/stores/v3/provision/version"
    HttpHeaders headers;
    std::string body;
    std::string contentType;
};

struct HttpResponse {
    int status = 0;
    std::string contentType;
    std::string body;
    HttpHeaders headers;

    std::string header(const std::string& name) const;  ///< case-insensitive; empty when absent
};

enum class TransportFailure {
    None,
    InvalidUrl,   ///< the base URL cannot be used
    Unreachable,  ///< name lookup failed, connection refused, network down
    Timeout,      ///< connect or read timed out
    Dropped,      ///< the connection closed without a (complete) answer
    Tls,          ///< handshake or certificate verification failed
    TooLarge,     ///< the answer's body is larger than HttpClientOptions::maxResponseBytes
    Other,
};

const char* transportFailureName(TransportFailure f);

struct HttpResult {
    TransportFailure failure = TransportFailure::None;
    std::string detail;  ///< technical description of the failure; never contains request headers
    HttpResponse response;

    bool delivered() const { return failure == TransportFailure::None; }
};

class HttpClient {
public:
    HttpClient(const std::string& baseUrl, HttpClientOptions options = {});
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    HttpResult send(const HttpRequest& request);
    /// Whether the next send goes over a connection that has carried a request already.
    bool reusingConnection() const;

    const std::string& baseUrl() const { return _baseUrl; }
    bool secure() const { return _secure; }

private:
    HttpResult sendOnce(const HttpRequest& request);
    void resetSession();
    /// Marks the result TooLarge and drops the connection.
    HttpResult& tooLarge(HttpResult& result);

    std::string _baseUrl;
    HttpClientOptions _options;
    std::string _host;
    unsigned short _port = 0;
    std::string _pathPrefix;
    bool _secure = false;
    std::string _urlError;
    std::unique_ptr<Poco::Net::HTTPClientSession> _session;
    bool _sessionUsed = false;
};

}  // namespace estore::sdk
