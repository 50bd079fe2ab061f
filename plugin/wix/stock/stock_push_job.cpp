#include "stock/stock_push_job.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <map>
#include <sstream>

#include "client/store_session.h"
#include "client/wix_errors.h"
#include "estore/sdk/json_access.h"
#include "stock/stock_catalog_reader.h"

namespace estore::wix {

using host_api::ActivityLevel;
using host_api::ErrorCategory;
using host_api::Outcome;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

constexpr std::size_t kListedInActivity = 20;  // the log names this many codes, then says how many more

/// "A, B, C" or "A, B, … (+18)": enough to find them, short enough to read.
std::string listed(const std::vector<std::string>& codes) {
    std::string text;
    for (std::size_t i = 0; i < codes.size() && i < kListedInActivity; ++i)
        text += (i ? ", " : "") + codes[i];
    if (codes.size() > kListedInActivity)
        text += ", … (+" + std::to_string(codes.size() - kListedInActivity) + ")";
    return text;
}

Outcome stockFailure(ErrorCategory category, const char* code, host_api::Text text, std::string detail = {}) {
    return Outcome::failure(category, code, std::move(text), std::move(detail));
}

/// Failures that concern one item's change; anything else (auth, outage, rate limit) ends the run.
bool itemLevel(const Outcome& o) {
    return o.code == "wix.stock.refused";
}

std::optional<CatalogVersion> versionFromSetting(const std::string& value) {
    if (value == "V1") return CatalogVersion::V1;
    if (value == "V3") return CatalogVersion::V3;
    return std::nullopt;
}

}  // namespace

StockPushJob::StockPushJob(const host_api::JobRequest& request, host_api::HostServices& host)
    : _request(request), _host(host) {}

std::string StockPushJob::setting(const std::string& key) const {
    auto it = _request.store.settings.find(key);
    return it == _request.store.settings.end() ? std::string() : it->second;
}

std::string StockPushJob::v1UpdateBody(const std::vector<const WixStockItem*>& items,
                                       const std::vector<std::int64_t>& quantities) {
    Array::Ptr variants = new Array;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Object::Ptr variant = new Object;
        variant->set("variantId", items[i]->variantId);
        variant->set("quantity", quantities[i]);
        variants->add(variant);
    }
    Object::Ptr inventoryItem = new Object;
    inventoryItem->set("trackQuantity", true);  // only tracked items are ever pushed
    inventoryItem->set("variants", variants);
    Object body;
    body.set("inventoryItem", inventoryItem);
    return sdk::jsonText(body);
}

std::string StockPushJob::v3UpdateBody(const std::vector<const WixStockItem*>& items,
                                       const std::vector<std::int64_t>& quantities) {
    Array::Ptr list = new Array;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Object::Ptr item = new Object;
        item->set("id", items[i]->inventoryItemId);
        item->set("revision", items[i]->revision);  // the optimistic lock: a change meanwhile fails this item
        item->set("quantity", quantities[i]);
        Object::Ptr wrapper = new Object;
        wrapper->set("inventoryItem", item);
        list->add(wrapper);
    }
    Object body;
    body.set("inventoryItems", list);
    body.set("returnEntity", false);
    return sdk::jsonText(body);
}

host_api::JobReport StockPushJob::run() {
    host_api::JobReport report;
    for (const char* key : {"pushed", "unchanged", "unmatched", "failed"}) report.counts[key] = 0;
    if (setting("sync_stock") != "true") {
        report.outcome = stockFailure(
            ErrorCategory::Config, "wix.stock.disabled",
            {"Prenos zaloge je v nastavitvah trgovine izklopljen, zato se zaloga v Wix ne prenaša. Vklopite "
             "»Prenašaj zalogo« (estore-host configure).",
             "Stock sync is off in the store's settings, so no stock is pushed to Wix. Turn on \"Sync "
             "stock\" "
             "(estore-host configure)."});
        return report;
    }
    if (!_host.stock) {
        report.outcome = stockFailure(ErrorCategory::Permanent, "wix.internal",
                                      {"Notranja napaka povezave Wix. Obvestite podporo.",
                                       "Internal error in the Wix connector. Please contact support."},
                                      "the host passed no stock service");
        return report;
    }
    std::vector<host_api::StockLevel> levels;
    report.outcome = _host.stock->levels(setting("warehouse"), levels);
    if (!report.outcome.ok()) return report;

    StoreSession session = openStoreSession(_request.store, _host);
    if (!session.client) {
        report.outcome = session.error;
        return report;
    }
    WixClient& client = *session.client;
    std::optional<CatalogVersion> version = versionFromSetting(setting("catalog_version"));
    std::vector<WixStockItem> items;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!version || attempt > 0) {
            // Not known from activation, or Wix said 428: ask the site which catalog it is on now.
            CatalogVersion found = CatalogVersion::V1;
            WixAnswer asked = client.catalogVersion(found);
            report.outcome = asked.outcome;
            if (!report.outcome.ok()) break;
            if (found == CatalogVersion::StoresNotInstalled) {
                report.outcome = storesNotInstalled("stock.push");
                break;
            }
            version = found;
        }
        const auto pageRead = [&](std::size_t read) {
            report.counts["read_items"] = static_cast<std::int64_t>(read);
            reportProgress(report);
        };
        report.outcome = StockCatalogReader(client, pageRead).read(*version, items);
        if (report.outcome.code != "wix.precondition") break;
    }
    report.counts["wix_calls"] = client.requestsSent();
    if (!report.outcome.ok()) {
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        return report;
    }

    const StockPlan plan =
        StockPlanner::plan(levels, items, StockPlanner::basisFromSetting(setting("stock_quantity")));
    report.counts["unchanged"] = static_cast<std::int64_t>(plan.unchanged);
    report.counts["unmatched"] = static_cast<std::int64_t>(plan.unmatched());
    report.counts["untracked"] = static_cast<std::int64_t>(plan.untracked.size());
    report.counts["without_sku"] = static_cast<std::int64_t>(plan.withoutSku);
    report.counts["to_push"] = static_cast<std::int64_t>(plan.updates.size());
    recordPlan(plan, items);
    reportProgress(report);

    const std::int64_t readCalls = client.requestsSent();
    report.outcome = push(client, *version, items, plan, report);
    report.counts["failed"] = static_cast<std::int64_t>(_failures.size());
    report.counts["write_calls"] = client.requestsSent() - readCalls;
    report.counts["wix_calls"] = client.requestsSent();
    recordFailures();
    if (!report.outcome.ok()) {
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
    } else if (!_failures.empty()) {
        report.outcome = stockFailure(ErrorCategory::Permanent, "wix.stock.items_failed",
                                      {"Zaloge " + std::to_string(_failures.size()) +
                                           " artiklov ni bilo mogoče prenesti v Wix (podrobnosti v "
                                           "dnevniku). Drugi artikli so prenešeni.",
                                       "The stock of " + std::to_string(_failures.size()) +
                                           " items could not be pushed to Wix (details in the activity log). "
                                           "The other items were pushed."},
                                      listed([this] {
                                          std::vector<std::string> skus;
                                          for (const auto& f : _failures) skus.push_back(f.sku);
                                          return skus;
                                      }()));
    }
    report.summary = {"Preneseno " + std::to_string(report.counts["pushed"]) + ", nespremenjeno " +
                          std::to_string(report.counts["unchanged"]) + ", brez para " +
                          std::to_string(report.counts["unmatched"]) + ", neuspešno " +
                          std::to_string(report.counts["failed"]) + ".",
                      "Pushed " + std::to_string(report.counts["pushed"]) + ", unchanged " +
                          std::to_string(report.counts["unchanged"]) + ", unmatched " +
                          std::to_string(report.counts["unmatched"]) + ", failed " +
                          std::to_string(report.counts["failed"]) + "."};
    reportProgress(report);
    return report;
}

Outcome StockPushJob::push(WixClient& client, CatalogVersion version, const std::vector<WixStockItem>& items,
                           const StockPlan& plan, host_api::JobReport& report) {
    if (plan.updates.empty()) return Outcome::success();
    return version == CatalogVersion::V1 ? pushV1(client, items, plan.updates, report)
                                         : pushV3(client, items, plan.updates, report);
}

Outcome StockPushJob::pushV1(WixClient& client, const std::vector<WixStockItem>& items,
                             const std::vector<StockUpdate>& updates, host_api::JobReport& report) {
    // One PATCH per product, carrying all of its changed variants.
    std::map<std::string, std::vector<const StockUpdate*>> byProduct;
    std::vector<std::string> order;
    for (const auto& update : updates) {
        auto& list = byProduct[items[update.item].productId];
        if (list.empty()) order.push_back(items[update.item].productId);
        list.push_back(&update);
    }
    for (const auto& productId : order) {
        std::vector<const WixStockItem*> batch;
        std::vector<std::int64_t> quantities;
        for (const StockUpdate* update : byProduct[productId]) {
            batch.push_back(&items[update->item]);
            quantities.push_back(update->quantity);
        }
        WixAnswer answer = client.updateInventoryV1(productId, v1UpdateBody(batch, quantities));
        if (!answer.outcome.ok() && !itemLevel(answer.outcome)) return answer.outcome;
        if (answer.outcome.ok())
            report.counts["pushed"] += static_cast<std::int64_t>(batch.size());
        else
            for (const auto* item : batch) _failures.push_back({item->sku, answer.outcome.detail});
        report.counts["failed"] = static_cast<std::int64_t>(_failures.size());
        reportProgress(report);
    }
    return Outcome::success();
}

Outcome StockPushJob::sendV3Batch(WixClient& client, const std::vector<const WixStockItem*>& batch,
                                  const std::vector<std::int64_t>& quantities,
                                  std::vector<std::size_t>& failed, std::vector<std::string>& reasons,
                                  host_api::JobReport& report) {
    WixAnswer answer = client.bulkUpdateInventoryV3(v3UpdateBody(batch, quantities));
    if (!answer.outcome.ok()) {
        if (!itemLevel(answer.outcome)) return answer.outcome;
        for (std::size_t i = 0; i < batch.size(); ++i) {
            failed.push_back(i);
            reasons.push_back(answer.outcome.detail);
        }
        return Outcome::success();
    }
    // HTTP 200 even when items failed: every result's success is checked (§8).
    const Array::Ptr results = answer.body->getArray("results");
    std::vector<bool> confirmed(batch.size(), false);
    for (std::size_t r = 0; r < results->size(); ++r) {
        const Object::Ptr result = results->getObject(static_cast<unsigned>(r));
        const Object::Ptr meta = result ? result->getObject("itemMetadata") : nullptr;
        if (!meta) continue;
        const std::size_t index =
            meta->has("originalIndex") ? meta->getValue<std::size_t>("originalIndex") : r;
        if (index >= batch.size()) continue;
        if (meta->optValue<bool>("success", false)) {
            confirmed[index] = true;
            continue;
        }
        const std::string code = sdk::stringAt(meta, "error.code").value_or("");
        const std::string description = sdk::stringAt(meta, "error.description").value_or("");
        failed.push_back(index);
        reasons.push_back(code.empty() ? description
                                       : code + (description.empty() ? "" : ": " + description));
        confirmed[index] = true;  // accounted for as a failure
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (confirmed[i]) continue;
        // Wix said nothing about this item (an undetailed failure): never counted as pushed.
        failed.push_back(i);
        reasons.push_back("no result for this item in Wix's answer");
    }
    report.counts["pushed"] += static_cast<std::int64_t>(batch.size() - failed.size());
    return Outcome::success();
}

Outcome StockPushJob::pushV3(WixClient& client, const std::vector<WixStockItem>& items,
                             const std::vector<StockUpdate>& updates, host_api::JobReport& report) {
    for (std::size_t start = 0; start < updates.size(); start += kV3BatchSize) {
        const std::size_t end = std::min(updates.size(), start + kV3BatchSize);
        std::vector<const WixStockItem*> batch;
        std::vector<std::int64_t> quantities;
        for (std::size_t u = start; u < end; ++u) {
            batch.push_back(&items[updates[u].item]);
            quantities.push_back(updates[u].quantity);
        }
        std::vector<std::size_t> failed;
        std::vector<std::string> reasons;
        Outcome sent = sendV3Batch(client, batch, quantities, failed, reasons, report);
        if (!sent.ok()) return sent;
        if (!failed.empty()) {
            // Read the failed items again: a revision that moved means a change in Wix meanwhile (a sale),
            // worth exactly one more try with the new revision. Anything else is a real failure.
            std::vector<std::string> ids;
            for (std::size_t i : failed) ids.push_back(batch[i]->inventoryItemId);
            std::vector<WixStockItem> fresh;
            Outcome reread = StockCatalogReader(client).readV3Items(ids, fresh);
            if (!reread.ok()) return reread;
            std::map<std::string, const WixStockItem*> byId;
            for (const auto& item : fresh) byId[item.inventoryItemId] = &item;
            std::vector<const WixStockItem*> retry;
            std::vector<std::int64_t> retryQuantities;
            for (std::size_t f = 0; f < failed.size(); ++f) {
                const WixStockItem* before = batch[failed[f]];
                const auto found = byId.find(before->inventoryItemId);
                const WixStockItem* now = found == byId.end() ? nullptr : found->second;
                const std::int64_t wanted = quantities[failed[f]];
                if (now && now->tracked && now->revision != before->revision) {
                    if (now->quantity == wanted)
                        ++report.counts["pushed"];  // Wix holds it already
                    else {
                        retry.push_back(now);
                        retryQuantities.push_back(wanted);
                    }
                    continue;
                }
                _failures.push_back({before->sku, reasons[f]});
            }
            if (!retry.empty()) {
                std::vector<std::size_t> failedAgain;
                std::vector<std::string> reasonsAgain;
                Outcome again =
                    sendV3Batch(client, retry, retryQuantities, failedAgain, reasonsAgain, report);
                if (!again.ok()) return again;
                for (std::size_t f = 0; f < failedAgain.size(); ++f)
                    _failures.push_back({retry[failedAgain[f]]->sku, reasonsAgain[f]});
            }
        }
        report.counts["failed"] = static_cast<std::int64_t>(_failures.size());
        reportProgress(report);
    }
    return Outcome::success();
}

void StockPushJob::recordPlan(const StockPlan& plan, const std::vector<WixStockItem>&) {
    if (!_host.activity) return;
    const std::string& store = _request.store.storeId;
    const std::string warehouse = setting("warehouse");
    if (!plan.missingInWix.empty())
        _host.activity->record(
            store, ActivityLevel::Warning, "wix.stock.not_in_wix",
            {std::to_string(plan.missingInWix.size()) + " šifer iz skladišča " + warehouse +
                 " nima para v Wixu (SKU), zato se njihova zaloga ne prenaša: " + listed(plan.missingInWix),
             std::to_string(plan.missingInWix.size()) + " product codes of warehouse " + warehouse +
                 " match no SKU in Wix, so their stock is not pushed: " + listed(plan.missingInWix)},
            listed(plan.missingInWix));
    if (!plan.missingInHost.empty())
        _host.activity->record(
            store, ActivityLevel::Warning, "wix.stock.not_in_warehouse",
            {std::to_string(plan.missingInHost.size()) + " SKU v Wixu nima zaloge v skladišču " + warehouse +
                 "; njihova zaloga v Wixu ostaja nespremenjena: " + listed(plan.missingInHost),
             std::to_string(plan.missingInHost.size()) + " SKUs in Wix have no stock record in warehouse " +
                 warehouse + "; Wix keeps their quantity: " + listed(plan.missingInHost)},
            listed(plan.missingInHost));
    if (!plan.duplicateInWix.empty())
        _host.activity->record(
            store, ActivityLevel::Warning, "wix.stock.duplicate_sku",
            {"Ti SKU so v Wixu na več izdelkih ali različicah, zato njihove zaloge ne prenašamo (popravite "
             "jih v "
             "Wixu): " +
                 listed(plan.duplicateInWix),
             "These SKUs are on more than one product or variant in Wix, so their stock is not pushed (fix "
             "them in Wix): " +
                 listed(plan.duplicateInWix)},
            listed(plan.duplicateInWix));
    if (!plan.untracked.empty())
        _host.activity->record(store, ActivityLevel::Info, "wix.stock.untracked",
                               {"Wix pri teh izdelkih ne spremlja količine, zato jih pustimo pri miru: " +
                                    listed(plan.untracked),
                                "Wix does not track the quantity of these items, so they are left alone: " +
                                    listed(plan.untracked)},
                               listed(plan.untracked));
}

void StockPushJob::recordFailures() {
    if (!_host.activity) return;
    for (std::size_t i = 0; i < _failures.size() && i < kListedInActivity; ++i)
        _host.activity->record(_request.store.storeId, ActivityLevel::Error, "wix.stock.item_failed",
                               {"Zaloge za SKU " + _failures[i].sku + " ni bilo mogoče prenesti v Wix.",
                                "The stock of SKU " + _failures[i].sku + " could not be pushed to Wix."},
                               _failures[i].reason);
}

void StockPushJob::reportProgress(const host_api::JobReport& report) {
    if (_host.progress) _host.progress->progress(_request.store.storeId, kJobId, report.counts);
}

}  // namespace estore::wix
