#pragma once
// One Wix eCommerce order (ecom/v1) as one e-računi sales order, to the cent. Wix's amounts are the
// truth: the document carries what Wix charged, derives only what Wix leaves implicit (net = gross −
// VAT, the VAT rate, the split of an order-level discount), and whatever cannot be confirmed is
// imported as it is with a ReviewFlag that says why, never silently changed.
#include <optional>
#include <string>
#include <string_view>

#include "estore/sdk/json_document.h"

#include "estore/host_api/outcome.h"
#include "estore/host_api/sales_order.h"
#include "orders/tip_check.h"

namespace estore::wix {

/// The codes of the review flags the mapper raises.
namespace review {
/// A line's VAT does not match any known rate (SI, 0, or the destination's for OSS) to the cent.
inline constexpr const char* kVatRateUnverified = "vat_rate_unverified";
/// The document's totals differ from Wix's total or tax total; amounts were imported as Wix gave them.
inline constexpr const char* kTotalMismatch = "total_mismatch";
/// Wix gave no order total or no tax total to check the document against.
inline constexpr const char* kTotalUnverified = "total_unverified";
/// unit price × quantity − discount is not the line's amount.
inline constexpr const char* kLinePriceMismatch = "line_price_mismatch";
/// A custom field is titled like a VAT ID but its value does not look like one; buyer kept as consumer.
inline constexpr const char* kVatIdUnrecognised = "vat_id_unrecognised";
/// An amount had more than two decimals and was rounded to the cent.
inline constexpr const char* kAmountRounded = "amount_rounded";
/// A line of a domestic sale to a consumer carries 0 % VAT: no exemption fits, so Wix's tax settings are
/// probably wrong (ZDDV-1 Art. 41: 22 % unless a reduced rate applies).
inline constexpr const char* kVatZeroDomestic = "vat_zero_domestic";
/// Shipping is taxed at another rate than its goods, which it must follow (ZDDV-1 Art. 36), and could not
/// be corrected without changing what the buyer paid (tax-exclusive prices).
inline constexpr const char* kShippingVatDiffers = "shipping_vat_differs";
/// Wix taxed shipping at another rate than its goods; the document taxes it at the goods' rates, split in
/// proportion to their value (ZDDV-1 Art. 36), so its VAT differs from Wix's. The total is Wix's.
inline constexpr const char* kShippingVatSplit = "shipping_vat_split";
/// A gift card (a multi-purpose voucher) is sold: not subject to VAT, which no line can state.
inline constexpr const char* kGiftCardSold = "gift_card_sold";
/// The order is paid in parts (a deposit first, or PARTIALLY_PAID): an advance invoice is needed.
inline constexpr const char* kAdvancePayment = "advance_payment";
/// The order carries a tip (Wix Tips): whether it is subject to VAT depends on whom it belongs to.
inline constexpr const char* kTipIncluded = "tip_included";
/// A fee names no app and the Tips API refused to say whether it is a tip (the key lacks the permission).
inline constexpr const char* kTipUnchecked = "tip_unchecked";
}  // namespace review

struct MappedOrder {
    std::optional<host_api::SalesOrder> order;
    host_api::Outcome error;  ///< Permanent "wix.order.malformed" when there is no order
};

class OrderMapper {
public:
    /// Maps one order object as Wix's Search/Get Order return it. Fails (wix.order.malformed, naming
    /// the order and the JSON path) only when the order cannot be represented at all: no id, an amount
    /// that is not a decimal, a value of the wrong JSON type, an unreadable updatedDate.
    /// `paymentMethod` (from Order Transactions; empty = unknown) is passed through; `tip` is what the
    /// Tips API said of the order (order_tips.h), which tells a tip from another fee.
    MappedOrder map(simdjson::dom::element wixOrder, const std::string& paymentMethod,
                    const TipCheck& tip = {}) const;
    /// The same for an order as JSON text (one order alone: tests, tools); text that is not a JSON object
    /// is wix.order.malformed too.
    MappedOrder map(std::string_view orderJson, const std::string& paymentMethod,
                    const TipCheck& tip = {}) const;
};

}  // namespace estore::wix
