#include "wix_sandbox/orders/payment_method.h"

namespace wix_sandbox {

const PaymentMethodTraits& PaymentMethodTraits::of(PaymentMethod method) {
    // Names as Wix writes them (§15): online cards under the provider's name, Wix's manual payment with a
    // predefined CASH / BANK_TRANSFER name, gift cards without regular payment details.
    static const PaymentMethodTraits kWixPayments{"WixPayments", "Kreditna kartica", "", false, true};
    static const PaymentMethodTraits kStripe{"Stripe", "Kreditna kartica", "", false, true};
    static const PaymentMethodTraits kCreditCard{"CreditCard", "Kreditna kartica", "", false, true};
    static const PaymentMethodTraits kPayPal{"PayPal", "PayPal", "", false, false};
    static const PaymentMethodTraits kCash{"offline", "Plačilo po povzetju", "CASH", true, false};
    static const PaymentMethodTraits kBank{"offline", "Bančno nakazilo", "BANK_TRANSFER", true, false};
    static const PaymentMethodTraits kGiftCard{"", "Darilna kartica", "", false, false};
    switch (method) {
        case PaymentMethod::WixPayments: return kWixPayments;
        case PaymentMethod::Stripe: return kStripe;
        case PaymentMethod::CreditCard: return kCreditCard;
        case PaymentMethod::PayPal: return kPayPal;
        case PaymentMethod::CashOnDelivery: return kCash;
        case PaymentMethod::BankTransfer: return kBank;
        case PaymentMethod::GiftCard: return kGiftCard;
    }
    return kCreditCard;
}

}  // namespace wix_sandbox
