#pragma once
// Stores one page of Wix orders in e-računi: their payment methods (one Order Transactions call for the
// whole page), the mapping, and an idempotent upsert per order. One bad order never blocks the others.
#include <Poco/JSON/Array.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/wix_client.h"
#include "estore/host_api/host_services.h"
#include "orders/order_mapper.h"
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

    PageResult import(const Poco::JSON::Array::Ptr& orders);

private:
    void importOne(const Poco::JSON::Object::Ptr& order, const OrderPayments& payments, PageResult& result);
    void recordSkipped(const std::string& orderRef, const host_api::Outcome& why);

    const host_api::StoreRef& _store;
    host_api::HostServices& _host;
    WixClient& _client;
    OrderMapper _mapper;
};

}  // namespace estore::wix
