#include "store_session.h"

#include "connection_check.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::Outcome;

namespace {

int configInt(host_api::Config* config, const std::string& key, int fallback) {
    if (!config) return fallback;
    auto value = config->get(key);
    if (!value) return fallback;
    try {
        return std::stoi(*value);
    } catch (const std::exception&) {
        return fallback;
    }
}

}  // namespace

StoreSession openStoreSession(const host_api::StoreRef& store, host_api::HostServices& host) {
    StoreSession session;
    auto key = host.secrets ? host.secrets->read(store.storeId, "api_key") : std::nullopt;
    auto site = store.settings.find("site_id");
    if (!key || key->empty() || site == store.settings.end() || site->second.empty()) {
        session.error =
            Outcome::failure(ErrorCategory::Config, "wix.store.incomplete",
                             {"Trgovini manjka API ključ ali Site ID. Odprite nastavitve trgovine in ju "
                              "vnesite znova.",
                              "The store has no API key or Site ID. Open the store's settings and enter "
                              "them again."},
                             "api_key or site_id missing", key ? "site_id" : "api_key");
        return session;
    }
    const WixEndpoint endpoint = endpointFromConfig(host.config);
    CallPolicy policy;
    policy.maxAttempts = configInt(host.config, "wix.retry_attempts", 5);
    policy.retryBaseMs = configInt(host.config, "wix.retry_base_ms", 1000);
    policy.retryMaxMs = configInt(host.config, "wix.retry_max_ms", 30000);
    policy.requestsPerMinute = configInt(host.config, "wix.requests_per_minute", 200);
    session.client = std::make_unique<WixClient>(endpoint.baseUrl, endpoint.http, *key, site->second, policy);
    return session;
}

void reportJobFailure(const host_api::StoreRef& store, host_api::HostServices& host, const std::string&,
                      const Outcome& failure) {
    // The host logs every job's outcome itself; the plugin only says when the credentials are the cause.
    const bool credentials =
        failure.category == ErrorCategory::Auth || failure.category == ErrorCategory::Permission;
    if (credentials && host.storeStatus) host.storeStatus->credentialsNeedAttention(store.storeId, failure);
}

}  // namespace estore::wix
