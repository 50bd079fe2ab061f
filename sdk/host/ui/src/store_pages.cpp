#include "estore/host/ui/store_pages.h"

#include <algorithm>
#include <map>

#include "estore/host/core/formats.h"
#include "estore/host/enrollment/settings_builder.h"
#include "estore/host/invoicing/invoice_repository.h"
#include "estore/host/services/host_service_set.h"
#include "estore/host/storage/database.h"
#include "estore/host/storage/job_repository.h"
#include "estore/host/storage/store_repository.h"
#include "estore/host/ui/admin_plugins.h"
#include "estore/host/ui/admin_request.h"
#include "estore/host/ui/page_layout.h"
#include "estore/host/ui/record_pages.h"
#include "estore/host/ui/settings_form.h"
#include "estore/host/webhooks/webhook_urls.h"

namespace estore::host {

namespace {

/// The platforms' manifests by id, for field labels and job names.
std::map<std::string, sdk::Manifest> manifestsById(AdminRequest& request) {
    std::map<std::string, sdk::Manifest> manifests;
    for (auto& manifest : request.plugins().platforms()) manifests.emplace(manifest.id, std::move(manifest));
    return manifests;
}

std::string jobName(AdminRequest& request, const sdk::Manifest* manifest, const std::string& job) {
    if (manifest)
        if (const auto* spec = manifest->job(job)) return request.t(spec->name);
    return Html::escape(job);
}

std::string statusCell(AdminRequest& request, const StoreRecord& store) {
    if (store.status == StoreRepository::kActive)
        return "<span class=\"status-active\">" + request.t({"Deluje", "Active"}) + "</span>";
    std::string html = "<span class=\"status-needs_attention\">" +
                       request.t({"Potrebuje pozornost", "Needs attention"}) + "</span>";
    if (!store.statusMessage.sl.empty() || !store.statusMessage.en.empty())
        html += "<br>" + request.t(store.statusMessage);
    else if (!store.statusDetail.empty())
        html += "<br>" + Html::escape(store.statusDetail);
    html += "<br><a class=\"fix\" href=\"" + Html::escape(StorePages::path(store.id)) + "/settings\">" +
            request.t({"Popravite nastavitve trgovine", "Correct the store's settings"}) +
            "</a> <span class=\"muted\">" +
            request.t({"(ali estore-host configure " + store.id + "); opravila čakajo do takrat.",
                       "(or estore-host configure " + store.id + "); its jobs wait until then."}) +
            "</span>";
    return html;
}

std::string lastRun(AdminRequest& request, const JobRecord& job) {
    if (job.lastRunAt == 0) return request.t({"še ni tekel", "not run yet"});
    const bool ok = job.lastStatus == "ok";
    return Html::escape(Formats::localTime(job.lastRunAt)) + " · <span class=\"" +
           (ok ? "status-active" : "status-needs_attention") + "\">" +
           (ok ? request.t({"uspešno", "ok"}) : Html::escape(job.lastStatus)) + "</span>";
}

std::string countsText(AdminRequest& request, const std::map<std::string, std::int64_t>& counts) {
    std::string text;
    for (const auto& [name, count] : counts)
        text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
    return text.empty() ? request.lang().pick({"začenja", "starting"}) : text;
}

std::string postButton(AdminRequest& request, const std::string& action, const std::string& field,
                       const std::string& value, const std::string& id, const host_api::Text& label) {
    return "<form method=\"post\" class=\"inline\" action=\"" + Html::escape(action) + "\">" +
           PageLayout::csrfField(request) + "<input type=\"hidden\" name=\"" + field + "\" value=\"" +
           Html::escape(value) + "\"><button type=\"submit\" id=\"" + Html::escape(id) + "\">" +
           request.t(label) + "</button></form>";
}

std::string jobsSection(AdminRequest& request, const StoreRecord& store, const sdk::Manifest* manifest) {
    const std::int64_t now = Database::nowMillis();
    const auto jobs = JobRepository(request.host().database()).list(store.id);
    const bool active = std::any_of(jobs.begin(), jobs.end(), [&](const JobRecord& job) {
        return job.running(now) || job.nextRunAt <= now;
    });
    std::string html =
        "<h2>" + request.t({"Opravila", "Jobs"}) + "</h2><table id=\"jobs\"" +
        (active ? " data-poll=\"" + Html::escape(StorePages::path(store.id)) + "/jobs.json\"" : "") +
        "><thead><tr><th>" + request.t({"Opravilo", "Job"}) + "</th><th>" +
        request.t({"Naslednji zagon", "Next run"}) + "</th><th>" + request.t({"Stanje", "State"}) +
        "</th><th>" + request.t({"Povzetek", "Summary"}) + "</th><th></th></tr></thead><tbody>";
    for (const auto& job : jobs) {
        html +=
            "<tr data-job=\"" + Html::escape(job.job) + "\"><td>" + jobName(request, manifest, job.job) +
            (job.recurring() ? ""
                             : " <span class=\"muted\">(" + request.t({"enkratno", "one-off"}) + ")</span>") +
            "</td><td>" + Html::escape(Formats::localTime(job.nextRunAt)) + "</td><td class=\"state\">" +
            StorePages::jobState(request, job, now) + "</td><td>" +
            Html::escape(job.lastSummary.empty() ? job.lastError : job.lastSummary) + "</td><td>" +
            (job.recurring() ? postButton(request, StorePages::path(store.id) + "/run", "job", job.job,
                                          "run-" + job.job, {"Zaženi zdaj", "Run now"})
                             : "") +
            "</td></tr>";
    }
    return html + "</tbody></table>";
}

std::string webhookSection(AdminRequest& request, const StoreRecord& store, const sdk::Manifest* manifest) {
    if (!manifest || !manifest->field("webhook")) return "";
    const bool has = WebhookUrls(request.host()).has(store.id);
    std::string html = "<h2>Webhook</h2><div class=\"card\" id=\"webhook\"><p id=\"webhook-state\">" +
                       (has ? request.t({"URL za webhooke je izdan (prikazan je bil enkrat).",
                                         "A webhook URL is issued (it was shown once)."})
                            : request.t({"URL za webhooke še ni izdan.", "No webhook URL is issued yet."})) +
                       "</p><p class=\"muted\">" + request.t(manifest->field("webhook")->help) + "</p>" +
                       postButton(request, StorePages::path(store.id) + "/webhook", "action", "generate",
                                  "webhook-generate", {"Generiraj", "Generate"});
    if (has)
        html += " " + postButton(request, StorePages::path(store.id) + "/webhook", "action", "revoke",
                                 "webhook-revoke", {"Prekliči", "Revoke"});
    return html + "</div>";
}

}  // namespace

std::string StorePages::path(const std::string& storeId) {
    return "/stores/" + Html::urlEncode(storeId);
}

bool StorePages::exists(AdminRequest& request, const std::string& storeId) {
    if (StoreRepository(request.host().database()).find(storeId)) return true;
    request.refuse(404, {"Trgovine " + storeId + " ni.", "There is no store " + storeId + "."});
    return false;
}

std::string StorePages::jobState(AdminRequest& request, const JobRecord& job, std::int64_t nowMs) {
    if (job.running(nowMs))
        return "<span class=\"running\">" + request.t({"teče", "running"}) + ": " +
               Html::escape(countsText(request, job.progress)) + "</span>";
    if (job.nextRunAt <= nowMs)
        return "<span class=\"waiting\">" +
               request.t({"na vrsti; čaka na izvajalca (estore-host run)",
                          "due; waiting for a worker (estore-host run)"}) +
               "</span>";
    return lastRun(request, job);
}

void StorePages::list(AdminRequest& request) {
    HostServiceSet& host = request.host();
    const auto stores = StoreRepository(host.database()).list();
    const auto manifests = manifestsById(request);
    std::string body = "<p><a class=\"button\" href=\"/stores/new\" id=\"add-store\">" +
                       request.t({"Dodaj elektronsko trgovino", "Add electronic store"}) + "</a></p>";
    if (stores.empty()) {
        body += "<div class=\"card\" id=\"no-stores\">" +
                request.t({"Povezana ni še nobena spletna trgovina.", "No online store is connected yet."}) +
                "</div>";
        request.sendPage(200, request.lang().pick({"Elektronske trgovine", "Electronic stores"}), body);
        return;
    }
    body += "<table id=\"stores\"><thead><tr><th>" + request.t({"Trgovina", "Store"}) + "</th><th>" +
            request.t({"Platforma", "Platform"}) + "</th><th>" + request.t({"Stanje", "Status"}) +
            "</th><th>" + request.t({"Naročila", "Orders"}) + "</th><th>" + request.t({"Opravila", "Jobs"}) +
            "</th></tr></thead><tbody>";
    JobRepository jobs(host.database());
    for (const auto& store : stores) {
        const auto manifest = manifests.find(store.platform);
        const sdk::Manifest* spec = manifest == manifests.end() ? nullptr : &manifest->second;
        std::string jobCell;
        for (const auto& job : jobs.list(store.id)) {
            if (!job.recurring()) continue;
            jobCell += "<div>" + jobName(request, spec, job.job) + ": " + lastRun(request, job) + "</div>";
        }
        body += "<tr id=\"store-" + Html::escape(store.id) + "\"><td><a href=\"" +
                Html::escape(StorePages::path(store.id)) + "\">" + Html::escape(store.id) + "</a><br>" +
                Html::escape(store.shop.name) + "</td><td>" +
                (spec ? request.t(spec->name) : Html::escape(store.platform)) + "</td><td>" +
                statusCell(request, store) + "</td><td>" +
                std::to_string(host.salesOrders().count(store.id)) + "</td><td>" + jobCell + "</td></tr>";
    }
    body += "</tbody></table>";
    request.sendPage(200, request.lang().pick({"Elektronske trgovine", "Electronic stores"}), body);
}

void StorePages::store(AdminRequest& request, const std::string& storeId) {
    HostServiceSet& host = request.host();
    const auto store = StoreRepository(host.database()).find(storeId);
    if (!store) {
        request.refuse(404, {"Trgovine " + storeId + " ni.", "There is no store " + storeId + "."});
        return;
    }
    const auto manifests = manifestsById(request);
    const auto found = manifests.find(store->platform);
    const sdk::Manifest* manifest = found == manifests.end() ? nullptr : &found->second;
    std::string body;
    if (request.field("saved") == "1")
        body += "<div class=\"notice\" id=\"saved\">" +
                request.t({"Nastavitve so shranjene in preverjene; trgovina deluje.",
                           "The settings are saved and checked; the store is active."}) +
                "</div>";
    if (request.field("added") == "1")
        body += "<div class=\"notice\" id=\"added\">" +
                request.t({"Trgovina je dodana, njena opravila so registrirana.",
                           "The store is added and its jobs are registered."}) +
                "</div>";
    body +=
        "<div class=\"card\"><dl class=\"facts\" id=\"shop\"><dt>" + request.t({"Trgovina", "Shop"}) +
        "</dt><dd>" + Html::escape(store->shop.name) + "</dd><dt>" + request.t({"Platforma", "Platform"}) +
        "</dt><dd>" + (manifest ? request.t(manifest->name) : Html::escape(store->platform)) + "</dd><dt>" +
        request.t({"Valuta", "Currency"}) + "</dt><dd>" + Html::escape(store->shop.currency) + "</dd><dt>" +
        request.t({"Stanje", "Status"}) + "</dt><dd>" + statusCell(request, *store) + "</dd><dt>" +
        request.t({"Naročila", "Orders"}) + "</dt><dd>" + std::to_string(host.salesOrders().count(storeId)) +
        " · <a id=\"orders-link\" href=\"" + Html::escape(StorePages::path(store->id)) + "/orders\">" +
        request.t({"prikaži", "show"}) + "</a></dd><dt>" + request.t({"Računi", "Invoices"}) + "</dt><dd>" +
        std::to_string(InvoiceRepository(host.database()).count(storeId)) +
        " · <a id=\"invoices-link\" href=\"" + Html::escape(StorePages::path(store->id)) + "/invoices\">" +
        request.t({"prikaži", "show"}) + "</a></dd></dl></div>";

    body += "<h2>" + request.t({"Nastavitve", "Settings"}) + "</h2><p><a id=\"edit-settings\" href=\"" +
            Html::escape(StorePages::path(store->id)) + "/settings\">" +
            request.t({"Uredi nastavitve", "Edit settings"}) + "</a></p><table id=\"settings\"><tbody>";
    if (manifest) {
        for (const auto& field : manifest->descriptor.fields) {
            if (field.kind == host_api::FieldKind::Action) continue;
            std::string value;
            if (isSecretField(field)) {
                value = host.secrets().read(storeId, field.id) ? request.t({"nastavljeno", "set"})
                                                               : request.t({"ni nastavljeno", "not set"});
            } else {
                auto it = store->settings.find(field.id);
                if (it != store->settings.end())
                    value = SettingsForm::display(request, field, it->second, host.company());
            }
            body += "<tr><th>" + request.t(field.label) + "</th><td>" + value + "</td></tr>";
        }
    }
    body += "</tbody></table>";

    body += jobsSection(request, *store, manifest);
    body += webhookSection(request, *store, manifest);

    body += "<h2>" + request.t({"Dnevnik dejavnosti", "Activity log"}) +
            "</h2><p><a id=\"activity-link\" href=\"" + Html::escape(StorePages::path(store->id)) +
            "/activity\">" + request.t({"Ves dnevnik, po ravneh", "The whole log, by level"}) + "</a></p>" +
            RecordPages::activityTable(request, host.activity().page(storeId, "", 0, 20));
    request.sendPage(200, store->id + " · " + store->shop.name, body);
}

}  // namespace estore::host
