#include "estore/host/ui/store_actions.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/store_pages.h"
#include "estore/host/webhooks/webhook_urls.h"

namespace estore::host {

void StoreActions::runNow(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    const std::string job = request.field("job");
    if (!JobRepository(request.host().database()).runSoon(storeId, job, Database::nowMillis())) {
        request.refuse(404, {"Trgovina nima opravila " + job + ".", "The store has no job " + job + "."});
        return;
    }
    request.redirect(StorePages::path(storeId));
}

void StoreActions::webhook(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    WebhookUrls urls(request.host());
    if (request.field("action") == "revoke") {
        urls.revoke(storeId);
        request.redirect(StorePages::path(storeId));
        return;
    }
    if (request.field("action") != "generate") {
        request.refuse(400, {"Neznano dejanje.", "Unknown action."});
        return;
    }
    // Shown in this answer only: the token is not stored, and the page is not cached (Cache-Control).
    const std::string url = urls.generate(storeId);
    std::string steps;
    std::istringstream lines(request.lang().pick(WebhookUrls::automationSteps()));
    for (std::string line; std::getline(lines, line);) steps += "<li>" + Html::escape(line) + "</li>";
    const std::string body =
        "<div class=\"card\"><p>" +
        request.t({"Nov URL za webhooke (prejšnji ne velja več):",
                   "The new webhook URL (the previous one no longer works):"}) +
        "</p><p><code id=\"webhook-url\">" + Html::escape(url) +
        "</code> <button type=\"button\" data-copy=\"webhook-url\" id=\"webhook-copy\">" +
        request.t({"Kopiraj", "Copy"}) + "</button></p><div class=\"alert\">" +
        request.t({"URL je skrivnost: kdor ga pozna, lahko sproži uvoz. Prikazan je samo enkrat; če ga "
                   "izgubite, ga "
                   "generirajte znova.",
                   "The URL is a secret: whoever knows it can trigger an import. It is shown only once; if "
                   "you lose "
                   "it, generate it again."}) +
        "</div><h2>" + request.t({"Nastavitev v Wixu", "Set-up in Wix"}) + "</h2><ol id=\"webhook-steps\">" +
        steps + "</ol><p><a href=\"" + Html::escape(StorePages::path(storeId)) + "\" id=\"back\">" +
        request.t({"Nazaj na trgovino", "Back to the store"}) + "</a></p></div>";
    request.sendPage(200, "Webhook · " + storeId, body);
}

void StoreActions::jobsJson(AdminRequest& request, const std::string& storeId) {
    if (!StorePages::exists(request, storeId)) return;
    const std::int64_t now = Database::nowMillis();
    Poco::JSON::Object root;
    Poco::JSON::Array::Ptr jobs = new Poco::JSON::Array;
    bool active = false;
    for (const auto& job : JobRepository(request.host().database()).list(storeId)) {
        active = active || job.running(now) || job.nextRunAt <= now;
        Poco::JSON::Object::Ptr entry = new Poco::JSON::Object;
        entry->set("job", job.job);
        entry->set("state", StorePages::jobState(request, job, now));
        jobs->add(entry);
    }
    root.set("active", active);
    root.set("jobs", jobs);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out);
    request.sendText(200, "application/json; charset=utf-8", out.str());
}

}  // namespace estore::host
