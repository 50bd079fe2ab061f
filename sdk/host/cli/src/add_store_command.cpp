#include "estore/host/cli/add_store_command.h"

#include <Poco/JSON/Array.h>

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/cli/jobs_command.h"
#include "estore/host/cli/json_views.h"
#include "estore/host/cli/progress_meter.h"
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
        return ctx.usage(
            {"add-store poleg možnosti ne sprejme argumentov (odveč: " + joined(ctx.args()) + ")",
             "add-store takes no arguments besides options (unexpected: " + joined(ctx.args()) + ")"});
    if (ctx.options().platform.empty())
        return ctx.usage({"add-store potrebuje --platform ID (glejte: estore-host platforms)",
                          "add-store needs --platform ID (see: estore-host platforms)"});
    return addStore(ctx, ctx.options().platform, ctx.options().sets);
}

int AddStoreCommand::addStore(CommandContext& ctx, const std::string& platformId,
                              const std::vector<std::string>& assignments) {
    PluginRegistry& plugins = ctx.plugins();
    if (auto error = plugins.open(platformId)) {
        ctx.reportPluginLoadFailure(platformId,
                                    error->message + " [" + sdk::loadErrorCodeName(error->code) + "]");
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
                missing.push_back(f.id + " (" + ctx.t(f.label) + ")");
            ctx.err() << ctx.t({"Manjkajo obvezna polja: ", "Missing required fields: "}) << joined(missing)
                      << "\n"
                      << ctx.t({"Podajte jih z --set ključ=vrednost", "Give them with --set key=value"})
                      << "\n";
            return kExitValidation;
        }
    }

    const EnrollmentResult result =
        watched(ctx, {"Dodajanje trgovine", "Adding the store"}, [&](StoreEnrollment& enrollment) {
            return enrollment.enroll(plugins.store(platformId), platformId, fields, builder.settings(),
                                     builder.secrets());
        });
    if (!result.ok()) return printFailure(ctx, result);
    printSuccess(ctx, result);
    return kExitOk;
}

int AddStoreCommand::applyAssignments(CommandContext& ctx, SettingsBuilder& builder,
                                      const std::vector<std::string>& assignments) {
    std::vector<std::string> unknown;
    for (const auto& assignment : assignments) {
        std::string key, value;
        // Only what comes before "=" is repeated: the rest may be a secret ("--set =hunter2").
        if (!SettingsBuilder::parseAssignment(assignment, key, value)) {
            const std::string given = assignment.substr(0, assignment.find('='));
            return ctx.usage({"--set zahteva ključ=vrednost, podano '" + given + "'",
                              "--set wants key=value, got '" + given + "'"});
        }
        if (!builder.set(key, value)) unknown.push_back(key);
    }
    if (!unknown.empty()) {
        ctx.err() << ctx.t({"Neznana polja: ", "Unknown fields: "}) << joined(unknown) << "\n"
                  << ctx.t({"Polja platforme: ", "The platform's fields: "}) << joined(builder.settableKeys())
                  << "\n";
        return kExitValidation;
    }
    return kExitOk;
}

std::string AddStoreCommand::choicesHint(const host_api::FieldSpec& field, host_api::Company& company,
                                         const Language& lang) {
    std::vector<std::string> options;
    if (field.kind == host_api::FieldKind::HostChoice) {
        const auto named = field.hostSource == "cost_centers" ? company.costCenters() : company.warehouses();
        for (const auto& n : named) options.push_back(n.code + " = " + n.name);
    }
    for (const auto& c : field.choices) options.push_back(c.value + " = " + lang.pick(c.label));
    return options.empty() ? "" : "  [" + joined(options) + "]";
}

bool AddStoreCommand::promptMissing(CommandContext& ctx, SettingsBuilder& builder) {
    for (const auto& field : builder.missingRequired()) {
        if (!ctx.t(field.help).empty()) ctx.err() << ctx.t(field.help) << "\n";
        const std::string question =
            ctx.t(field.label) + choicesHint(field, ctx.host().company(), ctx.lang()) + ": ";
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
    ctx.out() << ctx.t(heading) << "\n"
              << Formats::table(
                     {{"  " + ctx.t({"ID trgovine:", "Store ID:"}), store.id},
                      {"  " + ctx.t({"Trgovina:", "Shop:"}), store.shop.name},
                      {"  " + ctx.t({"Valuta:", "Currency:"}), store.shop.currency},
                      {"  " + ctx.t({"Različica kataloga:", "Catalog version:"}), store.shop.catalogVersion},
                      {"  " + ctx.t({"Stanje:", "Status:"}), store.status}})
              << ctx.t({"Opravila:", "Jobs:"}) << "\n"
              << JobsCommand::table(result.jobs, false, ctx.lang());
}

EnrollmentResult AddStoreCommand::watched(CommandContext& ctx, const host_api::Text& task,
                                          const std::function<EnrollmentResult(StoreEnrollment&)>& enroll) {
    ProgressMeter meter(ctx.progressOut(), ctx.lang(), {.terminal = ctx.progressOnTerminal()}, task,
                        {"koraki", "steps"}, 2);
    StoreEnrollment enrollment(ctx.host());
    enrollment.onStage([&](const std::string& stage) {
        if (stage == "validate")
            meter.step({"preverjanje pri trgovini (v živo)", "checking with the shop (live)"});
        else if (stage == "activate")
            meter.step({"shranjevanje in aktiviranje", "storing and activating"});
    });
    EnrollmentResult result = enroll(enrollment);
    meter.finish(result.ok() ? host_api::Text{} : host_api::Text{"zavrnjeno", "refused"});
    return result;
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
    err << ctx.t(heading) << "\n";
    if (!o.field.empty()) err << "  " << ctx.t({"Polje: ", "Field: "}) << o.field << "\n";
    ctx.printOutcome(o);
    for (const auto& e : result.fieldErrors) {
        if (e.field == o.field && e.code == o.code) continue;  // already printed as the outcome
        err << "  " << ctx.t({"Polje: ", "Field: "}) << e.field << "\n"
            << "  " << ctx.t(e.message) << "\n"
            << "  " << ctx.t({"Koda: ", "Code: "}) << e.code << "\n";
    }
    return exitCodeOf(result);
}

}  // namespace estore::host
