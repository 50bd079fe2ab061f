#pragma once
// Between the contract's plain Amount (units × 10^-scale) and the SDK's exact Decimal, which does the
// arithmetic. Neither direction goes through a float.
#include "estore/host_api/sales_order.h"
#include "estore/sdk/decimal.h"

namespace estore::sdk {

inline Decimal toDecimal(const host_api::Amount& amount) {
    return {amount.units, amount.scale};
}

/// The value with exactly `scale` decimals (money: 2), rounded half away from zero when it has more.
host_api::Amount toAmount(const Decimal& value, int scale);

/// The value with no trailing zeros (rates, quantities): 22.0 → {22, 0}, 9.50 → {95, 1}. Two equal
/// values always give the same Amount, so such Amounts compare by their fields.
host_api::Amount toNormalizedAmount(const Decimal& value);

/// Same value, whatever the scales (22 == 22.00).
inline bool sameValue(const host_api::Amount& a, const host_api::Amount& b) {
    return toDecimal(a) == toDecimal(b);
}

}  // namespace estore::sdk
