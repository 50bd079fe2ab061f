#include "estore/host/cli/webhook_command.h"

#include <ostream>
#include <sstream>

#include "estore/host/cli/command_context.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/webhooks/webhook_urls.h"

namespace estore::host {

namespace {

/// WebhookUrls' steps in `lang`, numbered, and the warning that the URL is a secret.
std::string numberedSteps(const Language& lang) {
    std::istringstream steps(lang.pick(WebhookUrls::automationSteps()));
    std::string out = lang.pick({"Nastavitev v Wixu:", "Set-up in Wix:"}) + "\n", line;
    for (int n = 1; std::getline(steps, line); ++n) out += "  " + std::to_string(n) + ". " + line + "\n";
    return out +
           lang.pick({"URL je skrivnost: kdor ga pozna, lahko sproži uvoz. Prikazan je samo enkrat; če "
                      "ga izgubite,\nga generirajte znova (stari takoj preneha delovati).\n",
                      "The URL is a secret: whoever knows it can trigger an import. It is shown only "
                      "once; if you lose it,\ngenerate it again (the old one stops working at once).\n"});
}

}  // namespace

std::string WebhookCommand::publicBaseUrl(CommandContext& ctx) {
    return WebhookUrls::publicBaseUrl(ctx.config());
}

std::string WebhookCommand::urlFor(const std::string& baseUrl, const std::string& token) {
    return WebhookUrls::urlFor(baseUrl, token);
}

std::string WebhookCommand::generate(CommandContext& ctx, const std::string& storeId) {
    return WebhookUrls(ctx.host()).generate(storeId);
}

int WebhookCommand::run(CommandContext& ctx) {
    if (ctx.args().size() != 1)
        return ctx.usage({"webhook potrebuje natanko en argument: STORE_ID",
                          "webhook needs exactly one argument: STORE_ID"});
    const std::string& storeId = ctx.args().front();
    const bool wantGenerate = ctx.options().generate;
    if (wantGenerate == ctx.options().revoke)
        return ctx.usage(
            {"webhook potrebuje --generate ali --revoke", "webhook needs --generate or --revoke"});
    if (!StoreRepository(ctx.database()).find(storeId)) {
        ctx.reportUnknownStore(storeId);
        return kExitFailure;
    }
    if (!wantGenerate) return revoke(ctx, storeId);
    return printGenerated(ctx, storeId, generate(ctx, storeId));
}

int WebhookCommand::printGenerated(CommandContext& ctx, const std::string& storeId, const std::string& url) {
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("store_id", storeId);
        root->set("url", url);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t({"URL za webhooke trgovine " + storeId + ":", "Webhook URL of store " + storeId + ":"})
              << "\n\n  " << url << "\n\n"
              << numberedSteps(ctx.lang());
    return kExitOk;
}

int WebhookCommand::revoke(CommandContext& ctx, const std::string& storeId) {
    const bool had = WebhookUrls(ctx.host()).revoke(storeId);
    if (ctx.options().json) {
        auto root = JsonCodec::newObject();
        root->set("ok", true);
        root->set("store_id", storeId);
        root->set("revoked", had);
        ctx.out() << JsonCodec::stringify(root) << "\n";
        return kExitOk;
    }
    ctx.out() << ctx.t(had ? host_api::Text{"URL za webhooke je preklican.", "The webhook URL was revoked."}
                           : host_api::Text{"Trgovina nima URL-ja za webhooke.",
                                            "The store has no webhook URL."})
              << "\n";
    return kExitOk;
}

}  // namespace estore::host
