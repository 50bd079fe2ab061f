#pragma once
// Hands stored webhook requests to their store's plugin (onWebhook), on the runner's thread and its
// database connection. The plugin's ask for a job (runSoon) and the entry's new status are committed
// together, so a crash either leaves the entry pending (processed again later) or fully done.
#include <cstdint>
#include <iosfwd>
#include <string>

#include "estore/host/webhooks/webhook_inbox.h"

namespace estore::host {

class HostServiceSet;
class PluginRegistry;

class WebhookInboxProcessor {
public:
    WebhookInboxProcessor(HostServiceSet& host, PluginRegistry& plugins, std::string worker,
                          std::int64_t leaseMillis, std::ostream& log);

    /// Processes up to `limit` pending entries; returns how many it took.
    std::size_t processSome(std::size_t limit = 50);

private:
    void process(const InboxEntry& entry, const std::string& owner);

    HostServiceSet& _host;
    PluginRegistry& _plugins;
    std::string _worker;
    std::int64_t _leaseMillis;
    std::ostream& _log;
    WebhookInbox _inbox;
    std::string _instance;  ///< random, per processor: part of every lease owner name
    std::uint64_t _claims = 0;
};

}  // namespace estore::host
