#include "estore/host/webhooks/webhook_inbox_processor.h"

#include <Poco/UUIDGenerator.h>

#include <ostream>

#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"

namespace estore::host {

WebhookInboxProcessor::WebhookInboxProcessor(HostServiceSet& host, PluginRegistry& plugins,
                                             std::string worker, std::int64_t leaseMillis, std::ostream& log)
    : _host(host),
      _plugins(plugins),
      _worker(std::move(worker)),
      _leaseMillis(leaseMillis),
      _log(log),
      _inbox(host.database()),
      _instance(Poco::UUIDGenerator::defaultGenerator().createRandom().toString().substr(0, 8)) {}

std::size_t WebhookInboxProcessor::processSome(std::size_t limit) {
    // Unique even if another process runs under the same worker name (see JobRunner::newOwner).
    const std::string owner = _worker + "#webhooks" + std::to_string(++_claims) + "/" + _instance;
    const auto entries = _inbox.claim(owner, Database::nowMillis(), _leaseMillis, limit);
    if (entries.empty()) return 0;
    // One transaction for the batch: one commit (one sync to disk) instead of one per webhook.
    Transaction tx(_host.database());
    for (const auto& entry : entries) process(entry, owner);
    tx.commit();
    return entries.size();
}

void WebhookInboxProcessor::process(const InboxEntry& entry, const std::string& owner) {
    auto store = StoreRepository(_host.database()).find(entry.storeId);
    if (!store) {
        _inbox.finish(entry.id, owner, "rejected", "host.unknown_store", "the store was removed");
        return;
    }
    if (auto error = _plugins.open(store->platform)) {
        // Left pending: the lease expires and a later pass (or a worker with the plugin) tries again.
        _log << "  ! webhook " << entry.id << ": plugin " << store->platform << " unavailable\n"
             << std::flush;
        return;
    }
    const host_api::WebhookRequest request{entry.method, entry.contentType, entry.headers, entry.body};
    host_api::WebhookAck ack;
    try {
        ack = _plugins.store(store->platform).onWebhook(store->ref(), request, _host.services());
    } catch (const std::exception& e) {
        ack.outcome = host_api::Outcome::failure(
            host_api::ErrorCategory::Permanent, "host.plugin_threw",
            {"Vtičnik je pri webhooku vrgel izjemo.", "The plugin threw handling a webhook."}, e.what());
        ack.httpStatus = 500;
    }
    if (!ack.outcome.ok() && ack.outcome.retryable()) {
        // E.g. the job could not be queued: left pending; the lease expires and it is tried again.
        _log << "  ! webhook " << entry.id << ": " << ack.outcome.code << "; will retry\n" << std::flush;
        return;
    }
    const bool ok = ack.outcome.ok();
    const std::string code = ok ? (ack.outcome.code.empty() ? "ok" : ack.outcome.code) : ack.outcome.code;
    _inbox.finish(entry.id, owner, ok ? "processed" : "rejected", code, ok ? "" : ack.outcome.message.en);
}

}  // namespace estore::host
