#include "estore/host/cli/webhook_command.h"

#include <ostream>

#include "estore/host/cli/command_context.h"
#include "estore/host/config/host_config.h"
#include "estore/host/core/json_codec.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/webhooks/webhook_endpoint.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"

namespace estore::host {

namespace {

constexpr const char* kSteps =
    "Nastavitev v Wixu / set-up in Wix:\n"
    "  1. Wix nadzorna plošča → Automations (Avtomatizacije) → + New automation\n"
    "     Wix dashboard → Automations → + New automation\n"
    "  2. Sprožilec: \"Order placed\" (naročilo oddano) ali \"Order paid\" (naročilo plačano);\n"
    "     za oba dogodka naredite dve avtomatizaciji z istim URL-jem.\n"
    "     Trigger: \"Order placed\" or \"Order paid\"; make one automation per event, same URL.\n"
    "  3. Dejanje / action: \"Send via webhook\" (novejši vmesnik / newer UI: \"Send HTTP request\")\n"
    "  4. Target URL: prilepite zgornji URL / paste the URL above\n"
    "  5. Payload: \"All keys and values\" (vsi ključi in vrednosti)\n"
    "  6. Activate (Aktiviraj)\n"
    "URL je skrivnost: kdor ga pozna, lahko sproži uvoz. Prikazan je samo enkrat; če ga izgubite,\n"
    "ga generirajte znova (stari takoj preneha delovati).\n"
    "The URL is a secret: whoever knows it can trigger an import. It is shown only once; if you lose it,\n"
    "generate it again (the old one stops working at once).\n";

}  // namespace

std::string WebhookCommand::publicBaseUrl(CommandContext& ctx) {
    std::string base = ctx.config().getString("host.public_url", "http://127.0.0.1:8080");
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

std::string WebhookCommand::urlFor(const std::string& baseUrl, const std::string& token) {
    return baseUrl + WebhookEndpoint::kPathPrefix + token;
}

std::string WebhookCommand::generate(CommandContext& ctx, const std::string& storeId) {
    const std::string token = WebhookToken::generate();
    HostServiceSet& host = ctx.host();
    WebhookTokenRepository(host.database()).replace(storeId, WebhookToken::hash(token));
    host.activity().record(storeId, host_api::ActivityLevel::Info, "webhook.generated",
                           {"Generiran je nov URL za webhooke; prejšnji ne velja več.",
                            "A new webhook URL was generated; the previous one no longer works."},
                           "");
    return urlFor(publicBaseUrl(ctx), token);
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
              << kSteps;
    return kExitOk;
}

int WebhookCommand::revoke(CommandContext& ctx, const std::string& storeId) {
    HostServiceSet& host = ctx.host();
    const bool had = WebhookTokenRepository(host.database()).revoke(storeId);
    if (had)
        host.activity().record(storeId, host_api::ActivityLevel::Info, "webhook.revoked",
                               {"URL za webhooke je preklican.", "The webhook URL was revoked."}, "");
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
