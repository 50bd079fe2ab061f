#pragma once
// A second platform, as small as a real one can be: the "shop" is a JSON file {"orders": [...]} that
// another system drops into a folder, each order in the SDK's sales order form (salesOrderToJson).
// It validates the file when the store is added, registers its import job, imports every order
// idempotently (a broken order is logged and skipped, never the whole file) and has no webhook.
#include <string>

#include "estore/host_api/electronic_store.h"
#include "estore/sdk/manifest.h"

namespace order_file {

class OrderFileStore final : public estore::host_api::ElectronicStore {
public:
    OrderFileStore();

    estore::host_api::StoreDescriptor describe() const override;
    estore::host_api::Validation validate(const estore::host_api::Settings& settings,
                                          const estore::host_api::Settings& secrets,
                                          estore::host_api::HostServices& host) override;
    estore::host_api::Outcome activate(const estore::host_api::StoreRef& store,
                                       estore::host_api::HostServices& host) override;
    estore::host_api::Outcome deactivate(const estore::host_api::StoreRef& store,
                                         estore::host_api::HostServices& host) override;
    estore::host_api::JobReport runJob(const estore::host_api::JobRequest& job,
                                       estore::host_api::HostServices& host) override;
    estore::host_api::WebhookAck onWebhook(const estore::host_api::StoreRef& store,
                                           const estore::host_api::WebhookRequest& request,
                                           estore::host_api::HostServices& host) override;

private:
    estore::host_api::JobReport importOrders(const estore::host_api::StoreRef& store,
                                             estore::host_api::HostServices& host);

    estore::sdk::Manifest _manifest;
};

}  // namespace order_file
