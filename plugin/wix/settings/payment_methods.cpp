#include "settings/payment_methods.h"

#include "orders/order_refunds.h"

#include <algorithm>

#include "estore/sdk/amount.h"
#include "estore/sdk/currency.h"
#include "estore/sdk/decimal.h"
#include "estore/sdk/setting_map.h"

namespace estore::wix {

namespace {

using simdjson::dom::element;

std::string text(element e, std::string_view path) {
    return std::string(sdk::jsonTextAt(e, path).value_or(""));
}

std::string statusOf(element payment) {
    // The payment-level status replaces regularPaymentDetails.status (deprecated 2026-11-01); read both.
    std::string status = text(payment, "status");
    if (status.empty()) status = text(payment, "regularPaymentDetails.status");
    return status;
}

bool approved(element payment) {
    const std::string status = statusOf(payment);
    return status == "APPROVED" || status == "REFUNDED" || status == "PARTIALLY_REFUNDED";
}

/// A part still to be paid (cash on delivery before delivery): if it could be cash, the invoice must be
/// verified (FURS's 2019 guidance, furs-protocol.md §4), so it counts for the fiscal decision.
bool pending(element payment) {
    return statusOf(payment).find("PENDING") != std::string::npos;
}

std::string methodOf(element payment) {
    if (sdk::jsonAt(payment, "giftcardPaymentDetails")) return "GiftCard";
    if (sdk::jsonAt(payment, "membershipPaymentDetails")) return "Membership";
    if (auto v =
            sdk::jsonTextAt(payment, "regularPaymentDetails.paymentMethodName.userDefinedName.predefined"))
        return std::string(*v);
    if (auto v = sdk::jsonTextAt(payment, "regularPaymentDetails.paymentMethodName.userDefinedName.custom"))
        return std::string(*v);
    if (auto v = sdk::jsonTextAt(payment, "regularPaymentDetails.paymentMethod"); v && !v->empty())
        return std::string(*v);
    return text(payment, "regularPaymentDetails.paymentMethodName.siteLanguageName");
}

sdk::Decimal amountOf(element payment) {
    auto value = sdk::Decimal::parse(text(payment, "amount.amount"));
    return value.value_or(sdk::Decimal());
}

}  // namespace

std::map<std::string, OrderPayments> paymentMethodsByOrder(element answer) {
    std::map<std::string, OrderPayments> methods;
    auto all = sdk::jsonArrayAt(answer, "orderTransactions");
    if (!all) return methods;
    for (element transactions : *all) {
        const std::string orderId = text(transactions, "orderId");
        if (orderId.empty()) continue;
        if (auto refunds = refundsOf(transactions); !refunds.empty())
            methods[orderId].refunds = std::move(refunds);
        auto payments = sdk::jsonArrayAt(transactions, "payments");
        if (!payments) continue;
        sdk::Decimal largest(-1, 0);
        std::vector<host_api::PaymentPart> parts;
        for (element payment : *payments) {
            if (!payment.is_object() || !(approved(payment) || pending(payment))) continue;
            const std::string method = methodOf(payment);
            if (method.empty()) continue;
            // Kept as Wix wrote it (at least cents); applyPayments rounds to the order currency's unit.
            const sdk::Decimal amount = amountOf(payment);
            parts.push_back(
                {method, "", sdk::toAmount(amount, std::max(2, amount.scale())), false, !approved(payment)});
            if (approved(payment) && amountOf(payment) > largest) {
                largest = amountOf(payment);
                methods[orderId].main = method;
            }
        }
        if (!methods.count(orderId)) continue;
        OrderPayments& order = methods[orderId];
        std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) {
            return sdk::toDecimal(a.amount) > sdk::toDecimal(b.amount);
        });
        for (const auto& part : parts)
            if (part.method != order.main &&
                std::find(order.others.begin(), order.others.end(), part.method) == order.others.end())
                order.others.push_back(part.method);
        order.parts = std::move(parts);
    }
    return methods;
}

namespace {

std::string settingOf(const host_api::Settings& settings, const std::string& key) {
    auto it = settings.find(key);
    return it == settings.end() ? std::string() : it->second;
}

bool paid(const host_api::SalesOrder& order) {
    const std::string& s = order.paymentStatus;
    return s == "PAID" || s == "PARTIALLY_PAID" || s == "PARTIALLY_REFUNDED" || s == "FULLY_REFUNDED" ||
           sdk::toDecimal(order.paidAmount) > sdk::Decimal();
}

void flagUnmapped(host_api::SalesOrder& order, const std::string& method) {
    order.flags.push_back({review::kPaymentMethodUnmapped,
                           {"Način plačila '" + method +
                                "' ni v preslikavi načinov plačila trgovine (polje payment_methods); račun "
                                "se ne izda, dokler ga "
                                "ne dodate.",
                            "The payment method '" + method +
                                "' is not in the store's payment method map (field payment_methods); no "
                                "invoice is issued until "
                                "you add it."}});
}

void applyPaymentMap(host_api::SalesOrder& order, const sdk::SettingMap& map,
                     const std::vector<std::string>& otherMethods) {
    if (order.paymentMethod.empty()) {
        if (paid(order) && sdk::toDecimal(order.totalGross) > sdk::Decimal())
            order.flags.push_back(
                {review::kPaymentMethodUnknown,
                 {"Naročilo je plačano, Wix pa ne navaja plačila, zato način plačila (in davčno potrjevanje) "
                  "ni znan. Račun se ne izda samodejno.",
                  "The order is paid but Wix names no payment, so the payment method (and fiscal "
                  "verification) is unknown. No invoice is issued automatically."}});
        return;
    }
    const sdk::SettingMapEntry* entry = map.find(order.paymentMethod);
    if (!entry) {
        flagUnmapped(order, order.paymentMethod);
        return;
    }
    order.paymentMethodCode = entry->value;
    order.fiscalPayment = entry->hasFlag("fiscal");
    for (auto& part : order.payments)
        if (const sdk::SettingMapEntry* known = map.find(part.method)) {
            part.methodCode = known->value;
            part.fiscal = known->hasFlag("fiscal");
        }
    for (const auto& method : otherMethods) {
        const sdk::SettingMapEntry* part = map.find(method);
        if (!part) {
            flagUnmapped(order, method);  // fiscal or not is unknown: no invoice on a guess
            order.paymentMethodCode.clear();
            return;
        }
        order.fiscalPayment = order.fiscalPayment || part->hasFlag("fiscal");
    }
}

}  // namespace

std::string shopStatusOf(const host_api::SalesOrder& order) {
    if (order.status == "CANCELED") return order.status;
    if (order.fulfillmentStatus == "FULFILLED" || order.fulfillmentStatus == "PARTIALLY_FULFILLED")
        return order.fulfillmentStatus;
    return order.status.empty() ? "APPROVED" : order.status;
}

void applyStoreMaps(host_api::SalesOrder& order, const host_api::Settings& settings,
                    const std::vector<std::string>& otherMethods) {
    // Maps are checked when the store is configured; one broken later is treated as empty (review).
    if (settings.count("payment_methods"))
        applyPaymentMap(order, sdk::parseSettingMap(settingOf(settings, "payment_methods")).map,
                        otherMethods);
    const auto statuses = sdk::parseSettingMap(settingOf(settings, "order_statuses")).map;
    if (const auto* entry = statuses.find(shopStatusOf(order))) {
        order.orderStatus = entry->value;
        order.invoiceOnStatus = entry->hasFlag("invoice");
    }
}

void applyPayments(host_api::SalesOrder& order, const host_api::Settings& settings,
                   const OrderPayments& payments) {
    order.payments = payments.parts;
    const int scale = sdk::currencyMinorUnits(order.currency);
    for (auto& part : order.payments) part.amount = sdk::toAmount(sdk::toDecimal(part.amount), scale);
    applyRefunds(order, payments.refunds);
    applyStoreMaps(order, settings, payments.others);
}

}  // namespace estore::wix
