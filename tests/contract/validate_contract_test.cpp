// The Wix plugin, loaded as the host loads it, validating stores against the sandbox on 127.0.0.1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "estore/sdk/fake_host.h"
#include "estore/sdk/plugin_loader.h"
#include "wix_sandbox/server/sandbox.h"

namespace fs = std::filesystem;
using estore::host_api::ErrorCategory;
using estore::host_api::Settings;
using estore::host_api::Validation;

namespace {

const std::string kUnknownSite = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

class ValidateContract : public ::testing::Test {
protected:
    void SetUp() override {
        auto loaded = estore::sdk::PluginLoader().loadPlatform(WIX_PLUGIN_DIR, "wix");
        ASSERT_TRUE(loaded.ok()) << loaded.error->message;
        _store = loaded.plugin->createStore();
        wix_sandbox::SandboxOptions options;
        options.seed = 7;
        _sandbox = std::make_unique<wix_sandbox::Sandbox>(options);
        _sandbox->start();
        _host.setConfig("wix.api_base_url", _sandbox->baseUrl());
        _host.setConfig("wix.timeout_ms", "2000");
    }
    void TearDown() override {
        if (_sandbox) _sandbox->stop();
    }

    Settings settings(const std::string& siteId, bool syncStock = false) const {
        return {{"site_id", "https://manage.wix.com/dashboard/" + siteId + "/home"},
                {"warehouse", "GLAVNO"},
                {"cost_center", "SPLET"},
                {"import_orders", "true"},
                {"sync_stock", syncStock ? "true" : "false"}};
    }

    Validation validate(const std::string& key, const std::string& siteId, bool syncStock = false) {
        Validation v = _store->validate(settings(siteId, syncStock), {{"api_key", key}}, _host.services());
        expectNoSecret(v, key);
        return v;
    }

    Validation validateDefault(bool syncStock = false) {
        return validate(_sandbox->defaultApiKey(), _sandbox->defaultSite().siteId, syncStock);
    }

    static void expectNoSecret(const Validation& v, const std::string& key) {
        for (const std::string* s :
             {&v.outcome.message.sl, &v.outcome.message.en, &v.outcome.detail, &v.outcome.code})
            EXPECT_EQ(s->find(key), std::string::npos) << "the API key leaked into: " << *s;
        for (const auto& [k, value] : v.normalized) EXPECT_NE(value, key) << k;
    }

    static void expectFailure(const Validation& v, ErrorCategory category, const std::string& code,
                              const std::string& field) {
        EXPECT_EQ(v.outcome.category, category) << v.outcome.code << " " << v.outcome.detail;
        EXPECT_EQ(v.outcome.code, code) << v.outcome.detail;
        EXPECT_EQ(v.outcome.field, field);
        EXPECT_FALSE(v.outcome.message.sl.empty());
        EXPECT_FALSE(v.outcome.message.en.empty());
        EXPECT_TRUE(v.normalized.empty()) << "a failed validation must not hand back settings to store";
    }

    wix_sandbox::ApiKeyInfo keyWith(std::vector<std::string> permissions) {
        wix_sandbox::ApiKeyInfo key;
        key.accountId = _sandbox->defaultSite().accountId;
        key.key = _sandbox->newKeyValue(key.accountId);
        key.allSites = true;
        key.permissions = std::move(permissions);
        _sandbox->addKey(key);
        return key;
    }

    static std::vector<std::string> without(const std::string& scope) {
        auto all = wix_sandbox::ApiKeyInfo::fullPermissions();
        all.erase(std::remove(all.begin(), all.end(), scope), all.end());
        return all;
    }

    estore::sdk::StoreHandle _store;
    std::unique_ptr<wix_sandbox::Sandbox> _sandbox;
    estore::sdk::FakeHost _host;
};

}  // namespace

TEST_F(ValidateContract, AGoodKeyAndADashboardUrlGiveTheShopsIdentity) {
    _sandbox->resetStats();
    Validation v = validateDefault();
    ASSERT_TRUE(v.outcome.ok()) << v.outcome.code << ": " << v.outcome.detail;
    const auto site = _sandbox->defaultSite();
    EXPECT_EQ(v.shop.name, site.businessName);
    EXPECT_EQ(v.shop.currency, site.currency);
    EXPECT_EQ(v.shop.catalogVersion, site.catalogVersion == wix_sandbox::CatalogVersion::V1 ? "V1" : "V3");
    EXPECT_EQ(v.normalized.at("site_id"), site.siteId);  // the bare GUID, not the pasted URL
    EXPECT_EQ(v.normalized.at("catalog_version"), v.shop.catalogVersion);
    // Properties, catalog version, orders search: three calls and no more.
    auto stats = _sandbox->stats();
    EXPECT_EQ(stats.total, 3u);
    EXPECT_EQ(stats.perRoute["POST /ecom/v1/orders/search"], 1u);
}

TEST_F(ValidateContract, StockSyncAlsoReadsInventoryOnTheSitesCatalogVersion) {
    for (auto version : {wix_sandbox::CatalogVersion::V1, wix_sandbox::CatalogVersion::V3}) {
        auto site = _sandbox->defaultSite();
        site.catalogVersion = version;
        _sandbox->addSite(site);
        _sandbox->resetStats();
        Validation v = validateDefault(true);
        ASSERT_TRUE(v.outcome.ok()) << v.outcome.code << ": " << v.outcome.detail;
        EXPECT_EQ(v.shop.catalogVersion, version == wix_sandbox::CatalogVersion::V1 ? "V1" : "V3");
        auto stats = _sandbox->stats();
        EXPECT_EQ(stats.total, 4u);
        EXPECT_EQ(stats.perRoute[version == wix_sandbox::CatalogVersion::V1
                                     ? "POST /stores/v2/inventoryItems/query"
                                     : "POST /stores/v3/inventory-items/query"],
                  1u);
    }
}

TEST_F(ValidateContract, AWrongKeyIs401) {
    expectFailure(validate(_sandbox->newKeyValue("nobody"), _sandbox->defaultSite().siteId),
                  ErrorCategory::Auth, "wix.auth.invalid_key", "api_key");
}

TEST_F(ValidateContract, ARevokedKeyIs401) {
    auto key = keyWith(wix_sandbox::ApiKeyInfo::fullPermissions());
    ASSERT_TRUE(validate(key.key, _sandbox->defaultSite().siteId).outcome.ok());
    _sandbox->revokeKey(key.key);
    expectFailure(validate(key.key, _sandbox->defaultSite().siteId), ErrorCategory::Auth,
                  "wix.auth.invalid_key", "api_key");
}

TEST_F(ValidateContract, AKeyOfAnotherAccountHasNoAccessToTheSite) {
    wix_sandbox::ApiKeyInfo key;
    key.accountId = "other-account";
    key.key = _sandbox->newKeyValue(key.accountId);
    key.allSites = true;
    _sandbox->addKey(key);
    expectFailure(validate(key.key, _sandbox->defaultSite().siteId), ErrorCategory::Permission,
                  "wix.permission.site", "api_key");
}

TEST_F(ValidateContract, EachMissingPermissionIsNamed) {
    expectFailure(
        validate(keyWith(without("SCOPE.DC-STORES.READ-ORDERS")).key, _sandbox->defaultSite().siteId),
        ErrorCategory::Permission, "wix.permission.orders", "api_key");
    expectFailure(
        validate(keyWith(without("SCOPE.STORES.CATALOG_READ_LIMITED")).key, _sandbox->defaultSite().siteId),
        ErrorCategory::Permission, "wix.permission.catalog", "api_key");
    const auto noInventory = keyWith(without("SCOPE.STORES.INVENTORY_ITEM_READ"));
    auto site = _sandbox->defaultSite();
    site.catalogVersion = wix_sandbox::CatalogVersion::V3;
    _sandbox->addSite(site);
    EXPECT_TRUE(validate(noInventory.key, site.siteId, false).outcome.ok())
        << "inventory only matters for stock sync";
    expectFailure(validate(noInventory.key, site.siteId, true), ErrorCategory::Permission,
                  "wix.permission.inventory", "api_key");
}

TEST_F(ValidateContract, AnUnknownSiteIsReportedOnTheSiteIdField) {
    expectFailure(validate(_sandbox->defaultApiKey(), kUnknownSite), ErrorCategory::NotFound,
                  "wix.site.not_found", "site_id");
}

TEST_F(ValidateContract, ASiteWithoutWixStores) {
    auto site = _sandbox->defaultSite();
    site.catalogVersion = wix_sandbox::CatalogVersion::None;
    _sandbox->addSite(site);
    expectFailure(validateDefault(), ErrorCategory::Config, "wix.stores_not_installed", "site_id");
}

TEST_F(ValidateContract, Stores428OnAnEcomCallIsAlsoStoresNotInstalled) {
    wix_sandbox::Fault fault;
    fault.path = "/ecom/v1/orders/search";
    fault.status = 428;
    fault.body =
        R"({"message":"Wix Stores app is not installed for site","details":{"applicationError":{"code":"REQUIRED_APP_NOT_INSTALLED"}}})";
    _sandbox->injectFault(fault);
    expectFailure(validateDefault(), ErrorCategory::Config, "wix.stores_not_installed", "site_id");
}

TEST_F(ValidateContract, WixBusy429) {
    wix_sandbox::Fault fault;
    fault.status = 429;
    _sandbox->injectFault(fault);
    Validation v = validateDefault();
    expectFailure(v, ErrorCategory::RateLimited, "wix.rate_limited", "");
    EXPECT_GT(v.outcome.retryAfterSeconds, 0);
}

TEST_F(ValidateContract, WixDownWithAnHtmlPage) {
    wix_sandbox::Fault fault;
    fault.status = 503;
    fault.contentType = "text/html";
    fault.body = "<html><body><h1>503 Service Unavailable</h1></body></html>";
    _sandbox->injectFault(fault);
    Validation v = validateDefault();
    expectFailure(v, ErrorCategory::Transient, "wix.unavailable", "");
    EXPECT_NE(v.outcome.detail.find("503"), std::string::npos);
}

TEST_F(ValidateContract, A401HtmlPageIsStillABadKey) {
    wix_sandbox::Fault fault;
    fault.status = 401;
    fault.contentType = "text/html";
    fault.body = "<html><body>Unauthorized</body></html>";
    _sandbox->injectFault(fault);
    expectFailure(validateDefault(), ErrorCategory::Auth, "wix.auth.invalid_key", "api_key");
}

TEST_F(ValidateContract, A200ThatIsNotJson) {
    wix_sandbox::Fault fault;
    fault.path = "/stores/v3/provision/version";
    fault.status = 200;
    fault.contentType = "text/html";
    fault.body = "<html>captive portal</html>";
    _sandbox->injectFault(fault);
    expectFailure(validateDefault(), ErrorCategory::Transient, "wix.invalid_response", "");
}

TEST_F(ValidateContract, ADroppedConnection) {
    wix_sandbox::Fault fault;
    fault.drop = true;
    _sandbox->injectFault(fault);
    expectFailure(validateDefault(), ErrorCategory::Transient, "wix.dropped", "");
}

TEST_F(ValidateContract, ASlowWixTimesOut) {
    _host.setConfig("wix.timeout_ms", "300");
    wix_sandbox::Fault fault;
    fault.latencyMs = 1500;
    _sandbox->injectFault(fault);
    expectFailure(validateDefault(), ErrorCategory::Transient, "wix.timeout", "");
}

TEST_F(ValidateContract, AHostTimeoutThatIsNoWholeNumberIsRefusedNamingItsKey) {
    _sandbox->resetStats();
    _host.setConfig("wix.timeout_ms", "30s");  // std::stoi once read this as 30 ms
    const Validation v = validateDefault();
    expectFailure(v, ErrorCategory::Config, "host.config.not_a_number", "");
    EXPECT_NE(v.outcome.message.en.find("wix.timeout_ms = '30s' is not a whole number"), std::string::npos)
        << v.outcome.message.en;
    EXPECT_NE(v.outcome.message.sl.find("wix.timeout_ms"), std::string::npos) << v.outcome.message.sl;
    EXPECT_EQ(_sandbox->stats().total, 0u);  // refused before any call to Wix
}

TEST_F(ValidateContract, AHostTimeoutOutsideItsRangeIsRefusedNamingItsKey) {
    _sandbox->resetStats();
    _host.setConfig("wix.timeout_ms", "-5");
    const Validation v = validateDefault();
    expectFailure(v, ErrorCategory::Config, "host.config.out_of_range", "");
    EXPECT_NE(v.outcome.message.en.find("wix.timeout_ms = -5 is not between 100"), std::string::npos)
        << v.outcome.message.en;
    EXPECT_EQ(_sandbox->stats().total, 0u);
}

TEST_F(ValidateContract, PlainHttpIsRefusedForAnythingButThisMachine) {
    _sandbox->resetStats();
    _host.setConfig("wix.api_base_url", "http://wix-proxy.example.com:" + std::to_string(_sandbox->port()));
    const Validation v = validateDefault();
    expectFailure(v, ErrorCategory::Config, "host.config.insecure_url", "");
    EXPECT_NE(v.outcome.message.en.find("must be an https:// address"), std::string::npos)
        << v.outcome.message.en;
    EXPECT_NE(v.outcome.message.sl.find("wix.api_base_url"), std::string::npos) << v.outcome.message.sl;
    EXPECT_EQ(_sandbox->stats().total, 0u);  // refused before any request carried the key
    // The sandbox on this machine is still reachable over plain http.
    _host.setConfig("wix.api_base_url", _sandbox->baseUrl());
    EXPECT_TRUE(validateDefault().outcome.ok());
}

TEST_F(ValidateContract, NobodyListening) {
    const unsigned short port = _sandbox->port();
    _sandbox->stop();
    _host.setConfig("wix.api_base_url", "http://127.0.0.1:" + std::to_string(port));
    expectFailure(validateDefault(), ErrorCategory::Transient, "wix.unreachable", "");
}

TEST_F(ValidateContract, LocalProblemsNeverReachWix) {
    _sandbox->resetStats();
    Validation v = validate("Bearer " + _sandbox->defaultApiKey(), "https://manage.wix.com/account/api-keys");
    EXPECT_EQ(v.outcome.category, ErrorCategory::Config);
    EXPECT_EQ(v.fieldErrors.size(), 2u);
    EXPECT_EQ(_sandbox->stats().total, 0u);
}

namespace {

/// A self-signed certificate for 127.0.0.1, made with the openssl command line in a temp folder.
struct SelfSignedCertificate {
    fs::path dir = fs::temp_directory_path() / ("estore-tls-" + std::to_string(::getpid()));
    fs::path cert = dir / "cert.pem";
    fs::path key = dir / "key.pem";
    SelfSignedCertificate() {
        fs::create_directories(dir);
        const std::string cmd =
            "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
            "-addext subjectAltName=IP:127.0.0.1 -keyout " +
            key.string() + " -out " + cert.string() + " >/dev/null 2>&1";
        if (std::system(cmd.c_str()) != 0) throw std::runtime_error("openssl failed");
    }
    ~SelfSignedCertificate() { fs::remove_all(dir); }
};

}  // namespace

TEST_F(ValidateContract, TlsIsVerifiedAgainstTrustedCertificatesOnly) {
    SelfSignedCertificate certificate;
    wix_sandbox::SandboxOptions options;
    options.seed = 7;
    options.tlsCertFile = certificate.cert.string();
    options.tlsKeyFile = certificate.key.string();
    wix_sandbox::Sandbox tls(options);
    tls.start();
    ASSERT_EQ(tls.baseUrl().rfind("https://", 0), 0u);
    _host.setConfig("wix.api_base_url", tls.baseUrl());
    Validation untrusted = validate(tls.defaultApiKey(), tls.defaultSite().siteId);
    expectFailure(untrusted, ErrorCategory::Transient, "wix.tls", "");
    EXPECT_EQ(tls.stats().total, 0u) << "no request may be sent over an unverified connection";

    // Trusting the certificate (host configuration) makes the same connection work: verification is real.
    _host.setConfig("wix.ca_file", certificate.cert.string());
    Validation trusted = validate(tls.defaultApiKey(), tls.defaultSite().siteId);
    EXPECT_TRUE(trusted.outcome.ok()) << trusted.outcome.code << ": " << trusted.outcome.detail;

    // The certificate names 127.0.0.1, so "localhost" must fail the host name check.
    _host.setConfig("wix.api_base_url", "https://localhost:" + std::to_string(tls.port()));
    expectFailure(validate(tls.defaultApiKey(), tls.defaultSite().siteId), ErrorCategory::Transient,
                  "wix.tls", "");
    tls.stop();
}
