#pragma once
// What a job needs to talk to one store's Wix site: the key (read from the host's secrets, never kept),
// the site, and a client paced and retrying as jobs should.
#include <memory>
#include <string>

#include "client/wix_client.h"
#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::wix {

struct StoreSession {
    std::unique_ptr<WixClient> client;
    host_api::Outcome error;  ///< why no client could be made (no key, bad settings)
};

/// A client for jobs: retries 429/5xx/drops with back-off (host config `wix.retry_attempts`,
/// `wix.retry_base_ms`) within `wix.requests_per_minute` (default 200, Wix's documented budget).
StoreSession openStoreSession(const host_api::StoreRef& store, host_api::HostServices& host);

/// A key that stopped working (401/403) marks the store's credentials as needing attention, which pauses
/// its jobs in the host until the settings change. (The host logs the job's outcome itself.)
void reportJobFailure(const host_api::StoreRef& store, host_api::HostServices& host, const std::string& jobId,
                      const host_api::Outcome& failure);

}  // namespace estore::wix
