#pragma once
// Serves a plugin built against an older minor version of the contract (see host_api/README.md,
// "Growing the contract"). The host's own structs only ever grow at their end, so an older plugin reads
// the prefix it knows; what the plugin builds and hands to the host is read here in the plugin's layout
// and converted, so the host never reads a field the plugin did not allocate.
#include <memory>

#include "estore/host_api/electronic_store.h"
#include "estore/host_api/version.h"

namespace estore::sdk::abi {

class OlderMinorStore final : public host_api::ElectronicStore {
public:
    /// `inner` is the plugin's object; `release` gives it back to the plugin (its destroyer).
    OlderMinorStore(host_api::ElectronicStore* inner, host_api::ApiVersion pluginVersion,
                    std::shared_ptr<void> release);
    ~OlderMinorStore() = default;

    host_api::StoreDescriptor describe() const override;
    host_api::Validation validate(const host_api::Settings& settings, const host_api::Settings& secrets,
                                  host_api::HostServices& host) override;
    host_api::Outcome activate(const host_api::StoreRef& store, host_api::HostServices& host) override;
    host_api::Outcome deactivate(const host_api::StoreRef& store, host_api::HostServices& host) override;
    host_api::JobReport runJob(const host_api::JobRequest& job, host_api::HostServices& host) override;
    host_api::WebhookAck onWebhook(const host_api::StoreRef& store, const host_api::WebhookRequest& request,
                                   host_api::HostServices& host) override;

    /// True when a plugin of this version needs the adapter at all.
    static bool needed(host_api::ApiVersion pluginVersion);

private:
    template <typename Call>
    auto withPluginServices(host_api::HostServices& host, Call&& call);

    host_api::ElectronicStore* _inner;
    host_api::ApiVersion _pluginVersion;
    std::shared_ptr<void> _release;
};

}  // namespace estore::sdk::abi
