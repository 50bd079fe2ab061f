#include "wix_sandbox/orders/order_record.h"

#include "wix_sandbox/core/iso_date.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/orders/order_fields.h"

namespace wix_sandbox {

namespace {

std::string text(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object || !object->has(key) || object->isNull(key)) return {};
    return object->get(key).toString();
}

std::string date(const Poco::JSON::Object::Ptr& order, const std::string& key) {
    std::string value = text(order, key);
    return canonicalDate(value).value_or(value);
}

}  // namespace

OrderRecord OrderRecord::fromJson(const Poco::JSON::Object::Ptr& order) {
    OrderRecord record;
    record.id = text(order, "id");
    record.number = text(order, "number");
    record.status = text(order, "status");
    record.paymentStatus = text(order, "paymentStatus");
    record.fulfillmentStatus = text(order, "fulfillmentStatus");
    record.archived = order->has("archived") && order->getValue<bool>("archived");
    record.buyerEmail = text(order->getObject("buyerInfo"), "email");
    record.createdDate = date(order, "createdDate");
    record.updatedDate = date(order, "updatedDate");
    // Wix names no payment method on the order (§15): unpaid orders are taken as cash on delivery.
    record.paymentMethod =
        record.paymentStatus == "NOT_PAID" ? PaymentMethod::CashOnDelivery : PaymentMethod::CreditCard;
    record.json = JsonBody::stringify(order);
    return record;
}

std::string OrderRecord::jsonText() const {
    return json.empty() && blueprint ? blueprint->render() : json;
}

}  // namespace wix_sandbox
