#include "wix_sandbox/orders/order_transactions.h"

#include <cctype>

#include <Poco/JSON/Array.h>

#include "wix_sandbox/core/deterministic_random.h"
#include "wix_sandbox/core/json_body.h"
#include "wix_sandbox/core/money.h"

namespace wix_sandbox {

namespace {

/// FNV-1a: transaction ids follow from the order id alone.
std::uint64_t hashOf(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return hash;
}

std::string text(Poco::JSON::Object::Ptr object, const std::string& key) {
    return object && object->has(key) && !object->isNull(key) ? object->get(key).toString() : std::string();
}

long centsAt(Poco::JSON::Object::Ptr holder, const std::string& key) {
    Poco::JSON::Object::Ptr money = holder ? holder->getObject(key) : nullptr;
    return money ? Money::parseCents(text(money, "amount")).value_or(0) : 0;
}

/// The first activity of one of the types, else `fallback`.
std::string activityDate(Poco::JSON::Object::Ptr order, const std::string& type, const std::string& other,
                         const std::string& fallback) {
    Poco::JSON::Array::Ptr activities = order->getArray("activities");
    if (activities)
        for (std::size_t i = 0; i < activities->size(); ++i) {
            Poco::JSON::Object::Ptr activity = activities->getObject(static_cast<unsigned>(i));
            const std::string found = text(activity, "type");
            if (found == type || (!other.empty() && found == other)) return text(activity, "createdDate");
        }
    return fallback;
}

std::string upperBase(DeterministicRandom& random, std::size_t length) {
    std::string id = random.base64Url(length);
    for (char& c : id)
        c = std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(c)) : 'X';
    return id;
}

Poco::JSON::Object::Ptr regularDetails(DeterministicRandom& random, PaymentMethod method,
                                       const std::string& status) {
    const PaymentMethodTraits& traits = PaymentMethodTraits::of(method);
    Poco::JSON::Object::Ptr details = JsonBody::object();
    details->set("paymentOrderId", random.guid());
    if (!traits.offline) {
        details->set("gatewayTransactionId", random.guid());
        details->set("providerTransactionId", method == PaymentMethod::Stripe   ? "pi_" + random.base64Url(24)
                                              : method == PaymentMethod::PayPal ? upperBase(random, 17)
                                                                                : random.guid());
    }
    details->set("paymentMethod", traits.paymentMethod);
    details->set("offlinePayment", traits.offline);
    details->set("status", status);
    details->set("savedPaymentMethod", false);
    if (traits.card) {
        Poco::JSON::Object::Ptr card = JsonBody::object();
        card->set("lastFourDigits", std::to_string(random.between(1000, 9999)));
        card->set("brand", random.between(0, 1) ? "Visa" : "Mastercard");
        details->set("creditCardDetails", card);
    }
    Poco::JSON::Object::Ptr name = JsonBody::object();
    name->set("buyerLanguageName", traits.buyerLanguageName);
    name->set("siteLanguageName", traits.buyerLanguageName);
    if (traits.predefined[0] != '\0') {
        Poco::JSON::Object::Ptr userDefined = JsonBody::object();
        userDefined->set("predefined", traits.predefined);
        name->set("userDefinedName", userDefined);
    }
    details->set("paymentMethodName", name);
    return details;
}

Poco::JSON::Object::Ptr payment(DeterministicRandom& random, PaymentMethod method, long cents,
                                const std::string& status, const std::string& currency,
                                const std::string& date) {
    Poco::JSON::Object::Ptr payment = JsonBody::object();
    payment->set("id", random.guid());
    payment->set("createdDate", date);
    payment->set("updatedDate", date);
    payment->set("amount", Money::toJson(cents, currency));
    payment->set("refundDisabled", false);
    payment->set("status", status);
    if (method == PaymentMethod::GiftCard) {
        // Gift cards move no money through a provider: no regular payment details (§15).
        Poco::JSON::Object::Ptr giftCard = JsonBody::object();
        giftCard->set("giftCardPaymentId", random.guid());
        giftCard->set("giftCardId", random.guid());
        giftCard->set("voided", false);
        payment->set("giftcardPaymentDetails", giftCard);
    } else {
        payment->set("regularPaymentDetails", regularDetails(random, method, status));
    }
    return payment;
}

void setStatus(Poco::JSON::Object::Ptr payment, const std::string& status, const std::string& now) {
    payment->set("status", status);
    payment->set("updatedDate", now);
    if (Poco::JSON::Object::Ptr details = payment->getObject("regularPaymentDetails"))
        details->set("status", status);
}

PaymentMethod methodOf(Poco::JSON::Object::Ptr payment) {
    Poco::JSON::Object::Ptr details = payment->getObject("regularPaymentDetails");
    if (!details) return PaymentMethod::GiftCard;
    const std::string name = text(details, "paymentMethod");
    for (PaymentMethod method : {PaymentMethod::WixPayments, PaymentMethod::Stripe, PaymentMethod::CreditCard,
                                 PaymentMethod::PayPal})
        if (name == PaymentMethodTraits::of(method).paymentMethod) return method;
    const std::string predefined =
        text(details->getObject("paymentMethodName")
                 ? details->getObject("paymentMethodName")->getObject("userDefinedName")
                 : nullptr,
             "predefined");
    return predefined == "BANK_TRANSFER" ? PaymentMethod::BankTransfer : PaymentMethod::CashOnDelivery;
}

}  // namespace

std::string OrderTransactions::of(const OrderRecord& record) {
    if (!record.transactionsJson.empty()) return record.transactionsJson;
    return JsonBody::stringify(derive(JsonBody::parseObjectStrict(record.jsonText()), record.paymentMethod));
}

Poco::JSON::Object::Ptr OrderTransactions::derive(Poco::JSON::Object::Ptr order, PaymentMethod method) {
    const std::string id = text(order, "id");
    const std::string currency = text(order, "currency").empty() ? "EUR" : text(order, "currency");
    const std::string status = text(order, "status");
    const std::string paymentStatus = text(order, "paymentStatus");
    Poco::JSON::Object::Ptr balance = order->getObject("balanceSummary");
    const long total = centsAt(order->getObject("priceSummary"), "total");
    const long paid = balance ? centsAt(balance, "paid") : (paymentStatus == "PAID" ? total : 0);
    const long refunded = centsAt(balance, "refunded");
    const bool offline = PaymentMethodTraits::of(method).offline;
    const std::string created = text(order, "createdDate");
    DeterministicRandom random(hashOf(id));

    Poco::JSON::Array::Ptr payments = new Poco::JSON::Array;
    Poco::JSON::Array::Ptr refunds = new Poco::JSON::Array;
    if (paid > 0) {
        const std::string state = refunded >= paid ? "REFUNDED"
                                  : refunded > 0   ? "PARTIALLY_REFUNDED"
                                                   : "APPROVED";
        const std::string date = activityDate(order, "ORDER_PAID", "ORDER_PARTIALLY_PAID", created);
        payments->add(payment(random, method, paid, state, currency, date));
    }
    if (status != "INITIALIZED" && paid < total && paymentStatus != "FULLY_REFUNDED") {
        // What is still open: a manual payment the merchant has not confirmed, a provider still working,
        // or a card the provider declined on a cancelled order.
        const std::string state = status == "CANCELED"         ? (offline ? "CANCELED" : "DECLINED")
                                  : paymentStatus == "PENDING" ? "PENDING"
                                  : offline                    ? "PENDING_MERCHANT"
                                                               : "";
        if (!state.empty()) payments->add(payment(random, method, total - paid, state, currency, created));
    }
    if (refunded > 0 && payments->size() > 0) {
        Poco::JSON::Object::Ptr transaction = JsonBody::object();
        transaction->set("paymentId", payments->getObject(0)->getValue<std::string>("id"));
        transaction->set("amount", Money::toJson(refunded, currency));
        transaction->set("refundStatus", "SUCCEEDED");
        transaction->set("externalRefund", offline);
        Poco::JSON::Array::Ptr transactions = new Poco::JSON::Array;
        transactions->add(transaction);
        Poco::JSON::Object::Ptr refund = JsonBody::object();
        refund->set("id", random.guid());
        refund->set("createdDate", activityDate(order, "ORDER_REFUNDED", "", text(order, "updatedDate")));
        refund->set("transactions", transactions);
        refunds->add(refund);
    }
    Poco::JSON::Object::Ptr result = JsonBody::object();
    result->set("orderId", id);
    result->set("payments", payments);
    result->set("refunds", refunds);
    return result;
}

void OrderTransactions::recordPayment(Poco::JSON::Object::Ptr transactions, long totalCents,
                                      PaymentMethod method, const std::string& currency,
                                      const std::string& now) {
    Poco::JSON::Array::Ptr payments = transactions->getArray("payments");
    long approved = 0;
    for (std::size_t i = 0; i < payments->size(); ++i) {
        Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(i));
        const std::string status = text(payment, "status");
        if (status == "PENDING" || status == "PENDING_MERCHANT") setStatus(payment, "APPROVED", now);
        if (text(payment, "status") == "APPROVED") approved += centsAt(payment, "amount");
    }
    if (approved >= totalCents) return;
    DeterministicRandom random(hashOf(text(transactions, "orderId") + now));
    payments->add(payment(random, method, totalCents - approved, "APPROVED", currency, now));
}

void OrderTransactions::recordRefund(Poco::JSON::Object::Ptr transactions, long cents, bool full,
                                     bool offline, const std::string& currency, const std::string& now,
                                     Poco::JSON::Object::Ptr details) {
    Poco::JSON::Array::Ptr payments = transactions->getArray("payments");
    Poco::JSON::Object::Ptr refunded;
    for (std::size_t i = 0; i < payments->size() && !refunded; ++i) {
        Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(i));
        const std::string status = text(payment, "status");
        if (status == "APPROVED" || status == "PARTIALLY_REFUNDED") refunded = payment;
    }
    if (!refunded) return;
    setStatus(refunded, full ? "REFUNDED" : "PARTIALLY_REFUNDED", now);
    if (full)  // every other approved payment goes back too
        for (std::size_t i = 0; i < payments->size(); ++i) {
            Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(i));
            if (text(payment, "status") == "APPROVED") setStatus(payment, "REFUNDED", now);
        }
    DeterministicRandom random(hashOf(text(transactions, "orderId") + now));
    Poco::JSON::Object::Ptr transaction = JsonBody::object();
    transaction->set("paymentId", text(refunded, "id"));
    transaction->set("amount", Money::toJson(cents, currency));
    transaction->set("refundStatus", "SUCCEEDED");
    transaction->set("externalRefund", offline || methodOf(refunded) == PaymentMethod::GiftCard);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    list->add(transaction);
    Poco::JSON::Object::Ptr refund = JsonBody::object();
    refund->set("id", random.guid());
    refund->set("createdDate", now);
    refund->set("transactions", list);
    if (details) refund->set("details", details);
    transactions->getArray("refunds")->add(refund);
}

void OrderTransactions::recordCancel(Poco::JSON::Object::Ptr transactions, const std::string& now) {
    Poco::JSON::Array::Ptr payments = transactions->getArray("payments");
    for (std::size_t i = 0; i < payments->size(); ++i) {
        Poco::JSON::Object::Ptr payment = payments->getObject(static_cast<unsigned>(i));
        const std::string status = text(payment, "status");
        if (status == "PENDING" || status == "PENDING_MERCHANT") setStatus(payment, "CANCELED", now);
    }
}

}  // namespace wix_sandbox
