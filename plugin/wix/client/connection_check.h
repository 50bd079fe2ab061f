#pragma once
// The live half of validate(): proves, with as few calls as possible, that the key works for this site and
// can do what the store's options need. Order (reference §3): site properties → catalog version → orders
// search (limit 1) → inventory read when stock sync is on. The first failure stops the check.
#include <string>

#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"
#include "estore/sdk/http_client.h"

namespace estore::wix {

/// The Wix base URL and TLS options from host configuration (never per store).
struct WixEndpoint {
    std::string baseUrl;
    sdk::HttpClientOptions http;
    /// Why these settings cannot be used (a wix.timeout_ms that is no whole number, plain http:// to a
    /// host that is not this machine); the caller stops with it before any request.
    host_api::Outcome problem;
};

WixEndpoint endpointFromConfig(host_api::Config* config);

class ConnectionCheck {
public:
    ConnectionCheck(host_api::HostServices& host, std::string apiKey, std::string siteId);

    host_api::Outcome run(bool checkInventory, host_api::ShopIdentity& shop);

private:
    host_api::HostServices& _host;
    std::string _apiKey;
    std::string _siteId;
};

}  // namespace estore::wix
