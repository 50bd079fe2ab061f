#pragma once
// A store's webhook URL: issuing one (a new token, only its hash kept, the old URL stops working) and
// withdrawing it, each noted in the store's activity log. `estore-host webhook` and the store's admin
// page both use this; the URL is shown once and never stored.
#include <string>

#include "estore/host_api/values.h"

namespace estore::host {

class HostConfig;
class HostServiceSet;

class WebhookUrls {
public:
    explicit WebhookUrls(HostServiceSet& host) : _host(host) {}

    /// host.public_url without a trailing slash (default http://127.0.0.1:8080).
    static std::string publicBaseUrl(HostConfig& config);
    /// The store's URL for a token: base + /estore/webhook/ + token.
    static std::string urlFor(const std::string& baseUrl, const std::string& token);
    /// What to do in Wix with the URL, step by step, in both languages (one step per line).
    static const host_api::Text& automationSteps();

    /// Issues a new token for the store, stores its hash and returns the URL.
    std::string generate(const std::string& storeId);
    /// Withdraws the store's URL; false when it had none.
    bool revoke(const std::string& storeId);
    bool has(const std::string& storeId);

private:
    HostServiceSet& _host;
};

}  // namespace estore::host
