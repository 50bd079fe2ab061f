#include "orders/order_page_importer.h"

#include "estore/sdk/iso_time.h"
#include "estore/sdk/json_access.h"
#include "settings/payment_methods.h"

namespace estore::wix {

using host_api::Outcome;

OrderPageImporter::OrderPageImporter(const host_api::StoreRef& store, host_api::HostServices& host,
                                     WixClient& client)
    : _store(store), _host(host), _client(client) {}

PageResult OrderPageImporter::import(const Poco::JSON::Array::Ptr& orders) {
    PageResult result;
    if (!orders || orders->size() == 0) return result;
    if (!_host.salesOrders) {
        result.stopped = Outcome::failure(
            host_api::ErrorCategory::Permanent, "host.no_sales_orders",
            {"Gostitelj ne podpira prodajnih naročil.", "The host offers no sales orders service."},
            "HostServices::salesOrders is null");
        return result;
    }
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < orders->size(); ++i)
        if (auto o = orders->getObject(static_cast<unsigned>(i)))
            if (auto id = sdk::stringAt(o, "id")) ids.push_back(*id);
    std::map<std::string, OrderPayments> methods;
    if (!ids.empty()) {
        WixAnswer transactions = _client.listTransactions(ids);
        if (!transactions.outcome.ok()) {
            result.stopped = transactions.outcome;
            return result;
        }
        methods = paymentMethodsByOrder(transactions.body);
    }
    for (std::size_t i = 0; i < orders->size() && !result.stopped; ++i) {
        Poco::JSON::Object::Ptr order = orders->getObject(static_cast<unsigned>(i));
        const std::string id = order ? sdk::stringAt(order, "id").value_or("") : "";
        importOne(order, methods.count(id) ? methods[id] : OrderPayments{}, result);
    }
    return result;
}

void OrderPageImporter::importOne(const Poco::JSON::Object::Ptr& order, const OrderPayments& payments,
                                  PageResult& result) {
    const std::string id = order ? sdk::stringAt(order, "id").value_or("") : "";
    const std::string number = order ? sdk::stringAt(order, "number").value_or("") : "";
    if (order)
        if (auto updated = sdk::stringAt(order, "updatedDate"))
            if (auto millis = sdk::parseIsoMillis(*updated))
                result.newestUpdatedMillis = std::max(result.newestUpdatedMillis, *millis);
    MappedOrder mapped = _mapper.map(order, payments.main);
    if (!mapped.order) {
        recordSkipped(number.empty() ? id : number, mapped.error);
        if (!id.empty()) result.failedIds.push_back(id);
        return;
    }
    applyPayments(*mapped.order, _store.settings, payments);
    host_api::UpsertResult upsert = host_api::UpsertResult::Unchanged;
    Outcome stored = _host.salesOrders->upsert(_store.storeId, *mapped.order, upsert);
    if (!stored.ok()) {
        result.stopped = stored;  // the host could not store: stop before the cursor passes this order
        return;
    }
    switch (upsert) {
        case host_api::UpsertResult::Created: ++result.created; break;
        case host_api::UpsertResult::Updated: ++result.updated; break;
        case host_api::UpsertResult::Unchanged: ++result.unchanged; break;
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
