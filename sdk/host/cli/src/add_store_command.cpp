#include "estore/host/cli/add_store_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/jobs_command.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/cli/terminal_prompt.h"
#include "estore/host/core/formats.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/plugins/plugin_registry.h"
#include "estore/host/services/host_service_set.h"

namespace estore::host {

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

}  // namespace

int AddStoreCommand::run(CommandContext& ctx) {
    if (!ctx.args().empty())
        return ctx.usage("add-store takes no arguments besides options (unexpected: " + joined(ctx.args()) +
                         ")");
    if (ctx.options().platform.empty())
        return ctx.usage("add-store needs --platform ID (see: estore-host platforms)");
    return addStore(ctx, ctx.options().platform, ctx.options().sets);
}

int AddStoreCommand::addStore(CommandContext& ctx, const std::string& platformId,
                              const std::vector<std::string>& assignments) {
    PluginRegistry& plugins = ctx.plugins();
    if (auto error = plugins.open(platformId)) {
        ctx.err() << "Vtičnika za platformo '" << platformId << "' ni mogoče naložiti.\n"
                  << "Cannot load the plugin for platform '" << platformId << "'.\n"
                  << "  " << error->message << " [" << sdk::loadErrorCodeName(error->code) << "]\n";
        return kExitPluginLoad;
    }
    const auto& fields = plugins.manifest(platformId).descriptor.fields;
    SettingsBuilder builder(fields, Formats::today());
    if (int rc = applyAssignments(ctx, builder, assignments); rc != kExitOk) return rc;
    builder.takeSecretsFromEnvironment();
    if (!builder.missingRequired().empty()) {
        if (!TerminalPrompt::interactive() || !promptMissing(ctx, builder)) {
            std::vector<std::string> missing;
            for (const auto& f : builder.missingRequired())
                missing.push_back(f.id + " (" + f.label.sl + " / " + f.label.en + ")");
            ctx.err() << "Manjkajo obvezna polja / missing required fields: " << joined(missing) << "\n"
                      << "Podajte jih z / give them with --set key=value\n";
            return kExitValidation;
        }
    }

    StoreEnrollment enrollment(ctx.host());
    const EnrollmentResult result = enrollment.enroll(plugins.store(platformId), platformId, fields,
                                                      builder.settings(), builder.secrets());
    if (!result.ok()) return printFailure(ctx, result);
    printSuccess(ctx, result);
    return kExitOk;
}

int AddStoreCommand::applyAssignments(CommandContext& ctx, SettingsBuilder& builder,
                                      const std::vector<std::string>& assignments) {
    std::vector<std::string> unknown;
    for (const auto& assignment : assignments) {
        std::string key, value;
        if (!SettingsBuilder::parseAssignment(assignment, key, value))
            return ctx.usage("--set wants key=value, got '" + assignment.substr(0, assignment.find('=')) +
                             "'");
        if (!builder.set(key, value)) unknown.push_back(key);
    }
    if (!unknown.empty()) {
        ctx.err() << "Neznana polja / unknown fields: " << joined(unknown) << "\n"
                  << "Polja platforme / the platform's fields: " << joined(builder.settableKeys()) << "\n";
        return kExitValidation;
    }
    return kExitOk;
}

std::string AddStoreCommand::choicesHint(const host_api::FieldSpec& field, host_api::Company& company) {
    std::vector<std::string> options;
    if (field.kind == host_api::FieldKind::HostChoice) {
        const auto named = field.hostSource == "cost_centers" ? company.costCenters() : company.warehouses();
        for (const auto& n : named) options.push_back(n.code + " = " + n.name);
    }
    for (const auto& c : field.choices) options.push_back(c.value + " = " + c.label.sl + " / " + c.label.en);
    return options.empty() ? "" : "  [" + joined(options) + "]";
}

bool AddStoreCommand::promptMissing(CommandContext& ctx, SettingsBuilder& builder) {
    for (const auto& field : builder.missingRequired()) {
        if (!field.help.sl.empty()) ctx.err() << field.help.sl << "\n" << field.help.en << "\n";
        const std::string question =
            field.label.sl + " / " + field.label.en + choicesHint(field, ctx.host().company()) + ": ";
        auto answer = TerminalPrompt::ask(question, isSecretField(field));
        if (!answer || answer->empty()) return false;
        builder.set(field.id, *answer);
    }
    return true;
}

void AddStoreCommand::printSuccess(CommandContext& ctx, const EnrollmentResult& result,
                                   const host_api::Text& heading) {
    const StoreRecord& store = result.store;
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("store", JsonViews::store(store));
        root->set("jobs", JsonViews::jobs(result.jobs));
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return;
    }
    ctx.out() << heading.sl << " / " << heading.en << "\n"
              << Formats::table({{"  ID trgovine / store id:", store.id},
                                 {"  Trgovina / shop:", store.shop.name},
                                 {"  Valuta / currency:", store.shop.currency},
                                 {"  Katalog / catalog version:", store.shop.catalogVersion},
                                 {"  Stanje / status:", store.status}})
              << "Opravila / jobs:\n"
              << JobsCommand::table(result.jobs, false);
}

int AddStoreCommand::exitCodeOf(const EnrollmentResult& result) {
    if (result.outcome.ok()) return result.fieldErrors.empty() ? kExitOk : kExitValidation;
    return host::exitCodeOf(result.outcome);
}

int AddStoreCommand::printFailure(CommandContext& ctx, const EnrollmentResult& result,
                                  const host_api::Text& heading) {
    const host_api::Outcome& o = result.outcome;
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", false);
        root->set("stage", result.stage);
        root->set("error", JsonViews::outcome(o));
        Poco::JSON::Array::Ptr errors = new Poco::JSON::Array;
        for (const auto& e : result.fieldErrors) errors->add(JsonViews::fieldError(e));
        root->set("field_errors", errors);
        ctx.out() << JsonCodec::stringify(root) << "\n";
    }
    auto& err = ctx.err();
    err << heading.sl << " / " << heading.en << "\n";
    if (!o.field.empty()) err << "  Polje / field: " << o.field << "\n";
    err << "  " << o.message.sl << "\n"
        << "  " << o.message.en << "\n"
        << "  Koda / code: " << o.code << "   Kategorija / category: " << host_api::categoryName(o.category)
        << "\n";
    if (o.retryAfterSeconds > 0) err << "  Poskusite čez / retry after: " << o.retryAfterSeconds << " s\n";
    if (!o.detail.empty()) err << "  Podrobnosti / detail: " << o.detail << "\n";
    for (const auto& e : result.fieldErrors) {
        if (e.field == o.field && e.code == o.code) continue;  // already printed as the outcome
        err << "  Polje / field: " << e.field << "\n"
            << "  " << e.message.sl << "\n"
            << "  " << e.message.en << "\n"
            << "  Koda / code: " << e.code << "\n";
    }
    return exitCodeOf(result);
}

}  // namespace estore::host
