#include "estore/host/webhooks/webhook_urls.h"

#include "estore/host/config/host_config.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/webhooks/webhook_endpoint.h"
#include "estore/host/webhooks/webhook_token.h"
#include "estore/host/webhooks/webhook_token_repository.h"

namespace estore::host {

std::string WebhookUrls::publicBaseUrl(HostConfig& config) {
    std::string base = config.getString("host.public_url", "http://127.0.0.1:8080");
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

std::string WebhookUrls::urlFor(const std::string& baseUrl, const std::string& token) {
    return baseUrl + WebhookEndpoint::kPathPrefix + token;
}

const host_api::Text& WebhookUrls::automationSteps() {
    static const host_api::Text steps{
        "Wix nadzorna plošča → Automations (Avtomatizacije) → + New automation.\n"
        "Sprožilec: \"Order placed\" (naročilo oddano) ali \"Order paid\" (naročilo plačano); za oba dogodka "
        "naredite dve avtomatizaciji z istim URL-jem.\n"
        "Dejanje: \"Send via webhook\" (novejši vmesnik: \"Send HTTP request\").\n"
        "Target URL: prilepite zgornji URL.\n"
        "Payload: \"All keys and values\" (vsi ključi in vrednosti).\n"
        "Activate (Aktiviraj).",
        "Wix dashboard → Automations → + New automation.\n"
        "Trigger: \"Order placed\" or \"Order paid\"; make one automation per event, with the same URL.\n"
        "Action: \"Send via webhook\" (newer UI: \"Send HTTP request\").\n"
        "Target URL: paste the URL above.\n"
        "Payload: \"All keys and values\".\n"
        "Activate."};
    return steps;
}

std::string WebhookUrls::generate(const std::string& storeId) {
    const std::string token = WebhookToken::generate();
    WebhookTokenRepository(_host.database()).replace(storeId, WebhookToken::hash(token));
    _host.activity().record(storeId, host_api::ActivityLevel::Info, "webhook.generated",
                            {"Generiran je nov URL za webhooke; prejšnji ne velja več.",
                             "A new webhook URL was generated; the previous one no longer works."},
                            "");
    return urlFor(publicBaseUrl(_host.config()), token);
}

bool WebhookUrls::revoke(const std::string& storeId) {
    const bool had = WebhookTokenRepository(_host.database()).revoke(storeId);
    if (had)
        _host.activity().record(storeId, host_api::ActivityLevel::Info, "webhook.revoked",
                                {"URL za webhooke je preklican.", "The webhook URL was revoked."}, "");
    return had;
}

bool WebhookUrls::has(const std::string& storeId) {
    return WebhookTokenRepository(_host.database()).has(storeId);
}

}  // namespace estore::host
