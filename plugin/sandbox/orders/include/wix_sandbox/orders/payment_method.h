#pragma once

#include <string>

namespace wix_sandbox {

/// How an order is paid (reference §15). The eCom order never names it: Order Transactions does, so the
/// store keeps it beside the order.
enum class PaymentMethod { WixPayments, Stripe, CreditCard, PayPal, CashOnDelivery, BankTransfer, GiftCard };

/// What Order Transactions shows for a method.
struct PaymentMethodTraits {
    const char* paymentMethod;      ///< regularPaymentDetails.paymentMethod (free text at Wix)
    const char* buyerLanguageName;  ///< paymentMethodName.buyerLanguageName
    const char* predefined;         ///< userDefinedName.predefined, "" for none
    bool offline;                   ///< manual payment the merchant confirms (PENDING_MERCHANT until then)
    bool card;                      ///< carries creditCardDetails

    static const PaymentMethodTraits& of(PaymentMethod method);
};

}  // namespace wix_sandbox
