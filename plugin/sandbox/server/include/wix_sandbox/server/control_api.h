#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/core/http_reply.h"
#include "wix_sandbox/core/wix_request.h"
#include "wix_sandbox/orders/order_change.h"

namespace wix_sandbox {

class Sandbox;

/// The sandbox's own JSON API under /_sandbox/ (not Wix): a thin HTTP adapter over Sandbox's C++ API,
/// for the demo and out-of-process tests.
class ControlApi {
public:
    explicit ControlApi(Sandbox& sandbox);

    HttpReply handle(const WixRequest& request);

private:
    HttpReply state() const;
    HttpReply addSite(const std::string& body);
    HttpReply addKey(const std::string& body);
    HttpReply revokeKey(const std::string& body);
    HttpReply addOrders(const std::string& body);
    HttpReply placeOrder(const std::string& body);
    /// POST /_sandbox/orders/{id}/{pay|cancel|refund|archive|fulfil}
    HttpReply changeOrder(const std::string& path, const std::string& body);
    HttpReply tipOrder(const std::string& orderId, const std::string& body);
    /// A refund's body: {"amount": "12.5", "lineItems": [{"lineItemId", "quantity"}], "shipping": true}.
    static RefundRequest refundOf(const Poco::JSON::Object::Ptr& body);
    std::string siteOf(const Poco::JSON::Object::Ptr& body) const;
    HttpReply addFault(const std::string& body);
    HttpReply clearFaults();
    HttpReply stats() const;
    HttpReply resetStats();
    HttpReply addAutomation(const std::string& body);
    HttpReply clearAutomations();
    HttpReply automationStats() const;
    /// POST /_sandbox/catalog: {"products":[…]} seeds, {"skus":N,…} generates.
    HttpReply putCatalog(const std::string& body);
    HttpReply catalog(const WixRequest& request) const;
    /// GET /_sandbox/catalog/stock?siteId=&sku=&itemId=&productId=&variantId=
    HttpReply stock(const WixRequest& request) const;
    /// POST /_sandbox/catalog/stock: {"sku"|"itemId", "quantity"|"inStock"}
    HttpReply changeStock(const std::string& body);
    HttpReply bumpRevision(const std::string& body);
    HttpReply failInventoryUpdates(const std::string& body);
    HttpReply clearInventoryFailures();
    static std::string param(const WixRequest& request, const std::string& name);
    static HttpReply ok(const std::string& body);
    static HttpReply badRequest(const std::string& message);

    Sandbox& _sandbox;
};

}  // namespace wix_sandbox
