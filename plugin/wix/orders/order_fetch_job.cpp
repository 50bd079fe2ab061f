#include "orders/order_fetch_job.h"

#include <Poco/JSON/Object.h>

#include <sstream>

#include "client/store_session.h"
#include "orders/order_page_importer.h"

namespace estore::wix {

using host_api::ErrorCategory;
using host_api::Outcome;
using Poco::JSON::Object;

namespace {

std::string arg(const host_api::JobRequest& r, const std::string& key) {
    auto it = r.args.find(key);
    return it == r.args.end() ? std::string() : it->second;
}

/// The order as Wix has it now: by id when known (one call), else by number (a search). `found` stays
/// readable while `answer` is not parsed again.
WixAnswer findOrder(WixClient& client, const std::string& id, const std::string& number,
                    sdk::JsonDocument& answer, std::vector<simdjson::dom::element>& found) {
    if (!id.empty()) {
        WixAnswer byId = client.getOrder(id, answer);
        if (byId.outcome.ok()) found.push_back(*sdk::jsonAt(answer.root(), "order"));
        if (byId.outcome.ok() || byId.outcome.code != "wix.order.not_found" || number.empty()) return byId;
    }
    WixAnswer byNumber = client.searchOrders(OrderFetchJob::searchByNumberBody(number), answer);
    if (byNumber.outcome.ok())
        if (auto orders = sdk::jsonArrayAt(answer.root(), "orders"))
            found.assign(orders->begin(), orders->end());
    return byNumber;
}

}  // namespace

OrderFetchJob::OrderFetchJob(const host_api::JobRequest& request, host_api::HostServices& host)
    : _request(request), _host(host) {}

std::string OrderFetchJob::searchByNumberBody(const std::string& number) {
    Object::Ptr eq = new Object;
    eq->set("$eq", number);
    Object::Ptr filter = new Object;
    filter->set("number", eq);
    Object::Ptr paging = new Object;
    paging->set("limit", 1);
    Object::Ptr search = new Object;
    search->set("filter", filter);
    search->set("cursorPaging", paging);
    Object body;
    body.set("search", search);
    std::ostringstream s;
    body.stringify(s);
    return s.str();
}

host_api::JobReport OrderFetchJob::run() {
    host_api::JobReport report;
    const std::string id = arg(_request, "id");
    const std::string number = arg(_request, "number");
    const std::string ref = number.empty() ? id : number;
    if (id.empty() && number.empty()) {
        report.outcome =
            Outcome::failure(ErrorCategory::Permanent, "wix.fetch.no_reference",
                             {"Ni podatka, katero naročilo prevzeti.", "No order to fetch was named."},
                             "orders.fetch needs args id or number");
        report.summary = report.outcome.message;
        return report;
    }
    StoreSession session = openStoreSession(_request.store, _host);
    if (!session.client) {
        report.outcome = session.error;
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        return report;
    }
    sdk::JsonDocument document;
    std::vector<simdjson::dom::element> orders;
    WixAnswer answer = findOrder(*session.client, id, number, document, orders);
    if (!answer.outcome.ok() && answer.outcome.code != "wix.order.not_found") {
        report.outcome = answer.outcome;
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        report.summary = report.outcome.message;
        return report;
    }
    OrderPageImporter importer(_request.store, _host, *session.client);
    PageResult page = importer.import(orders);
    if (page.stopped) {
        report.outcome = *page.stopped;
        reportJobFailure(_request.store, _host, kJobId, report.outcome);
        report.summary = report.outcome.message;
        return report;
    }
    report.counts = {{"orders", static_cast<std::int64_t>(orders.size())},
                     {"created", page.created},
                     {"updated", page.updated},
                     {"unchanged", page.unchanged},
                     {"failed", static_cast<std::int64_t>(page.failedIds.size())}};
    if (orders.empty())
        report.summary = {"Naročila " + ref + " v Wixu ni (morda je bilo izbrisano).",
                          "Order " + ref + " is not in Wix (it may have been deleted)."};
    else
        report.summary = {"Naročilo " + ref + " prevzeto.", "Order " + ref + " fetched."};
    return report;
}

}  // namespace estore::wix
