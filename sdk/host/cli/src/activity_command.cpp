#include "estore/host/cli/activity_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/host_service_set.h"

namespace estore::host {

int ActivityCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"activity potrebuje natanko en argument: STORE_ID",
                          "activity needs exactly one argument: STORE_ID"});
    const std::string& storeId = ctx.args().front();
    const auto entries = ctx.host().activity().list(storeId);
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("store_id", storeId);
        Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
        for (const auto& entry : entries) list->add(JsonViews::activity(entry));
        root->set("activity", list);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"Dnevnik trgovine ", "Activity of "}) << storeId << "\n";
    if (entries.empty()) ctx.out() << ctx.t({"  (prazno)", "  (empty)"}) << "\n";
    for (const auto& e : entries) {
        ctx.out() << Formats::localTime(e.at) << "  " << e.level << "  " << e.code << "\n"
                  << "    " << ctx.t(e.message) << "\n";
        if (!e.detail.empty()) ctx.out() << "    " << e.detail << "\n";
    }
    return kExitOk;
}

}  // namespace estore::host
