#pragma once

#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/orders/order_change.h"
#include "wix_sandbox/orders/order_record.h"

namespace wix_sandbox {

/// Applies an OrderChange the way Wix shows it: status, paymentStatus, fulfillmentStatus, archived,
/// balanceSummary, activities, refundQuantity, the order's transactions, and updatedDate = `now`.
class OrderChanger {
public:
    /// "pay", "cancel", "refund", "archive", "fulfil" (also "fulfill"); nullopt otherwise.
    static std::optional<OrderChange> parse(const std::string& name);
    /// The changed record. `refund` is for Refund (empty = everything still refundable). Throws
    /// Poco::InvalidArgumentException when the change does not apply (paying a paid order, refunding
    /// more than was paid or an item more often than it was bought, cancelling a cancelled one ...).
    static OrderRecord apply(const OrderRecord& current, OrderChange change, const std::string& now,
                             const RefundRequest& refund = {});

    /// Sets a tip of `cents` on an unpaid order as Wix Tips does (Tips API introduction: "each tip is
    /// applied to an eCommerce order as a single additionalFee", its code the tip's id): the fee, the
    /// totals and the balance grow by the tip, and the record keeps the tip for Get Tip By Order ID. Throws
    /// Poco::InvalidArgumentException for a paid, cancelled or INITIALIZED order, one with a tip already,
    /// or an amount that is not positive.
    static OrderRecord setTip(const OrderRecord& current, long cents, const std::string& tipId,
                              const std::string& now);

private:
    static void pay(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions, PaymentMethod method,
                    const std::string& now);
    static void cancel(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions,
                       const std::string& now);
    static void refund(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions,
                       PaymentMethod method, const std::string& now, const RefundRequest& request);
    /// Marks the chosen items refunded (refundQuantity) and returns Wix's refund details for them with
    /// the value of what was chosen, to the cent.
    static Poco::JSON::Object::Ptr refundDetails(Poco::JSON::Object::Ptr order, const RefundRequest& request,
                                                 long& valueCents);
    static void archive(Poco::JSON::Object::Ptr order);
    static void fulfil(Poco::JSON::Object::Ptr order, const std::string& now);
    static void addActivity(Poco::JSON::Object::Ptr order, const std::string& type, const std::string& now);
    static void setBalance(Poco::JSON::Object::Ptr order, long balance, long paid, long refunded);
};

}  // namespace wix_sandbox
