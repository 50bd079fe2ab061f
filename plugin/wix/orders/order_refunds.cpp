#include "orders/order_refunds.h"

#include <algorithm>

#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/decimal.h"

namespace estore::wix {

namespace {

using sdk::Decimal;
using simdjson::dom::element;

std::string text(element e, std::string_view path) {
    return std::string(sdk::jsonTextAt(e, path).value_or(""));
}

Decimal moneyAt(element e, std::string_view path) {
    return Decimal::parse(text(e, path)).value_or(Decimal());
}

/// Wix writes quantities as JSON integers.
Decimal quantityAt(element e, std::string_view path) {
    auto value = sdk::jsonAt(e, path);
    if (!value) return Decimal();
    if (auto n = value->get_int64(); !n.error()) return Decimal::fromInt(n.value());
    if (auto n = value->get_uint64(); !n.error())
        return Decimal::fromInt(static_cast<std::int64_t>(n.value()));
    return Decimal();
}

/// The money of the refund's transactions that went through.
Decimal succeededAmount(element refund) {
    Decimal sum;
    if (auto transactions = sdk::jsonArrayAt(refund, "transactions"))
        for (element transaction : *transactions)
            if (text(transaction, "refundStatus") == "SUCCEEDED")
                sum += moneyAt(transaction, "amount.amount");
    return sum;
}

/// Money as Wix wrote it, at least to the cent; applyRefunds rounds it to the order currency's unit.
host_api::Amount asWritten(const Decimal& money) {
    return sdk::toAmount(money, std::max(2, money.scale()));
}

void addLine(host_api::Refund& refund, std::string id, const Decimal& quantity, const Decimal& amount) {
    if (id.empty() || (quantity.isZero() && amount.isZero())) return;
    refund.lines.push_back({std::move(id), sdk::toNormalizedAmount(quantity), asWritten(amount)});
}

/// details.lineItems[{lineItemId, quantity}] (the older name: details.items), details.shipping.amount or
/// details.shippingIncluded, details.additionalFees[{additionalFeeId, amount}]: the Order Transactions
/// Refund object as Wix's typed clients model it (reference §14 C1, WixSharp
/// Entities/Ecom/OrderTransactions.cs: RefundDetails).
void readDetails(element details, host_api::Refund& refund) {
    for (const char* key : {"lineItems", "items"}) {
        auto items = sdk::jsonArrayAt(details, key);
        if (!items) continue;
        for (element item : *items)
            addLine(refund, text(item, "lineItemId"), quantityAt(item, "quantity"), {});
        break;
    }
    const Decimal shipping = moneyAt(details, "shipping.amount.amount");
    if (!shipping.isZero())
        addLine(refund, kShippingLineId, {}, shipping);
    else if (auto included = sdk::jsonAt(details, "shippingIncluded");
             included && included->is_bool() && included->get_bool().value())
        addLine(refund, kShippingLineId, Decimal::fromInt(1), {});
    if (auto fees = sdk::jsonArrayAt(details, "additionalFees"))
        for (element fee : *fees)
            addLine(refund, text(fee, "additionalFeeId"), {}, moneyAt(fee, "amount.amount"));
}

}  // namespace

std::vector<host_api::Refund> refundsOf(element orderTransactions) {
    std::vector<host_api::Refund> refunds;
    auto list = sdk::jsonArrayAt(orderTransactions, "refunds");
    if (!list) return refunds;
    for (element refund : *list) {
        if (!refund.is_object()) continue;
        const Decimal amount = succeededAmount(refund);
        if (amount.isZero() || amount.isNegative()) continue;
        host_api::Refund one{text(refund, "id"), text(refund, "createdDate"), asWritten(amount), {}};
        if (auto details = sdk::jsonAt(refund, "details"); details && details->is_object())
            readDetails(*details, one);
        refunds.push_back(std::move(one));
    }
    // ISO-8601 UTC text sorts as time does.
    std::stable_sort(refunds.begin(), refunds.end(),
                     [](const auto& a, const auto& b) { return a.createdAt < b.createdAt; });
    return refunds;
}

void applyRefunds(host_api::SalesOrder& order, std::vector<host_api::Refund> refunds) {
    const int scale = sdk::currencyMinorUnits(order.currency);
    for (auto& refund : refunds) {
        refund.amount = sdk::toAmount(sdk::toDecimal(refund.amount), scale);
        for (auto& line : refund.lines) line.amount = sdk::toAmount(sdk::toDecimal(line.amount), scale);
    }
    Decimal refunded;
    // Wix's balance says money went back, yet Order Transactions lists no refund that went through.
    bool withoutLines = refunds.empty() && sdk::toDecimal(order.refundedAmount) > Decimal();
    for (const auto& refund : refunds) {
        refunded += sdk::toDecimal(refund.amount);
        withoutLines = withoutLines || refund.lines.empty();
    }
    refunded = std::max(refunded, sdk::toDecimal(order.refundedAmount));
    order.refunds = std::move(refunds);
    if (!withoutLines || refunded >= sdk::toDecimal(order.totalGross)) return;
    order.flags.push_back(
        {review::kRefundWithoutLines,
         {"Wix pri delnem vračilu kupnine ne navaja vrnjenih postavk, zato dobropis vračilo razdeli po "
          "stopnjah DDV v razmerju; preverite, ali ustreza vrnjenemu blagu.",
          "Wix names no returned lines for a partial refund, so the credit note spreads it over the VAT "
          "rates in proportion; check that this matches the goods returned."}});
}

}  // namespace estore::wix
