#include "estore/host/cli/configure_command.h"

#include <ostream>

#include "estore/host/cli/add_store_command.h"
#include "estore/host/cli/command_context.h"
#include "estore/host/core/formats.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/enrollment/store_enrollment.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/store_repository.h"

namespace estore::host {

namespace {

const host_api::Text kChanged = {"Nastavitve so spremenjene; trgovina je aktivna.",
                                 "Settings changed; the store is active."};
const host_api::Text kNotChanged = {"Nastavitev ni mogoče spremeniti; nič ni spremenjeno.",
                                    "The settings cannot be changed; nothing was changed."};

}  // namespace

void ConfigureCommand::splitChanges(const std::vector<host_api::FieldSpec>& fields,
                                    const std::vector<std::string>& assignments, host_api::Settings& changes,
                                    host_api::Settings& secretChanges) {
    for (const auto& assignment : assignments) {
        std::string key, value;
        if (!SettingsBuilder::parseAssignment(assignment, key, value)) continue;  // checked before
        bool secret = false;
        for (const auto& field : fields)
            if (field.id == key) secret = isSecretField(field);
        (secret ? secretChanges : changes)[key] = value;
    }
}

int ConfigureCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"configure potrebuje natanko en argument: STORE_ID",
                          "configure needs exactly one argument: STORE_ID"});
    const std::string& storeId = ctx.args().front();
    int exitCode = kExitOk;
    auto store = ctx.storeWithPlugin(storeId, exitCode);
    if (!store) return exitCode;
    PluginRegistry& plugins = ctx.plugins();
    const auto& fields = plugins.manifest(store->platform).descriptor.fields;
    // The builder only checks the keys here; its defaults are for new stores and are not applied.
    SettingsBuilder builder(fields, Formats::today());
    if (int rc = AddStoreCommand::applyAssignments(ctx, builder, ctx.options().sets); rc != kExitOk)
        return rc;
    host_api::Settings changes, secretChanges;
    splitChanges(fields, ctx.options().sets, changes, secretChanges);

    const EnrollmentResult result = AddStoreCommand::watched(
        ctx, {"Spreminjanje nastavitev " + storeId, "Changing the settings of " + storeId},
        [&](StoreEnrollment& enrollment) {
            return enrollment.reconfigure(plugins.store(store->platform), *store, fields, changes,
                                          secretChanges);
        });
    if (!result.ok()) return AddStoreCommand::printFailure(ctx, result, kNotChanged);
    AddStoreCommand::printSuccess(ctx, result, kChanged);
    return kExitOk;
}

}  // namespace estore::host
