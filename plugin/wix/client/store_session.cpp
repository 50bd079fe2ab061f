#include "client/store_session.h"

#include "estore/sdk/int_setting.h"

#include "client/connection_check.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::Outcome;

namespace {}  // namespace

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
    const sdk::IntSetting settings[] = {
        sdk::readIntSetting(host.config, "wix.retry_attempts", 5, 1, 20),
        sdk::readIntSetting(host.config, "wix.retry_base_ms", 1000, 1, 600000),
        sdk::readIntSetting(host.config, "wix.retry_max_ms", 30000, 1, 3600000),
        sdk::readIntSetting(host.config, "wix.requests_per_minute", 200, 0, 100000)};
    for (const auto& setting : settings)
        if (!setting.ok()) {
            session.error = setting.failure();
            return session;
        }
    if (!endpoint.problem.ok()) {
        session.error = endpoint.problem;
        return session;
    }
    CallPolicy policy;
    policy.maxAttempts = static_cast<int>(settings[0].value);
    policy.retryBaseMs = static_cast<int>(settings[1].value);
    policy.retryMaxMs = static_cast<int>(settings[2].value);
    policy.requestsPerMinute = static_cast<int>(settings[3].value);
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
