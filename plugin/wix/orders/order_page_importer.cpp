#include "orders/order_page_importer.h"

#include "estore/sdk/iso_time.h"
#include "settings/payment_methods.h"

namespace estore::wix {

using host_api::Outcome;

OrderPageImporter::OrderPageImporter(const host_api::StoreRef& store, host_api::HostServices& host,
                                     WixClient& client)
    : _store(store), _host(host), _client(client) {}

PageResult OrderPageImporter::import(simdjson::dom::array orders) {
    return import(std::vector<simdjson::dom::element>(orders.begin(), orders.end()));
}

PageResult OrderPageImporter::import(const std::vector<simdjson::dom::element>& orders) {
    PageResult result;
    if (orders.empty()) return result;
    if (!_host.salesOrders) {
        result.stopped = Outcome::failure(
            host_api::ErrorCategory::Permanent, "host.no_sales_orders",
            {"Gostitelj ne podpira prodajnih naročil.", "The host offers no sales orders service."},
            "HostServices::salesOrders is null");
        return result;
    }
    std::vector<std::string> ids;
    for (const auto& order : orders)
        if (auto id = sdk::jsonTextAt(order, "id")) ids.emplace_back(*id);
    std::map<std::string, OrderPayments> methods;
    if (!ids.empty()) {
        WixAnswer transactions = _client.listTransactions(ids, _transactions);
        if (!transactions.outcome.ok()) {
            result.stopped = transactions.outcome;
            return result;
        }
        methods = paymentMethodsByOrder(_transactions.root());
    }
    std::map<std::string, TipCheck> tips;
    if (auto stop = checkTips(orders, tips)) {
        result.stopped = std::move(*stop);
        return result;
    }
    std::vector<host_api::SalesOrder> mapped;
    mapped.reserve(orders.size());
    for (const auto& order : orders) {
        const std::string id(sdk::jsonTextAt(order, "id").value_or(""));
        const auto method = methods.find(id);
        const auto tip = tips.find(id);
        mapOne(order, method == methods.end() ? OrderPayments{} : method->second,
               tip == tips.end() ? TipCheck{} : tip->second, result, mapped);
    }
    storeAll(mapped, result);
    return result;
}

std::optional<Outcome> OrderPageImporter::checkTips(const std::vector<simdjson::dom::element>& orders,
                                                    std::map<std::string, TipCheck>& tips) {
    for (const auto& order : orders) {
        const std::string id(sdk::jsonTextAt(order, "id").value_or(""));
        if (id.empty() || !needsTipCheck(order)) continue;
        if (auto stop = checkTip(_client, id, tips[id])) return stop;
    }
    return std::nullopt;
}

void OrderPageImporter::mapOne(simdjson::dom::element order, const OrderPayments& payments,
                               const TipCheck& tip, PageResult& result,
                               std::vector<host_api::SalesOrder>& mapped) {
    const std::string id(sdk::jsonTextAt(order, "id").value_or(""));
    if (auto updated = sdk::jsonTextAt(order, "updatedDate"))
        if (auto millis = sdk::parseIsoMillis(*updated))
            result.newestUpdatedMillis = std::max(result.newestUpdatedMillis, *millis);
    MappedOrder one = _mapper.map(order, payments.main, tip);
    if (!one.order) {
        const std::string number(sdk::jsonTextAt(order, "number").value_or(""));
        recordSkipped(number.empty() ? id : number, one.error);
        if (!id.empty()) result.failedIds.push_back(id);
        return;
    }
    applyPayments(*one.order, _store.settings, payments);
    mapped.push_back(std::move(*one.order));
}

void OrderPageImporter::storeAll(const std::vector<host_api::SalesOrder>& mapped, PageResult& result) {
    if (mapped.empty()) return;
    std::vector<host_api::UpsertResult> upserts(mapped.size(), host_api::UpsertResult::Unchanged);
    Outcome stored =
        _host.salesOrders->upsertPage(_store.storeId, mapped.data(), mapped.size(), upserts.data());
    if (!stored.ok()) {
        result.stopped = stored;  // nothing of the page is stored: stop before the cursor passes it
        return;
    }
    for (const auto upsert : upserts) {
        switch (upsert) {
            case host_api::UpsertResult::Created: ++result.created; break;
            case host_api::UpsertResult::Updated: ++result.updated; break;
            case host_api::UpsertResult::Unchanged: ++result.unchanged; break;
        }
    }
}

void OrderPageImporter::recordSkipped(const std::string& orderRef, const Outcome& why) {
    if (!_host.activity) return;
    _host.activity->record(_store.storeId, host_api::ActivityLevel::Error, "wix.order.skipped",
                           {"Naročila " + orderRef + " ni bilo mogoče uvoziti: " + why.message.sl +
                                " Poskusili bomo znova ob naslednjem uvozu.",
                            "Order " + orderRef + " could not be imported: " + why.message.en +
                                " It will be tried again on the next import."},
                           why.detail);
}

}  // namespace estore::wix
