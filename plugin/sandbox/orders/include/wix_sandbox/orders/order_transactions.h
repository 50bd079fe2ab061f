#pragma once

#include <string>

#include <Poco/JSON/Object.h>

#include "wix_sandbox/orders/order_record.h"
#include "wix_sandbox/orders/payment_method.h"

namespace wix_sandbox {

/// An order's payments and refunds as Order Transactions shows them (reference §15):
/// {"orderId","payments":[…],"refunds":[…]}. Until a change writes them they follow from the order
/// itself (paymentStatus, balanceSummary, activities) and its payment method, with ids derived from
/// the order id, so every read answers the same.
class OrderTransactions {
public:
    /// The record's transactions as JSON text.
    static std::string of(const OrderRecord& record);
    static Poco::JSON::Object::Ptr derive(Poco::JSON::Object::Ptr order, PaymentMethod method);

    /// Pending payments become APPROVED; whatever is still open gets a new APPROVED payment.
    static void recordPayment(Poco::JSON::Object::Ptr transactions, long totalCents, PaymentMethod method,
                              const std::string& currency, const std::string& now);
    /// A SUCCEEDED refund of `cents` on the first approved payment, which becomes (PARTIALLY_)REFUNDED;
    /// `details` (Wix's refund details: lineItems, shippingIncluded, shipping) when the merchant chose
    /// what came back, else null.
    static void recordRefund(Poco::JSON::Object::Ptr transactions, long cents, bool full, bool offline,
                             const std::string& currency, const std::string& now,
                             Poco::JSON::Object::Ptr details = nullptr);
    /// Payments still waiting are CANCELED.
    static void recordCancel(Poco::JSON::Object::Ptr transactions, const std::string& now);
};

}  // namespace wix_sandbox
