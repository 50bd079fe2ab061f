#include "wix_store.h"

#include "client/connection_check.h"
#include "embedded_manifest.h"
#include "estore/sdk/settings_check.h"
#include "orders/order_fetch_job.h"
#include "orders/order_import_job.h"
#include "settings/store_settings.h"
#include "stock/stock_push_job.h"
#include "webhooks/webhook_payload.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::Outcome;

namespace {

Outcome internalError(const char* where, const std::string& what) {
    return Outcome::failure(ErrorCategory::Permanent, "wix.internal",
                            {"Notranja napaka povezave Wix. Obvestite podporo.",
                             "Internal error in the Wix connector. Please contact support."},
                            std::string(where) + ": " + what);
}

/// Runs body, turning any exception into an outcome: nothing may cross the plugin boundary.
template <typename Result, typename Body, typename Wrap>
Result guarded(const char* where, Body&& body, Wrap&& wrap) noexcept {
    try {
        return body();
    } catch (const std::exception& e) {
        return wrap(internalError(where, e.what()));
    } catch (...) {
        return wrap(internalError(where, "unknown exception"));
    }
}

bool flagOn(const host_api::Settings& settings, const std::string& id) {
    auto it = settings.find(id);
    return it != settings.end() && it->second == "true";
}

host_api::JobReport failedReport(Outcome outcome) {
    host_api::JobReport report;
    report.summary = outcome.message;
    report.outcome = std::move(outcome);
    return report;
}

Outcome notYetAvailable(const std::string& what) {
    return Outcome::failure(ErrorCategory::Permanent, "wix.not_available",
                            {"Ta različica povezave Wix še ne podpira: " + what + ".",
                             "This version of the Wix connector does not support " + what + " yet."},
                            what);
}

struct EmbeddedManifest {
    sdk::Manifest manifest;
    std::string error;  ///< set if the embedded manifest did not parse (a build defect)
};

/// The manifest compiled into the library, read once per process: a constant (host_api/README.md: a
/// function-local constant is fine, a cache is not), the same for every store, so creating a store for a
/// job costs no JSON (issue 19: plugin load + create ≤ 3 × an empty dlopen).
const EmbeddedManifest& embeddedManifest() {
    static const EmbeddedManifest embedded = [] {
        EmbeddedManifest e;
        sdk::ManifestResult parsed = sdk::ManifestReader::parse(embeddedManifestJson(), {});
        if (parsed.ok())
            e.manifest = std::move(*parsed.manifest);
        else
            e.error = parsed.errorText();
        return e;
    }();
    return embedded;
}

}  // namespace

WixStore::WixStore() : _manifest(embeddedManifest().manifest), _manifestError(embeddedManifest().error) {}

host_api::StoreDescriptor WixStore::describe() const {
    return _manifest.descriptor;
}

host_api::Validation WixStore::validate(const host_api::Settings& settings, const host_api::Settings& secrets,
                                        host_api::HostServices& host) {
    return guarded<host_api::Validation>(
        "validate", [&] { return validateUnsafe(settings, secrets, host); },
        [](Outcome o) {
            host_api::Validation v;
            v.outcome = std::move(o);
            return v;
        });
}

host_api::Validation WixStore::validateUnsafe(const host_api::Settings& settings,
                                              const host_api::Settings& secrets,
                                              host_api::HostServices& host) {
    host_api::Validation v;
    if (!_manifestError.empty()) {
        v.outcome = internalError("manifest", _manifestError);
        return v;
    }
    LocalCheck local = checkLocally(_manifest.descriptor.fields, settings, secrets, host.company);
    v.fieldErrors = local.errors;
    if (!local.ok()) {
        const auto& first = local.errors.front();
        v.outcome =
            Outcome::failure(ErrorCategory::Config, first.code, first.message, "local check", first.field);
        return v;
    }
    ConnectionCheck check(host, local.apiKey, local.siteId);
    v.outcome = check.run(flagOn(local.normalized, "sync_stock"), v.shop);
    if (v.outcome.ok()) {
        v.normalized = std::move(local.normalized);
        v.normalized["catalog_version"] = v.shop.catalogVersion;
    } else if (!v.outcome.field.empty()) {
        v.fieldErrors.push_back({v.outcome.field, v.outcome.code, v.outcome.message});
    }
    return v;
}

Outcome WixStore::activate(const host_api::StoreRef& store, host_api::HostServices& host) {
    return guarded<Outcome>(
        "activate", [&] { return activateUnsafe(store, host); }, [](Outcome o) { return o; });
}

Outcome WixStore::activateUnsafe(const host_api::StoreRef& store, host_api::HostServices& host) {
    if (!host.scheduler) return internalError("activate", "the host passed no scheduler");
    // Each recurring job runs when the flag that enables it is on; turning a flag off cancels the job.
    for (const auto& job : _manifest.descriptor.jobs) {
        if (job.defaultIntervalSeconds <= 0) continue;
        const bool wanted = job.enabledBy.empty() || flagOn(store.settings, job.enabledBy);
        Outcome o = wanted ? host.scheduler->schedule(store.storeId, {job.id, job.defaultIntervalSeconds, 0})
                           : host.scheduler->cancel(store.storeId, job.id);
        if (!o.ok()) return o;
    }
    return Outcome::success();
}

Outcome WixStore::deactivate(const host_api::StoreRef& store, host_api::HostServices& host) {
    return guarded<Outcome>(
        "deactivate",
        [&] {
            if (!host.scheduler) return internalError("deactivate", "the host passed no scheduler");
            for (const auto& job : _manifest.descriptor.jobs) {
                Outcome o = host.scheduler->cancel(store.storeId, job.id);
                if (!o.ok()) return o;
            }
            return Outcome::success();
        },
        [](Outcome o) { return o; });
}

host_api::JobReport WixStore::runJob(const host_api::JobRequest& job, host_api::HostServices& host) {
    return guarded<host_api::JobReport>(
        "runJob", [&] { return runJobUnsafe(job, host); },
        [](Outcome o) {
            host_api::JobReport r;
            r.outcome = std::move(o);
            return r;
        });
}

host_api::JobReport WixStore::runJobUnsafe(const host_api::JobRequest& job, host_api::HostServices& host) {
    if (!host.state || !host.salesOrders)
        return failedReport(internalError("runJob", "the host passed no state or sales orders service"));
    if (job.jobId == OrderImportJob::kJobId) return OrderImportJob(job, host).run();
    if (job.jobId == OrderFetchJob::kJobId) return OrderFetchJob(job, host).run();
    if (job.jobId == StockPushJob::kJobId) return StockPushJob(job, host).run();
    if (_manifest.job(job.jobId)) return failedReport(notYetAvailable("job " + job.jobId));
    return failedReport(Outcome::failure(ErrorCategory::Permanent, "wix.job.unknown",
                                         {"Neznano opravilo: " + job.jobId, "Unknown job: " + job.jobId},
                                         job.jobId));
}

host_api::WebhookAck WixStore::onWebhook(const host_api::StoreRef& store,
                                         const host_api::WebhookRequest& request,
                                         host_api::HostServices& host) {
    return guarded<host_api::WebhookAck>(
        "onWebhook", [&] { return onWebhookUnsafe(store, request, host); },
        [](Outcome o) {
            host_api::WebhookAck ack;
            ack.outcome = std::move(o);
            ack.httpStatus = 500;
            return ack;
        });
}

host_api::WebhookAck WixStore::onWebhookUnsafe(const host_api::StoreRef& store,
                                               const host_api::WebhookRequest& request,
                                               host_api::HostServices& host) {
    host_api::WebhookAck ack;
    const PayloadReading reading = readOrderReference(request.contentType, request.body);
    if (!reading.reference) {
        ack.outcome =
            Outcome::failure(ErrorCategory::Permanent, "wix.webhook.no_reference",
                             {"Webhook iz Wixa ne navaja naročila, zato ni bil obdelan. Naročilo bo prišlo z "
                              "naslednjim urnim uvozom. "
                              "V Wixu pri akciji »Send via webhook« izberite vsebino »All keys and values«.",
                              "The webhook from Wix names no order, so it was not processed. The order will "
                              "come with the next hourly "
                              "import. In Wix, choose the payload \"All keys and values\" for the \"Send via "
                              "webhook\" action."},
                             reading.problem);
        ack.httpStatus = 400;
        if (host.activity)
            host.activity->record(store.storeId, host_api::ActivityLevel::Warning, ack.outcome.code,
                                  ack.outcome.message, ack.outcome.detail);
        return ack;
    }
    std::map<std::string, std::string> args;
    if (!reading.reference->orderId.empty()) args["id"] = reading.reference->orderId;
    if (!reading.reference->orderNumber.empty()) args["number"] = reading.reference->orderNumber;
    ack.outcome = host.scheduler ? host.scheduler->runSoon(store.storeId, OrderFetchJob::kJobId, args)
                                 : internalError("onWebhook", "the host passed no scheduler");
    ack.httpStatus = ack.outcome.ok() ? 200 : 503;
    return ack;
}

}  // namespace estore::wix
