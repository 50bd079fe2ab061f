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

/// WebhookUrls' steps, numbered, each in Slovenian and then English.
std::string numberedSteps() {
    const auto& steps = WebhookUrls::automationSteps();
    std::istringstream sl(steps.sl), en(steps.en);
    std::string out = "Nastavitev v Wixu / set-up in Wix:\n", slLine, enLine;
    for (int n = 1; std::getline(sl, slLine) && std::getline(en, enLine); ++n)
        out += "  " + std::to_string(n) + ". " + slLine + "\n     " + enLine + "\n";
    return out +
           "URL je skrivnost: kdor ga pozna, lahko sproži uvoz. Prikazan je samo enkrat; če ga izgubite,\n"
           "ga generirajte znova (stari takoj preneha delovati).\n"
           "The URL is a secret: whoever knows it can trigger an import. It is shown only once; if you lose "
           "it,\n"
           "generate it again (the old one stops working at once).\n";
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
    if (ctx.args().size() != 1) return ctx.usage("webhook needs exactly one argument: STORE_ID");
    const std::string& storeId = ctx.args().front();
    const bool wantGenerate = ctx.options().generate;
    if (wantGenerate == ctx.options().revoke) return ctx.usage("webhook needs --generate or --revoke");
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
    ctx.out() << "URL za webhooke trgovine " << storeId << " / webhook URL of store " << storeId << ":\n\n  "
              << url << "\n\n"
              << numberedSteps();
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
    ctx.out() << (had ? "URL za webhooke je preklican. / The webhook URL was revoked.\n"
                      : "Trgovina nima URL-ja za webhooke. / The store has no webhook URL.\n");
    return kExitOk;
}

}  // namespace estore::host
