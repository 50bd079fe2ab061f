#include "orders/order_import_job.h"

#include <Poco/StringTokenizer.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>

#include "client/paging_guard.h"
#include "client/store_session.h"
#include "estore/sdk/int_setting.h"
#include "estore/sdk/iso_time.h"
#include "estore/sdk/json_access.h"
#include "orders/order_page_importer.h"

namespace estore::wix {

using host_api::Outcome;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

Object::Ptr filterOf(const std::string& op, const Poco::Dynamic::Var& value) {
    Object::Ptr f = new Object;
    f->set(op, value);
    return f;
}

Array::Ptr arrayOf(std::initializer_list<const char*> values) {
    Array::Ptr a = new Array;
    for (const char* v : values) a->add(std::string(v));
    return a;
}

std::string setting(const host_api::Settings& s, const std::string& key, const std::string& fallback) {
    auto it = s.find(key);
    return it == s.end() || it->second.empty() ? fallback : it->second;
}

void add(host_api::JobReport& report, const char* key, std::int64_t n) {
    report.counts[key] += n;
}

}  // namespace

OrderImportJob::OrderImportJob(const host_api::JobRequest& request, host_api::HostServices& host)
    : _request(request), _host(host) {}

std::string OrderImportJob::firstPageBody(std::int64_t fromMillis, const std::string& importRule) {
    Object::Ptr filter = new Object;
    filter->set("updatedDate", filterOf("$gte", sdk::formatIsoMillis(fromMillis)));
    if (importRule == "paid")  // paid orders, and paid orders refunded later (so refunds reach the document)
        filter->set("paymentStatus",
                    filterOf("$in", arrayOf({"PAID", "PARTIALLY_REFUNDED", "FULLY_REFUNDED"})));
    else  // approved orders, and approved orders cancelled later; never INITIALIZED (Wix hides those anyway)
        filter->set("status", filterOf("$in", arrayOf({"APPROVED", "CANCELED"})));
    Object::Ptr sort = new Object;
    sort->set("fieldName", std::string("updatedDate"));
    sort->set("order", std::string("ASC"));
    Array::Ptr sorts = new Array;
    sorts->add(sort);
    Object::Ptr paging = new Object;
    paging->set("limit", kPageSize);
    Object::Ptr search = new Object;
    search->set("filter", filter);
    search->set("sort", sorts);
    search->set("cursorPaging", paging);
    Object body;
    body.set("search", search);
    return sdk::jsonText(body);
}

std::string OrderImportJob::nextPageBody(const std::string& cursor) {
    return sdk::cursorFollowUpBody("search", kPageSize, cursor);
}

sdk::IntSetting OrderImportJob::overlapSetting() const {
    return sdk::readIntSetting(_host.config, "wix.orders_overlap_seconds", kDefaultOverlapSeconds, 0,
                               7 * 86400);
}

std::int64_t OrderImportJob::overlapMillis() const {
    return std::max<std::int64_t>(0, overlapSetting().value) * 1000;
}

std::int64_t OrderImportJob::startMillis(const std::optional<std::string>& cursor) const {
    if (cursor)
        if (auto millis = sdk::parseIsoMillis(*cursor)) return *millis - overlapMillis();
    const std::string since = setting(_request.store.settings, "import_since", "");
    if (auto millis = sdk::parseIsoMillis(since + "T00:00:00.000Z")) return *millis;
    return _host.clock ? _host.clock->nowEpochMillis() : 0;
}

host_api::JobReport OrderImportJob::run() {
    host_api::JobReport report;
    StoreSession session = openStoreSession(_request.store, _host);
    if (!session.client || !overlapSetting().ok()) {
        report.outcome = session.client ? overlapSetting().failure() : session.error;
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        return report;
    }
    for (const char* key : {"pages", "orders", "created", "updated", "unchanged", "failed"})
        report.counts[key] = 0;
    const std::optional<std::string> cursor = _host.state->get(_request.store.storeId, kCursorKey);
    if (retryEarlierFailures(*session.client, report) && importPages(*session.client, cursor, report)) {
        report.summary = {"Uvoženih naročil: " + std::to_string(report.counts["orders"]) + " (novih " +
                              std::to_string(report.counts["created"]) + ", posodobljenih " +
                              std::to_string(report.counts["updated"]) + ", neuspešnih " +
                              std::to_string(report.counts["failed"]) + ").",
                          "Orders imported: " + std::to_string(report.counts["orders"]) + " (" +
                              std::to_string(report.counts["created"]) + " new, " +
                              std::to_string(report.counts["updated"]) + " updated, " +
                              std::to_string(report.counts["failed"]) + " failed)."};
    } else {
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        report.summary = report.outcome.message;
    }
    report.counts["wix_requests"] = session.client->requestsSent();
    return report;
}

bool OrderImportJob::retryEarlierFailures(WixClient& client, host_api::JobReport& report) {
    const auto pending = _host.state->get(_request.store.storeId, kRetryKey);
    if (!pending || pending->empty()) return true;
    // Each answer is read into the same document, so the orders are gathered as text into one page.
    sdk::JsonDocument answer;
    std::string page = "{\"orders\":[";
    std::int64_t count = 0;
    for (const auto& id : Poco::StringTokenizer(*pending, ",", Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
        WixAnswer found = client.getOrder(id, answer);
        if (found.outcome.code == "wix.order.not_found") continue;  // deleted in Wix: nothing left to import
        if (!found.outcome.ok()) {
            report.outcome = found.outcome;
            return false;
        }
        page += (count++ ? "," : "") + simdjson::minify(*sdk::jsonAt(answer.root(), "order"));
    }
    page += "]}";
    sdk::JsonDocument orders;
    std::string why;
    if (!orders.parse(page, why)) {  // cannot happen: the text is simdjson's own minified output
        report.outcome = Outcome::failure(host_api::ErrorCategory::Permanent, "wix.orders.retry_unreadable",
                                          {"Ponovnega uvoza naročil ni bilo mogoče sestaviti.",
                                           "The orders to retry could not be put together."},
                                          why);
        return false;
    }
    OrderPageImporter importer(_request.store, _host, client);
    PageResult result = importer.import(*sdk::jsonArrayAt(orders.root(), "orders"));
    if (result.stopped) {
        report.outcome = *result.stopped;
        return false;
    }
    add(report, "orders", count);
    add(report, "created", result.created);
    add(report, "updated", result.updated);
    add(report, "unchanged", result.unchanged);
    add(report, "failed", static_cast<std::int64_t>(result.failedIds.size()));
    saveRetries(result.failedIds);
    return true;
}

bool OrderImportJob::importPages(WixClient& client, std::optional<std::string> cursor,
                                 host_api::JobReport& report) {
    const std::string& storeId = _request.store.storeId;
    std::string body =
        firstPageBody(startMillis(cursor), setting(_request.store.settings, "import_rule", "approved"));
    OrderPageImporter importer(_request.store, _host, client);
    PagingGuard guard(WixCall::OrdersSearch);
    sdk::JsonDocument document;  // one buffer for every page
    for (;;) {
        WixAnswer answer = client.searchOrders(body, document);
        if (!answer.outcome.ok()) {
            report.outcome = answer.outcome;
            return false;
        }
        const simdjson::dom::array orders = *sdk::jsonArrayAt(document.root(), "orders");
        PageResult page = importer.import(orders);
        if (page.stopped) {
            report.outcome = *page.stopped;
            return false;
        }
        // The page is stored: only now may the cursor pass it.
        if (page.newestUpdatedMillis > 0) {
            const auto current = cursor ? sdk::parseIsoMillis(*cursor) : std::nullopt;
            if (!current || page.newestUpdatedMillis > *current) {
                const std::string next = sdk::formatIsoMillis(page.newestUpdatedMillis);
                if (!_host.state->compareAndSet(storeId, kCursorKey, cursor, next)) {
                    report.outcome = Outcome::failure(
                        host_api::ErrorCategory::Transient, "wix.orders.cursor_conflict",
                        {"Uvoz naročil te trgovine je tekel hkrati drugje; poskusimo znova.",
                         "The store's order import ran elsewhere at the same time; it will be tried again."},
                        "compare-and-set of orders.cursor failed");
                    report.outcome.retryAfterSeconds = 60;
                    return false;
                }
                cursor = next;
            }
        }
        if (!page.failedIds.empty()) {
            const Poco::StringTokenizer earlier(_host.state->get(storeId, kRetryKey).value_or(""), ",",
                                                Poco::StringTokenizer::TOK_IGNORE_EMPTY);
            std::vector<std::string> pending(earlier.begin(), earlier.end());
            pending.insert(pending.end(), page.failedIds.begin(), page.failedIds.end());
            saveRetries(pending);
        }
        add(report, "pages", 1);
        add(report, "orders", static_cast<std::int64_t>(orders.size()));
        add(report, "created", page.created);
        add(report, "updated", page.updated);
        add(report, "unchanged", page.unchanged);
        add(report, "failed", static_cast<std::int64_t>(page.failedIds.size()));
        reportProgress(report);

        bool hasNext = false;
        if (auto v = sdk::jsonAt(document.root(), "metadata.hasNext"))
            hasNext = v->is_bool() && v->get_bool().value_unsafe();
        const std::string next(sdk::jsonTextAt(document.root(), "metadata.cursors.next").value_or(""));
        if (!hasNext || next.empty()) return true;
        if (!guard.follow(next, report.outcome)) return false;
        body = nextPageBody(next);
    }
}

void OrderImportJob::saveRetries(const std::vector<std::string>& ids) {
    std::vector<std::string> unique = ids;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    std::string text;
    for (const auto& id : unique) text += (text.empty() ? "" : ",") + id;
    const std::string& storeId = _request.store.storeId;
    // Last writer wins: a lost retry entry only delays an order until its next change or the overlap.
    _host.state->compareAndSet(storeId, kRetryKey, _host.state->get(storeId, kRetryKey), text);
}

void OrderImportJob::reportProgress(const host_api::JobReport& report) {
    if (_host.progress) _host.progress->progress(_request.store.storeId, kJobId, report.counts);
}

}  // namespace estore::wix
