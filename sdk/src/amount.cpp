#include "estore/sdk/amount.h"

namespace estore::sdk {

host_api::Amount toAmount(const Decimal& value, int scale) {
    const Decimal scaled = value.rescaled(scale);
    return {scaled.units(), scaled.scale()};
}

host_api::Amount toNormalizedAmount(const Decimal& value) {
    std::int64_t units = value.units();
    int scale = value.scale();
    while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    return {units, scale};
}

}  // namespace estore::sdk
