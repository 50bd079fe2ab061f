#include "wix_sandbox/orders/order_changer.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>

#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"
#include "wix_sandbox/orders/order_transactions.h"

namespace wix_sandbox {

namespace {

std::string text(Poco::JSON::Object::Ptr object, const std::string& key) {
    return object && object->has(key) && !object->isNull(key) ? object->get(key).toString() : std::string();
}

long centsAt(Poco::JSON::Object::Ptr holder, const std::string& key) {
    Poco::JSON::Object::Ptr money = holder ? holder->getObject(key) : nullptr;
    return money ? Money::parseCents(text(money, "amount")).value_or(0) : 0;
}

std::string currencyOf(Poco::JSON::Object::Ptr order) {
    const std::string currency = text(order, "currency");
    return currency.empty() ? "EUR" : currency;
}

long totalOf(Poco::JSON::Object::Ptr order) {
    return centsAt(order->getObject("priceSummary"), "total");
}

/// The order's array `key`, added empty when the order has none.
Poco::JSON::Array::Ptr arrayOf(Poco::JSON::Object::Ptr order, const std::string& key) {
    Poco::JSON::Array::Ptr array = order->getArray(key);
    if (!array) {
        array = new Poco::JSON::Array;
        order->set(key, array);
    }
    return array;
}

/// A tip as the additional fee Wix Tips applies: code and id the tip's. What tax Wix puts on a tip's fee
/// is not documented; the sandbox charges none (the connector never relies on it: a tip is held for a
/// person whatever its tax). No providerAppId either: nothing on the fee says "tip", which is why the
/// connector asks the Tips API.
Poco::JSON::Object::Ptr tipFee(const std::string& tipId, long cents, const std::string& currency) {
    Poco::JSON::Object::Ptr fee = JsonBody::object();
    fee->set("code", tipId);
    fee->set("name", "Tip");
    fee->set("price", Money::toJson(cents, currency));
    Poco::JSON::Object::Ptr tax = JsonBody::object();
    tax->set("taxableAmount", Money::toJson(0, currency));
    tax->set("taxRate", "0");
    tax->set("totalTax", Money::toJson(0, currency));
    fee->set("taxDetails", tax);
    fee->set("priceBeforeTax", Money::toJson(cents, currency));
    fee->set("priceAfterTax", Money::toJson(cents, currency));
    fee->set("id", tipId);
    fee->set("lineItemIds", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    return fee;
}

/// The tip as Get Tip By Order ID answers it under "tip" (fields from the Tips API reference; the
/// sandbox distributes nothing to staff, so all of it is the business's undistributed amount).
std::string tipJsonOf(const std::string& tipId, long cents, long subtotal, const std::string& currency) {
    Poco::JSON::Object::Ptr tip = JsonBody::object();
    tip->set("id", tipId);
    tip->set("amount", Money::toJson(cents, currency));
    tip->set("lineItemSubtotal", Money::toJson(subtotal, currency));
    tip->set("distributions", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    tip->set("undistributedAmount", Money::toJson(cents, currency));
    return JsonBody::stringify(tip);
}

[[noreturn]] void refuse(const std::string& why) {
    throw Poco::InvalidArgumentException(why);
}

}  // namespace

std::optional<OrderChange> OrderChanger::parse(const std::string& name) {
    if (name == "pay") return OrderChange::Pay;
    if (name == "cancel") return OrderChange::Cancel;
    if (name == "refund") return OrderChange::Refund;
    if (name == "archive") return OrderChange::Archive;
    if (name == "fulfil" || name == "fulfill") return OrderChange::Fulfil;
    return std::nullopt;
}

OrderRecord OrderChanger::apply(const OrderRecord& current, OrderChange change, const std::string& now,
                                const RefundRequest& refundRequest) {
    Poco::JSON::Object::Ptr order = JsonBody::parseObjectStrict(current.jsonText());
    Poco::JSON::Object::Ptr transactions = JsonBody::parseObjectStrict(OrderTransactions::of(current));
    if (text(order, "status") == "INITIALIZED")
        refuse("an INITIALIZED order (abandoned checkout) cannot change");
    switch (change) {
        case OrderChange::Pay: pay(order, transactions, current.paymentMethod, now); break;
        case OrderChange::Cancel: cancel(order, transactions, now); break;
        case OrderChange::Refund:
            refund(order, transactions, current.paymentMethod, now, refundRequest);
            break;
        case OrderChange::Archive: archive(order); break;
        case OrderChange::Fulfil: fulfil(order, now); break;
    }
    order->set("updatedDate", now);
    order->set("seenByAHuman", true);
    OrderRecord changed = OrderRecord::fromJson(order);
    changed.paymentMethod = current.paymentMethod;
    changed.transactionsJson = JsonBody::stringify(transactions);
    changed.tipJson = current.tipJson;
    return changed;
}

OrderRecord OrderChanger::setTip(const OrderRecord& current, long cents, const std::string& tipId,
                                 const std::string& now) {
    Poco::JSON::Object::Ptr order = JsonBody::parseObjectStrict(current.jsonText());
    if (text(order, "status") != "APPROVED") refuse("only an approved order can get a tip");
    const std::string payment = text(order, "paymentStatus");
    // The Tips API's sample flow tips orders found with paymentStatus NOT_PAID or PARTIALLY_PAID.
    if (payment != "NOT_PAID" && payment != "PENDING" && payment != "PARTIALLY_PAID")
        refuse("the order is " + payment + ": a tip is set before the buyer pays");
    if (!current.tipJson.empty()) refuse("the order has a tip already");
    if (cents <= 0) refuse("a tip must be more than 0");
    const std::string currency = currencyOf(order);
    arrayOf(order, "additionalFees")->add(tipFee(tipId, cents, currency));
    Poco::JSON::Object::Ptr summary = order->getObject("priceSummary");
    summary->set("total", Money::toJson(totalOf(order) + cents, currency));
    summary->set("totalAdditionalFees",
                 Money::toJson(centsAt(summary, "totalAdditionalFees") + cents, currency));
    Poco::JSON::Object::Ptr balance = order->getObject("balanceSummary");
    setBalance(order, centsAt(balance, "balance") + cents, centsAt(balance, "paid"),
               centsAt(balance, "refunded"));
    order->set("updatedDate", now);
    OrderRecord changed = OrderRecord::fromJson(order);
    changed.paymentMethod = current.paymentMethod;
    changed.transactionsJson = current.transactionsJson;
    changed.tipJson = tipJsonOf(tipId, cents, centsAt(summary, "subtotal"), currency);
    return changed;
}

void OrderChanger::pay(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions,
                       PaymentMethod method, const std::string& now) {
    const std::string status = text(order, "paymentStatus");
    if (text(order, "status") == "CANCELED") refuse("a cancelled order cannot be paid");
    if (status != "NOT_PAID" && status != "PENDING" && status != "PARTIALLY_PAID")
        refuse("the order is " + status + ", not waiting for payment");
    const long total = totalOf(order);
    order->set("paymentStatus", "PAID");
    setBalance(order, 0, total, 0);
    addActivity(order, "ORDER_PAID", now);
    OrderTransactions::recordPayment(transactions, total, method, currencyOf(order), now);
}

void OrderChanger::cancel(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions,
                          const std::string& now) {
    if (text(order, "status") == "CANCELED") refuse("the order is already cancelled");
    // Cancelling refunds nothing by itself (a refund is its own change); nothing is owed any more.
    Poco::JSON::Object::Ptr balance = order->getObject("balanceSummary");
    order->set("status", "CANCELED");
    setBalance(order, 0, centsAt(balance, "paid"), centsAt(balance, "refunded"));
    addActivity(order, "ORDER_CANCELED", now);
    OrderTransactions::recordCancel(transactions, now);
}

void OrderChanger::refund(Poco::JSON::Object::Ptr order, Poco::JSON::Object::Ptr transactions,
                          PaymentMethod method, const std::string& now, const RefundRequest& request) {
    Poco::JSON::Object::Ptr balance = order->getObject("balanceSummary");
    const long paid = centsAt(balance, "paid");
    const long refunded = centsAt(balance, "refunded");
    const long open = paid - refunded;
    if (open <= 0) refuse("nothing paid is left to refund");
    // Everything still refundable, unless the merchant chose items (their value is the default amount)
    // or typed an amount.
    RefundRequest chosen = request;
    if (!request.namesWhat() && !request.cents) {
        Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
        for (std::size_t i = 0; lines && i < lines->size(); ++i) {
            Poco::JSON::Object::Ptr line = lines->getObject(static_cast<unsigned>(i));
            const long left = line->optValue("quantity", 0L) - line->optValue("refundQuantity", 0L);
            if (left > 0) chosen.items.push_back({text(line, "id"), left});
        }
        chosen.shipping = true;
    }
    long value = 0;
    Poco::JSON::Object::Ptr details = chosen.namesWhat() ? refundDetails(order, chosen, value) : nullptr;
    const long amount = request.cents.value_or(request.namesWhat() ? std::min(value, open) : open);
    if (amount <= 0 || amount > open)
        refuse("a refund must be more than 0 and at most " + Money::amount(open) +
               " (paid and not refunded)");
    const bool full = refunded + amount >= paid;
    order->set("paymentStatus", full ? "FULLY_REFUNDED" : "PARTIALLY_REFUNDED");
    setBalance(order, centsAt(balance, "balance"), paid, refunded + amount);
    addActivity(order, "ORDER_REFUNDED", now);
    OrderTransactions::recordRefund(transactions, amount, full, PaymentMethodTraits::of(method).offline,
                                    currencyOf(order), now, details);
}

Poco::JSON::Object::Ptr OrderChanger::refundDetails(Poco::JSON::Object::Ptr order,
                                                    const RefundRequest& request, long& valueCents) {
    const std::string currency = currencyOf(order);
    Poco::JSON::Object::Ptr details = JsonBody::object();
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr lines = order->getArray("lineItems");
    for (const auto& item : request.items) {
        Poco::JSON::Object::Ptr line;
        for (std::size_t i = 0; lines && i < lines->size() && !line; ++i)
            if (text(lines->getObject(static_cast<unsigned>(i)), "id") == item.lineItemId)
                line = lines->getObject(static_cast<unsigned>(i));
        if (!line) refuse("the order has no line item " + item.lineItemId);
        const long bought = line->optValue("quantity", 0L), already = line->optValue("refundQuantity", 0L);
        if (item.quantity <= 0 || item.quantity > bought - already)
            refuse("line item " + item.lineItemId + ": at most " + std::to_string(bought - already) +
                   " of it can still be refunded");
        // The line's total as charged, for the units given back, half up to the cent.
        const long total = centsAt(line, "totalPriceAfterTax");
        valueCents += (total * item.quantity * 2 + bought) / (2 * bought);
        line->set("refundQuantity", already + item.quantity);
        Poco::JSON::Object::Ptr refunded = JsonBody::object();
        refunded->set("lineItemId", item.lineItemId);
        refunded->set("quantity", item.quantity);
        items->add(refunded);
    }
    details->set("lineItems", items);
    details->set("shippingIncluded", request.shipping);
    if (request.shipping) {
        Poco::JSON::Object::Ptr shipping = order->getObject("shippingInfo");
        Poco::JSON::Object::Ptr cost = shipping ? shipping->getObject("cost") : nullptr;
        const long cents = cost ? centsAt(cost, "totalPriceAfterTax") : 0;
        valueCents += cents;
        Poco::JSON::Object::Ptr refunded = JsonBody::object();
        refunded->set("amount", Money::toJson(cents, currency));
        details->set("shipping", refunded);
    }
    return details;
}

void OrderChanger::archive(Poco::JSON::Object::Ptr order) {
    if (order->optValue("archived", false)) refuse("the order is already archived");
    order->set("archived", true);
}

void OrderChanger::fulfil(Poco::JSON::Object::Ptr order, const std::string& now) {
    if (text(order, "status") == "CANCELED") refuse("a cancelled order cannot be fulfilled");
    if (text(order, "fulfillmentStatus") == "FULFILLED") refuse("the order is already fulfilled");
    order->set("fulfillmentStatus", "FULFILLED");
    addActivity(order, "ORDER_FULFILLED", now);
}

void OrderChanger::addActivity(Poco::JSON::Object::Ptr order, const std::string& type,
                               const std::string& now) {
    Poco::JSON::Array::Ptr activities = arrayOf(order, "activities");
    Poco::JSON::Object::Ptr activity = JsonBody::object();
    activity->set("createdDate", now);
    activity->set("type", type);
    activities->add(activity);
}

void OrderChanger::setBalance(Poco::JSON::Object::Ptr order, long balance, long paid, long refunded) {
    const std::string currency = currencyOf(order);
    Poco::JSON::Object::Ptr summary = JsonBody::object();
    summary->set("balance", Money::toJson(balance, currency));
    summary->set("paid", Money::toJson(paid, currency));
    summary->set("refunded", Money::toJson(refunded, currency));
    order->set("balanceSummary", summary);
}

}  // namespace wix_sandbox
