#pragma once
// A shop order as e-računi keeps it (a sales order, "naročilo kupca"), handed by the plugin to the host's
// SalesOrders service. Plain standard types; money and rates are decimals, never floats.
#include <cstdint>
#include <string>
#include <vector>

#include "estore/host_api/outcome.h"

namespace estore::host_api {

/// value = units × 10^-scale (e.g. {6916, 2} is 69.16; a VAT rate {95, 1} is 9.5 %).
struct Amount {
    std::int64_t units = 0;
    int scale = 2;
};

struct Address {
    std::string name;
    std::string company;
    std::string street;
    std::string street2;
    std::string postalCode;
    std::string city;
    std::string region;   ///< ISO 3166-2 where the shop gives one
    std::string country;  ///< ISO 3166-1 alpha-2

    bool empty() const { return street.empty() && city.empty() && postalCode.empty() && country.empty(); }
};

struct Buyer {
    std::string name;
    std::string company;
    std::string email;
    std::string phone;
    std::string vatId;      ///< from the order's custom fields; empty for consumers
    bool business = false;  ///< true when a VAT ID was found
    Address billing;
};

enum class LineKind { Product, Shipping, Fee, Discount };

struct SalesOrderLine {
    LineKind kind = LineKind::Product;
    std::string externalId;  ///< the shop's line id, if it has one
    std::string sku;         ///< e-računi product code; may be empty (the host decides what to do)
    std::string name;        ///< as sold, with the chosen options
    Amount quantity;
    Amount unitPrice;  ///< before discount, as the shop shows it (gross when pricesIncludeVat, else net)
    Amount discount;   ///< this line's discount, in the same terms as unitPrice × quantity
    Amount vatRate;    ///< percent, e.g. {22, 0} or {95, 1}
    Amount net;
    Amount vat;
    Amount gross;
};

struct VatRateTotal {
    Amount rate;
    Amount net;
    Amount vat;
    Amount gross;
};

/// Why an order needs a person's look before it is invoiced.
struct ReviewFlag {
    std::string code;
    Text reason;
};

/// One payment of an order, since 1.3: a card and a gift card, a bank transfer and cash on delivery.
struct PaymentPart {
    std::string method;      ///< as the shop names it (e.g. "CreditCard", "CASH", "GiftCard")
    std::string methodCode;  ///< e-računi's method from the store's payment method map; empty: unmapped
    Amount amount;           ///< in the order's currency
    bool fiscal = false;     ///< the map marks the method as "cash" (ZDavPR)
    bool pending = false;    ///< not collected yet (cash on delivery before delivery)
};

/// What one refund gave back of one order line, since 1.5. Never grows (it sits in a container).
struct RefundedLine {
    std::string lineExternalId;  ///< the SalesOrderLine's externalId
    Amount quantity;             ///< units given back; zero when only an amount is known (shipping, a fee)
    Amount amount;  ///< gross money given back for the line when the shop says; zero: by quantity
};

/// One refund of an order, since 1.5 (issue 15): the money given back and, where the shop says so, for
/// which lines, so that the credit note credits the VAT of what came back. Never grows.
struct Refund {
    std::string externalId;  ///< the shop's refund id
    std::string createdAt;   ///< ISO-8601 UTC
    Amount amount;           ///< gross money given back, in the order's currency
    /// The lines it gave back; empty when the shop names none (a refund of an amount), which the host
    /// spreads over the invoice's VAT rates in proportion.
    std::vector<RefundedLine> lines;
};

struct SalesOrder {
    std::string externalId;  ///< the shop's order id: the idempotency key with the store
    std::string number;      ///< the reference people use
    std::string createdAt;   ///< ISO-8601 UTC
    std::string paidAt;      ///< empty when not paid
    std::string updatedAt;
    std::int64_t updatedAtMillis = 0;  ///< the shop's last change; an older update never replaces a newer one
    std::string currency;              ///< ISO 4217, as the shop gives it
    bool pricesIncludeVat = false;
    std::string status;             ///< the shop's order status, e.g. APPROVED, CANCELED
    std::string paymentStatus;      ///< e.g. NOT_PAID, PAID, PARTIALLY_REFUNDED
    std::string fulfillmentStatus;  ///< e.g. NOT_FULFILLED, FULFILLED
    bool archived = false;
    std::string paymentMethod;  ///< as the shop names it; empty when unknown
    Buyer buyer;
    Address shipping;  ///< empty when the same as billing or nothing is shipped
    std::vector<SalesOrderLine> lines;
    std::vector<VatRateTotal> vatBreakdown;
    Amount totalNet;
    Amount totalVat;
    Amount totalGross;
    std::vector<ReviewFlag> flags;

    // Appended for auto-invoicing (issue 6); a plugin that does not fill them leaves the host nothing to
    // invoice by payment or status, never a wrong invoice.
    Amount paidAmount;      ///< what the buyer has paid so far (refunds not deducted)
    Amount refundedAmount;  ///< what has been refunded so far
    std::string
        paymentMethodCode;       ///< e-računi's method from the store's payment method map; empty: unmapped
    bool fiscalPayment = false;  ///< the map marks the method as "cash" (ZDavPR): the invoice is verified
    std::string orderStatus;     ///< e-računi's order status from the store's status map; empty: unmapped
    bool invoiceOnStatus = false;  ///< the status map marks this status for auto-invoicing

    // Appended in 1.3 (issue 20): every approved or pending payment, largest first; empty when the shop
    // names none. paymentMethodCode and fiscalPayment stay the invoice's decision (the largest part's
    // method; fiscal when any part is).
    std::vector<PaymentPart> payments;

    // Appended in 1.5 (issue 15): the refunds that succeeded, oldest first; their amounts add up to
    // refundedAmount. Empty from a plugin that does not say (the host then credits refundedAmount pro rata).
    std::vector<Refund> refunds;
};

enum class UpsertResult { Created, Updated, Unchanged };

}  // namespace estore::host_api
