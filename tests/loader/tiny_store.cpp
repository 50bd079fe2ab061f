// A tiny plugin the loader tests build in several variants (version, platform id, missing exports).
#include "estore/sdk/export.h"

namespace tiny {

class TinyStore final : public estore::host_api::ElectronicStore {
public:
    estore::host_api::StoreDescriptor describe() const override {
        estore::host_api::StoreDescriptor d;
        d.platformId = "tiny";
        d.name = {"Majhna", "Tiny"};
        return d;
    }
    estore::host_api::Validation validate(const estore::host_api::Settings&,
                                          const estore::host_api::Settings&,
                                          estore::host_api::HostServices&) override {
        return {};
    }
    estore::host_api::Outcome activate(const estore::host_api::StoreRef&,
                                       estore::host_api::HostServices&) override {
        return {};
    }
    estore::host_api::Outcome deactivate(const estore::host_api::StoreRef&,
                                         estore::host_api::HostServices&) override {
        return {};
    }
    estore::host_api::JobReport runJob(const estore::host_api::JobRequest&,
                                       estore::host_api::HostServices&) override {
        return {};
    }
    estore::host_api::WebhookAck onWebhook(const estore::host_api::StoreRef&,
                                           const estore::host_api::WebhookRequest&,
                                           estore::host_api::HostServices&) override {
        return {};
    }
};

}  // namespace tiny

#if defined(TINY_ONLY_VERSION)
// Exports the version alone: the loader must refuse it for its missing factory.
namespace tiny_exports {
std::uint32_t apiVersion() noexcept {
    return estore::host_api::kApiVersion.packed();
}
}  // namespace tiny_exports
BOOST_DLL_ALIAS(tiny_exports::apiVersion, estore_api_version)
#else
ESTORE_PLUGIN_WITH_VERSION(tiny::TinyStore, TINY_PLATFORM_ID, TINY_API_MAJOR, TINY_API_MINOR)
#endif
