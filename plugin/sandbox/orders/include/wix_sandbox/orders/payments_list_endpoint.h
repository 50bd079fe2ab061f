#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/core/wix_endpoint.h"
#include "wix_sandbox/orders/order_store.h"

namespace wix_sandbox {

/// POST /ecom/v1/payments/list-by-ids (reference §15): {"orderIds":[1..100 ids]} ->
/// {"orderTransactions":[{"orderId","payments":[…],"refunds":[…]}]} in the order asked, unknown ids left
/// out. Permission Read Orders, like search.
class PaymentsListEndpoint : public WixEndpoint {
public:
    static constexpr std::size_t kMaxIds = 100;

    explicit PaymentsListEndpoint(const OrderStore& orders);

    HttpReply handle(const WixRequest& request, const SiteInfo& site) override;

private:
    static std::vector<std::string> orderIdsOf(const Poco::JSON::Object::Ptr& body);

    const OrderStore& _orders;
};

}  // namespace wix_sandbox
