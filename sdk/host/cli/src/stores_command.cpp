#include "estore/host/cli/stores_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/db_store_status.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"

namespace estore::host {

int StoresCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty()) return ctx.usage({"stores ne sprejme argumentov", "stores takes no arguments"});
    StoreRepository repository(ctx.database());
    const auto stores = repository.list();
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& store : stores) list->add(JsonViews::store(store));
        root->set("stores", list);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Trgovine (", "Stores ("}) << ctx.database().location() << ")\n";
    if (stores.empty()) {
        ctx.out() << ctx.t({"  (ni trgovin)", "  (no stores)"}) << "\n";
        return kExitOk;
    }
    std::vector<std::vector<std::string>> rows = {{"  ID", ctx.t({"Platforma", "Platform"}),
                                                   ctx.t({"Trgovina", "Shop"}), ctx.t({"Valuta", "Currency"}),
                                                   ctx.t({"Stanje", "Status"}), ctx.t({"Dodano", "Added"})}};
    for (const auto& s : stores)
        rows.push_back({"  " + s.id, s.platform, s.shop.name, s.shop.currency, s.status,
                        Formats::localTime(s.createdAt)});
    ctx.out() << Formats::table(rows);
    for (const auto& s : stores) {
        if (!s.paused()) continue;
        const host_api::Text todo = DbStoreStatus::remedy(s.id, s.statusCategory);
        ctx.out() << "\n  " << s.id << ": "
                  << ctx.t({"POTREBUJE POZORNOST, opravila so ustavljena", "NEEDS ATTENTION, jobs paused"})
                  << "\n    " << ctx.t({"Razlog: ", "Reason: "}) << ctx.t(s.statusMessage) << " ["
                  << s.statusCode << "]\n    " << ctx.t({"Kaj storiti: ", "What to do: "}) << ctx.t(todo)
                  << "\n";
    }
    return kExitOk;
}

}  // namespace estore::host
