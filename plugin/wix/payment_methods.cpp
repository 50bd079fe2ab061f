#include "payment_methods.h"

#include <Poco/JSON/Array.h>

#include "estore/sdk/decimal.h"
#include "estore/sdk/json_access.h"

namespace estore::wix {

namespace {

using Poco::JSON::Object;

bool approved(const Object::Ptr& payment) {
    // The payment-level status replaces regularPaymentDetails.status (deprecated 2026-11-01); read both.
    std::string status = sdk::stringAt(payment, "status").value_or("");
    if (status.empty()) status = sdk::stringAt(payment, "regularPaymentDetails.status").value_or("");
    return status == "APPROVED" || status == "REFUNDED" || status == "PARTIALLY_REFUNDED";
}

std::string methodOf(const Object::Ptr& payment) {
    if (payment->has("giftcardPaymentDetails")) return "GiftCard";
    if (payment->has("membershipPaymentDetails")) return "Membership";
    if (auto v = sdk::stringAt(payment, "regularPaymentDetails.paymentMethodName.userDefinedName.predefined"))
        return *v;
    if (auto v = sdk::stringAt(payment, "regularPaymentDetails.paymentMethodName.userDefinedName.custom"))
        return *v;
    if (auto v = sdk::stringAt(payment, "regularPaymentDetails.paymentMethod"); v && !v->empty()) return *v;
    return sdk::stringAt(payment, "regularPaymentDetails.paymentMethodName.siteLanguageName").value_or("");
}

sdk::Decimal amountOf(const Object::Ptr& payment) {
    auto text = sdk::stringAt(payment, "amount.amount");
    auto value = text ? sdk::Decimal::parse(*text) : std::nullopt;
    return value.value_or(sdk::Decimal());
}

}  // namespace

std::map<std::string, std::string> paymentMethodsByOrder(const Object::Ptr& answer) {
    std::map<std::string, std::string> methods;
    Poco::JSON::Array::Ptr all = answer ? answer->getArray("orderTransactions") : nullptr;
    if (!all) return methods;
    for (std::size_t i = 0; i < all->size(); ++i) {
        Object::Ptr transactions = all->getObject(static_cast<unsigned>(i));
        if (!transactions) continue;
        const std::string orderId = sdk::stringAt(transactions, "orderId").value_or("");
        Poco::JSON::Array::Ptr payments = transactions->getArray("payments");
        if (orderId.empty() || !payments) continue;
        sdk::Decimal largest(-1, 0);
        for (std::size_t j = 0; j < payments->size(); ++j) {
            Object::Ptr payment = payments->getObject(static_cast<unsigned>(j));
            if (!payment || !approved(payment)) continue;
            const std::string method = methodOf(payment);
            if (!method.empty() && amountOf(payment) > largest) {
                largest = amountOf(payment);
                methods[orderId] = method;
            }
        }
    }
    return methods;
}

}  // namespace estore::wix
