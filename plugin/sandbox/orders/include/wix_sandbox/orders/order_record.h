#pragma once

#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/orders/order_blueprint.h"
#include "wix_sandbox/orders/payment_method.h"

namespace wix_sandbox {

/// One stored eCom order: the fields search filters and sorts on, plus the order's JSON text, which is
/// kept serialised so concurrent searches share no mutable Poco objects and answer by concatenation.
/// Generated orders keep only their blueprint and are composed again when read, so a 100,000-order shop
/// costs a few hundred bytes per order; an order that was changed or added verbatim keeps its text.
struct OrderRecord {
    std::string id;
    std::string number;
    std::string status;
    std::string paymentStatus;
    std::string fulfillmentStatus;
    bool archived = false;
    std::string buyerEmail;
    std::string createdDate;  ///< canonical ISO-8601 UTC with ms, so text order = time order
    std::string updatedDate;
    PaymentMethod paymentMethod = PaymentMethod::CreditCard;
    std::string json;  ///< "" while `blueprint` stands in for it
    std::optional<OrderBlueprint> blueprint;
    std::string transactionsJson;  ///< Order Transactions (§15) once a change wrote them; "" = derived
    std::string tipJson;           ///< the tip Wix Tips set on it, as Get Tip By Order ID's "tip"; "" = none

    /// The order's JSON text, composed again from the blueprint when not kept.
    std::string jsonText() const;

    /// Reads the indexed fields from an order object (reference §9.3 shape) and serialises it.
    static OrderRecord fromJson(const Poco::JSON::Object::Ptr& order);
};

}  // namespace wix_sandbox
