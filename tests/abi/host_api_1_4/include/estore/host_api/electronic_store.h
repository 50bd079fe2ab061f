#pragma once
// ElectronicStore/1: what a shop platform plugin implements. One object per platform, created and
// destroyed by the plugin's own exported functions. No method throws; each returns an outcome.
#include <cstdint>

#include "estore/host_api/host_services.h"
#include "estore/host_api/outcome.h"
#include "estore/host_api/values.h"
#include "estore/host_api/version.h"

namespace estore::host_api {

class ElectronicStore {
public:
    /// The platform's identity, dialog fields, jobs and capabilities.
    virtual StoreDescriptor describe() const = 0;

    /// Local checks of the dialog's input, then a live check against the shop.
    /// `secrets` holds what the user typed into secret fields (the API key); it is never stored by the
    /// plugin.
    virtual Validation validate(const Settings& settings, const Settings& secrets, HostServices& host) = 0;

    /// Registers the store's jobs (and later its webhook) with the host.
    virtual Outcome activate(const StoreRef& store, HostServices& host) = 0;
    virtual Outcome deactivate(const StoreRef& store, HostServices& host) = 0;

    virtual JobReport runJob(const JobRequest& job, HostServices& host) = 0;

    /// Verifies and parses a webhook fast; real work is handed to the scheduler as a job.
    virtual WebhookAck onWebhook(const StoreRef& store, const WebhookRequest& request,
                                 HostServices& host) = 0;

protected:
    ~ElectronicStore() = default;  // only the plugin's estore_destroy deletes it
};

/// Signatures of the exported aliases (see version.h for their names).
using ApiVersionFn = std::uint32_t();
using PlatformIdFn = const char*();
using CreateFn = ElectronicStore*();
using DestroyFn = void(ElectronicStore*);

}  // namespace estore::host_api
