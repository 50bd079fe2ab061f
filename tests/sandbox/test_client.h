#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NameValueCollection.h>

#include "wix_sandbox/server/sandbox.h"

namespace sandbox_test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResult {
    int status = 0;
    std::string body;
    std::string contentType;
    Poco::Net::NameValueCollection headers;

    /// The body as a JSON object (fails the test, returning an empty object, when it is not one).
    Poco::JSON::Object::Ptr json() const;
    /// details.applicationError.code, or "" when absent.
    std::string errorCode() const;
};

/// A plain Poco HTTP(S) client to 127.0.0.1, one connection per request so tests never depend on
/// keep-alive state.
class TestClient {
public:
    explicit TestClient(unsigned short port, Poco::Net::Context::Ptr tls = nullptr);

    HttpResult send(const std::string& method, const std::string& path, const std::string& body = "",
                    const Headers& headers = {}) const;
    /// A Wix call with the raw key in Authorization and the site in wix-site-id.
    HttpResult wix(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& key, const std::string& siteId) const;

private:
    unsigned short _port;
    Poco::Net::Context::Ptr _tls;
};

/// A started in-process sandbox plus helpers that add sites and keys in the seeded account.
class SandboxHarness {
public:
    explicit SandboxHarness(wix_sandbox::SandboxOptions options = defaultOptions());

    static wix_sandbox::SandboxOptions defaultOptions();

    wix_sandbox::Sandbox& sandbox() { return *_sandbox; }
    const TestClient& client() const { return _client; }
    const wix_sandbox::SiteInfo& site() const { return _site; }
    const std::string& key() const { return _key; }

    /// A site of the seeded account with the given catalog.
    wix_sandbox::SiteInfo addSite(wix_sandbox::CatalogVersion catalog);
    /// A registered key of the seeded account (or `accountId`) with these scopes and sites.
    std::string addKey(std::vector<std::string> permissions, std::vector<std::string> siteIds = {},
                       std::string accountId = "");

    HttpResult searchOrders(const std::string& body, const std::string& siteId = "") const;

private:
    std::unique_ptr<wix_sandbox::Sandbox> _sandbox;
    TestClient _client;
    wix_sandbox::SiteInfo _site;
    std::string _key;
};

/// A fresh directory under the system temp dir, removed by the caller.
std::string makeTempDirectory();

}  // namespace sandbox_test
