#pragma once
// Stores one page of Wix orders in e-računi: their payment methods (one Order Transactions call for the
// whole page), their tips (one Tips API call for each order with a fee no app claims), the mapping, and one
// idempotent upsert of the page (one transaction in the host). One bad order never blocks the others: it is
// skipped, recorded and tried again on the next run.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/wix_client.h"
#include "estore/host_api/host_services.h"
#include "estore/sdk/json_document.h"
#include "orders/order_mapper.h"
#include "orders/order_tips.h"
#include "settings/payment_methods.h"

namespace estore::wix {

struct PageResult {
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::vector<std::string> failedIds;        ///< orders to try again on the next run
    std::int64_t newestUpdatedMillis = 0;      ///< the page's latest updatedDate
    std::optional<host_api::Outcome> stopped;  ///< a failure that stops the job (nothing of the page is lost)
};

class OrderPageImporter {
public:
    OrderPageImporter(const host_api::StoreRef& store, host_api::HostServices& host, WixClient& client);

    /// The orders must stay readable until import returns (their sdk::JsonDocument is not parsed again).
    PageResult import(const std::vector<simdjson::dom::element>& orders);
    PageResult import(simdjson::dom::array orders);

private:
    /// Asks the Tips API about each order whose fees could hide a tip; a failure that stops the page.
    std::optional<host_api::Outcome> checkTips(const std::vector<simdjson::dom::element>& orders,
                                               std::map<std::string, TipCheck>& tips);
    /// Maps the order into `mapped`, or records it as skipped.
    void mapOne(simdjson::dom::element order, const OrderPayments& payments, const TipCheck& tip,
                PageResult& result, std::vector<host_api::SalesOrder>& mapped);
    void storeAll(const std::vector<host_api::SalesOrder>& mapped, PageResult& result);
    void recordSkipped(const std::string& orderRef, const host_api::Outcome& why);

    const host_api::StoreRef& _store;
    host_api::HostServices& _host;
    WixClient& _client;
    OrderMapper _mapper;
    sdk::JsonDocument _transactions;  ///< the page's Order Transactions answer (reused page after page)
};

}  // namespace estore::wix
