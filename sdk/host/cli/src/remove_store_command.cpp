#include "estore/host/cli/remove_store_command.h"

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/core/redactor.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/storage/transaction.h"
#include "estore/host/webhooks/webhook_token_repository.h"

using estore::host_api::Outcome;

namespace estore::host {

namespace {

Outcome deactivate(CommandContext& ctx, const StoreRecord& store) {
    try {
        return ctx.plugins().store(store.platform).deactivate(store.ref(), ctx.host().services());
    } catch (const std::exception& e) {
        return Outcome::failure(host_api::ErrorCategory::Permanent, "host.plugin_threw",
                                {"Vtičnik je vrgel izjemo.", "The plugin threw an exception."}, e.what());
    }
}

}  // namespace

int RemoveStoreCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"remove-store potrebuje natanko en argument: STORE_ID",
                          "remove-store needs exactly one argument: STORE_ID"});
    const std::string& storeId = ctx.args().front();
    HostServiceSet& host = ctx.host();
    StoreRepository stores(host.database());
    auto store = stores.find(storeId);
    if (!store) {
        ctx.reportUnknownStore(storeId);
        return kExitFailure;
    }
    const bool force = ctx.options().force;
    if (auto error = ctx.plugins().open(store->platform); error && !force)
        return ctx.fail(
            {kExitPluginLoad,
             "plugin.load_failed",
             "plugin",
             {"Vtičnika ni mogoče naložiti (--force odstrani trgovino brez njega): " + error->message,
              "Cannot load the plugin (--force removes the store without it): " + error->message},
             "platform"});

    Transaction tx(host.database());
    const bool pluginOpen = !ctx.plugins().open(store->platform).has_value();
    const Outcome outcome = pluginOpen
                                ? Redactor(host.secrets().values(storeId)).scrub(deactivate(ctx, *store))
                                : Outcome::success();
    if (!outcome.ok() && !force) {
        tx.rollback();
        if (ctx.options().json)
            return ctx.fail(
                {kExitFailure,
                 outcome.code,
                 host_api::categoryName(outcome.category),
                 {"Trgovine ni mogoče odstraniti (--force jo odstrani kljub temu): " + outcome.message.sl,
                  "The store cannot be removed (--force removes it anyway): " + outcome.message.en},
                 outcome.field});
        ctx.err() << ctx.t({"Trgovine ni mogoče odstraniti.", "The store cannot be removed."}) << "\n";
        ctx.printOutcome(outcome);
        ctx.err() << "  " << ctx.t({"(--force jo odstrani kljub temu)", "(--force removes it anyway)"})
                  << "\n";
        return kExitFailure;
    }
    JobRepository(host.database()).removeForStore(storeId);
    host.secrets().removeForStore(storeId);
    host.state().removeForStore(storeId);
    WebhookTokenRepository(host.database()).revoke(storeId);
    stores.remove(storeId);
    host.activity().record(
        storeId, host_api::ActivityLevel::Info, "store.removed",
        {"Trgovina je odstranjena: " + store->shop.name, "Store removed: " + store->shop.name},
        outcome.ok() ? "" : "forced; deactivate: " + outcome.code);
    tx.commit();
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("store_id", storeId);
        root->set("removed", true);
        root->set("deactivated", outcome.ok() && pluginOpen);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Trgovina " + storeId + " je odstranjena.", "Store " + storeId + " removed."})
              << "\n";
    return kExitOk;
}

}  // namespace estore::host
