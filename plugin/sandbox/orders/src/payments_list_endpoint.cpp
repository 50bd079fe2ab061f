#include "wix_sandbox/orders/payments_list_endpoint.h"

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/wix_errors.h"
#include "wix_sandbox/core/wix_failure.h"
#include "wix_sandbox/orders/order_transactions.h"

namespace wix_sandbox {

namespace {

[[noreturn]] void reject(const std::string& description, const std::string& rule) {
    throw WixFailure(WixErrors::validationError("orderIds " + description, "orderIds", description, rule));
}

}  // namespace

PaymentsListEndpoint::PaymentsListEndpoint(const OrderStore& orders)
    : WixEndpoint(EndpointSpec{"POST",
                               "/ecom/v1/payments/list-by-ids",
                               {"SCOPE.DC-STORES.READ-ORDERS", "SCOPE.DC-STORES.MANAGE-ORDERS"},
                               true,
                               std::nullopt}),
      _orders(orders) {}

HttpReply PaymentsListEndpoint::handle(const WixRequest& request, const SiteInfo& site) {
    std::string out = "{\"orderTransactions\":[";
    bool first = true;
    for (const std::string& id : orderIdsOf(JsonBody::parseObject(request.body))) {
        const OrderStore::Ptr order = _orders.find(site.siteId, Poco::toLower(id));
        if (!order) continue;
        if (!first) out += ',';
        first = false;
        out += OrderTransactions::of(*order);
    }
    return HttpReply{200, out + "]}", "application/json", {}};
}

std::vector<std::string> PaymentsListEndpoint::orderIdsOf(const Poco::JSON::Object::Ptr& body) {
    if (!body->has("orderIds") || body->isNull("orderIds"))
        reject("must list 1 to 100 order ids", "REQUIRED_FIELD");
    Poco::JSON::Array::Ptr ids = body->getArray("orderIds");
    if (!ids) reject("must be an array", "TYPE");
    if (ids->size() < 1) reject("must list at least 1 order id", "MIN_SIZE");
    if (ids->size() > kMaxIds) reject("must list at most 100 order ids", "MAX_SIZE");
    std::vector<std::string> result;
    for (const Poco::Dynamic::Var& id : *ids) {
        if (!id.isString()) reject("must hold strings", "TYPE");
        result.push_back(id.extract<std::string>());
    }
    return result;
}

}  // namespace wix_sandbox
