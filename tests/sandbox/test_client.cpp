#include "test_client.h"

#include <csignal>
#include <cstdlib>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

namespace sandbox_test {

namespace {

unsigned short startedPort(wix_sandbox::Sandbox& sandbox) {
    sandbox.start();
    return sandbox.port();
}

// A client writing to a connection the sandbox dropped must get an error, not a fatal SIGPIPE.
const bool kSigpipeIgnored = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}();

}  // namespace

Poco::JSON::Object::Ptr HttpResult::json() const {
    try {
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& error) {
        ADD_FAILURE() << "not a JSON object: " << body << " (" << error.displayText() << ")";
        return new Poco::JSON::Object;
    }
}

std::string HttpResult::errorCode() const {
    Poco::JSON::Object::Ptr details = json()->getObject("details");
    Poco::JSON::Object::Ptr error = details ? details->getObject("applicationError") : nullptr;
    return error ? error->optValue<std::string>("code", "") : "";
}

TestClient::TestClient(unsigned short port, Poco::Net::Context::Ptr tls) : _port(port), _tls(std::move(tls)) {
    (void)kSigpipeIgnored;
}

HttpResult TestClient::send(const std::string& method, const std::string& path, const std::string& body,
                            const Headers& headers) const {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (_tls)
        session = std::make_unique<Poco::Net::HTTPSClientSession>("127.0.0.1", _port, _tls);
    else
        session = std::make_unique<Poco::Net::HTTPClientSession>("127.0.0.1", _port);
    session->setTimeout(Poco::Timespan(10, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    HttpResult result;
    result.status = response.getStatus();
    result.contentType = response.getContentType();
    for (const auto& [name, value] : response) result.headers.add(name, value);
    Poco::StreamCopier::copyToString(in, result.body);
    return result;
}

HttpResult TestClient::wix(const std::string& method, const std::string& path, const std::string& body,
                           const std::string& key, const std::string& siteId) const {
    return send(method, path, body, {{"Authorization", key}, {"wix-site-id", siteId}});
}

SandboxHarness::SandboxHarness(wix_sandbox::SandboxOptions options)
    : _sandbox(std::make_unique<wix_sandbox::Sandbox>(std::move(options))),
      _client(startedPort(*_sandbox)),
      _site(_sandbox->defaultSite()),
      _key(_sandbox->defaultApiKey()) {}

wix_sandbox::SandboxOptions SandboxHarness::defaultOptions() {
    wix_sandbox::SandboxOptions options;
    options.seed = 42;
    options.rateLimitPerMinute = 0;  // rate limiting has its own tests
    options.maxThreads = 4;
    return options;
}

wix_sandbox::SiteInfo SandboxHarness::addSite(wix_sandbox::CatalogVersion catalog) {
    wix_sandbox::SiteInfo site = _sandbox->newSite();
    site.accountId = _site.accountId;
    site.catalogVersion = catalog;
    _sandbox->addSite(site);
    return site;
}

std::string SandboxHarness::addKey(std::vector<std::string> permissions, std::vector<std::string> siteIds,
                                   std::string accountId) {
    wix_sandbox::ApiKeyInfo key;
    key.accountId = accountId.empty() ? _site.accountId : accountId;
    key.key = _sandbox->newKeyValue(key.accountId);
    key.allSites = siteIds.empty();
    key.siteIds = std::move(siteIds);
    key.permissions = std::move(permissions);
    _sandbox->addKey(key);
    return key.key;
}

HttpResult SandboxHarness::searchOrders(const std::string& body, const std::string& siteId) const {
    return _client.wix("POST", "/ecom/v1/orders/search", body, _key, siteId.empty() ? _site.siteId : siteId);
}

std::string makeTempDirectory() {
    std::string pattern = Poco::Path::temp() + "wix-sandbox-test-XXXXXX";
    if (!mkdtemp(pattern.data())) throw Poco::SystemException("mkdtemp failed");
    return pattern;
}

}  // namespace sandbox_test
