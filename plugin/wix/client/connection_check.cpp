#include "client/connection_check.h"

#include "client/wix_client.h"

namespace estore::wix {

using host_api::Outcome;

WixEndpoint endpointFromConfig(host_api::Config* config) {
    WixEndpoint e;
    e.baseUrl = kDefaultApiBaseUrl;
    if (!config) return e;
    if (auto url = config->get("wix.api_base_url"); url && !url->empty()) e.baseUrl = *url;
    if (auto ca = config->get("wix.ca_file")) e.http.caFile = *ca;
    e.timeout = sdk::readIntSetting(config, "wix.timeout_ms", e.http.timeoutMs);
    e.http.timeoutMs = static_cast<int>(e.timeout.value);
    return e;
}

ConnectionCheck::ConnectionCheck(host_api::HostServices& host, std::string apiKey, std::string siteId)
    : _host(host), _apiKey(std::move(apiKey)), _siteId(std::move(siteId)) {}

Outcome ConnectionCheck::run(bool checkInventory, host_api::ShopIdentity& shop) {
    const WixEndpoint endpoint = endpointFromConfig(_host.config);
    if (!endpoint.timeout.ok()) return endpoint.timeout.failure();
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
