#pragma once
// Sales orders for the invoicing tests, as the Wix plugin would hand them to the host.
#include <cstdint>
#include <string>

#include "estore/host_api/sales_order.h"

namespace estore::test {

/// The payment method map the invoicing tests' store uses: cash on delivery is fiscal, the rest not.
inline const std::string kPaymentMap = "CASH=CashOnDelivery:fiscal; PayPal=PayPal; WixPayments=CreditCard";

/// A two-rate order (22 % and 9.5 %, plus shipping at 22 %), tax-inclusive, 61.60 EUR in total, paid by
/// `method` ("CASH" is fiscal, "PayPal" is not).
host_api::SalesOrder twoRateOrder(const std::string& id, std::int64_t version,
                                  const std::string& paymentStatus, const std::string& method = "PayPal");

}  // namespace estore::test
