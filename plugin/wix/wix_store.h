#pragma once
// The Wix platform for e-računi's "Dodaj elektronsko trgovino": ElectronicStore/1 over the Wix REST API.
#include "estore/host_api/electronic_store.h"
#include "estore/sdk/manifest.h"

namespace estore::wix {

class WixStore final : public host_api::ElectronicStore {
public:
    WixStore();
    ~WixStore() = default;

    host_api::StoreDescriptor describe() const override;
    host_api::Validation validate(const host_api::Settings& settings, const host_api::Settings& secrets,
                                  host_api::HostServices& host) override;
    host_api::Outcome activate(const host_api::StoreRef& store, host_api::HostServices& host) override;
    host_api::Outcome deactivate(const host_api::StoreRef& store, host_api::HostServices& host) override;
    host_api::JobReport runJob(const host_api::JobRequest& job, host_api::HostServices& host) override;
    host_api::WebhookAck onWebhook(const host_api::StoreRef& store, const host_api::WebhookRequest& request,
                                   host_api::HostServices& host) override;

private:
    host_api::Validation validateUnsafe(const host_api::Settings& settings, const host_api::Settings& secrets,
                                        host_api::HostServices& host);
    host_api::Outcome activateUnsafe(const host_api::StoreRef& store, host_api::HostServices& host);
    host_api::WebhookAck onWebhookUnsafe(const host_api::StoreRef& store,
                                         const host_api::WebhookRequest& request,
                                         host_api::HostServices& host);
    host_api::JobReport runJobUnsafe(const host_api::JobRequest& job, host_api::HostServices& host);

    const sdk::Manifest& _manifest;     ///< the embedded manifest, read once per process
    const std::string& _manifestError;  ///< set if the embedded manifest did not parse (a build defect)
};

}  // namespace estore::wix
