#include "client/connection_check.h"

#include "client/wix_client.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "estore/sdk/int_setting.h"

namespace estore::wix {

using host_api::Outcome;

namespace {

bool isLoopback(const std::string& host) {
    Poco::Net::IPAddress address;
    if (Poco::Net::IPAddress::tryParse(host, address)) return address.isLoopback();
    return Poco::icompare(host, "localhost") == 0;
}

/// The API key goes in every request's Authorization header: plain http is allowed only to this machine
/// (a local sandbox), never over a network.
Outcome insecureUrl(const std::string& url) {
    return Outcome::failure(
        host_api::ErrorCategory::Config, "host.config.insecure_url",
        {"Nastavitev gostitelja wix.api_base_url (" + url +
             ") mora biti naslov https://; http:// je dovoljen le za 127.0.0.1 ali localhost, sicer bi API "
             "ključ potoval po omrežju nešifriran.",
         "Host setting wix.api_base_url (" + url +
             ") must be an https:// address; http:// is allowed only for 127.0.0.1 or localhost, since the "
             "API "
             "key would otherwise travel over the network unencrypted."},
        "wix.api_base_url");
}

}  // namespace

WixEndpoint endpointFromConfig(host_api::Config* config) {
    WixEndpoint e;
    e.baseUrl = kDefaultApiBaseUrl;
    if (!config) return e;
    if (auto url = config->get("wix.api_base_url"); url && !url->empty()) e.baseUrl = *url;
    if (auto ca = config->get("wix.ca_file")) e.http.caFile = *ca;
    const sdk::IntSetting timeout =
        sdk::readIntSetting(config, "wix.timeout_ms", e.http.timeoutMs, 100, 600000);
    e.http.timeoutMs = static_cast<int>(timeout.value);
    if (!timeout.ok()) e.problem = timeout.failure();
    try {
        const Poco::URI uri(e.baseUrl);
        if (Poco::icompare(uri.getScheme(), "http") == 0 && !isLoopback(uri.getHost()))
            e.problem = insecureUrl(e.baseUrl);
    } catch (const Poco::SyntaxException&) {
        // The client reports an unusable URL itself (wix.invalid_url).
    }
    return e;
}

ConnectionCheck::ConnectionCheck(host_api::HostServices& host, std::string apiKey, std::string siteId)
    : _host(host), _apiKey(std::move(apiKey)), _siteId(std::move(siteId)) {}

Outcome ConnectionCheck::run(bool checkInventory, host_api::ShopIdentity& shop) {
    const WixEndpoint endpoint = endpointFromConfig(_host.config);
    if (!endpoint.problem.ok()) return endpoint.problem;
    WixClient client(endpoint.baseUrl, endpoint.http, _apiKey, _siteId);

    SiteProperties properties;
    if (WixAnswer a = client.siteProperties(properties); !a.outcome.ok()) return a.outcome;

    CatalogVersion version = CatalogVersion::StoresNotInstalled;
    if (WixAnswer a = client.catalogVersion(version); !a.outcome.ok()) return a.outcome;
    if (version == CatalogVersion::StoresNotInstalled)
        return storesNotInstalled("GET /stores/v3/provision/version -> STORES_NOT_INSTALLED");

    if (WixAnswer a = client.searchOrders(1); !a.outcome.ok()) return a.outcome;
    if (checkInventory)
        if (WixAnswer a = client.readInventory(version); !a.outcome.ok()) return a.outcome;

    shop.name = properties.businessName;
    shop.currency = properties.currency;
    shop.catalogVersion = catalogVersionName(version);
    shop.facts["site_id"] = _siteId;
    return Outcome::success();
}

}  // namespace estore::wix
