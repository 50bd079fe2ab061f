#pragma once
// Which payment method paid each order, from Wix's Order Transactions (reference §15): the eCom order
// itself names none.
#include <map>
#include <string>
#include <vector>

#include "estore/host_api/sales_order.h"
#include "estore/host_api/values.h"
#include "estore/sdk/json_document.h"

namespace estore::wix {

/// An order's approved payments by method, as Wix names them: the merchant's own name for a manual method
/// (`paymentMethodName.userDefinedName`: CASH, BANK_TRANSFER, CHECK or custom text), else the provider's
/// method (`regularPaymentDetails.paymentMethod`, e.g. "CreditCard", "PayPal"; deprecated but the only
/// provider-level key), "GiftCard" or "Membership".
struct OrderPayments {
    std::string main;  ///< the method of the largest approved payment: the invoice's method
    /// The other parts' methods, approved or still pending (a gift card and a card; a card and cash on
    /// delivery not yet collected): a part that could be cash makes the invoice fiscal.
    std::vector<std::string> others;
    /// Every approved or pending part with its amount, largest first (the invoice lists them); the
    /// e-računi method and the fiscal flag are filled by applyStoreMaps.
    std::vector<host_api::PaymentPart> parts;
    /// The refunds that went through, oldest first (orders/order_refunds.h).
    std::vector<host_api::Refund> refunds;
};

/// orderId → its payments and refunds. Orders with neither an approved payment nor a refund are absent.
std::map<std::string, OrderPayments> paymentMethodsByOrder(simdjson::dom::element listByIdsAnswer);

/// The review flag codes raised by applyStoreMaps.
namespace review {
/// The order's payment method is not in the store's payment method map: never invoiced on a guess.
inline constexpr const char* kPaymentMethodUnmapped = "payment_method_unmapped";
/// The order is paid but Wix names no payment for it, so neither the method nor "fiscal" is known.
inline constexpr const char* kPaymentMethodUnknown = "payment_method_unknown";
}  // namespace review

/// The status the store's status map is keyed by: CANCELED, else the fulfilment (FULFILLED,
/// PARTIALLY_FULFILLED) when there is one, else the order status (APPROVED).
std::string shopStatusOf(const host_api::SalesOrder& order);

/// Fills the e-računi payment method, its fiscal flag, the e-računi order status and its auto-invoice flag
/// from the store's `payment_methods` and `order_statuses` settings. A store without a `payment_methods`
/// setting has no map at all (older stores, tests): the order is left unmapped without a flag. With a map,
/// a method it does not know, or a paid order without a method, is flagged for review.
/// otherMethods: the order's other payments (mixed payments). The invoice is fiscal when any paid part is
/// paid by a fiscal method (ZDavPR Art. 2: a cash part makes it a cash invoice); a part whose method the
/// map does not know is flagged like the main one. Each of the order's `payments` gets its e-računi method
/// and fiscal flag from the map (left empty when the map does not know it).
void applyStoreMaps(host_api::SalesOrder& order, const host_api::Settings& settings,
                    const std::vector<std::string>& otherMethods = {});

/// What the importer does with an order's payments as Wix reported them: the parts and the refunds go on
/// the order (applyRefunds), then the store's maps decide the e-računi method, the fiscal flag and the
/// status (applyStoreMaps).
void applyPayments(host_api::SalesOrder& order, const host_api::Settings& settings,
                   const OrderPayments& payments);

}  // namespace estore::wix
