#pragma once
// Which payment method paid each order, from Wix's Order Transactions (reference §15): the eCom order
// itself names none.
#include <Poco/JSON/Object.h>

#include <map>
#include <string>

namespace estore::wix {

/// orderId → the method of its largest approved payment, as Wix names it: the merchant's own name for a
/// manual method (`paymentMethodName.userDefinedName`: CASH, BANK_TRANSFER, CHECK or custom text), else the
/// provider's method (`regularPaymentDetails.paymentMethod`, e.g. "CreditCard", "PayPal"; deprecated but
/// the only provider-level key), "GiftCard" or "Membership". Orders without an approved payment are absent.
std::map<std::string, std::string> paymentMethodsByOrder(const Poco::JSON::Object::Ptr& listByIdsAnswer);

}  // namespace estore::wix
