#pragma once
// The payment methods ("načini plačila") an e-računi document can carry, as the right-hand side of a
// store's payment method map. Whether a method is fiscally verified is not a property of the method but
// of how the shop is paid (DOMAIN.md), so it lives in the map, not here.
#include <string>
#include <string_view>
#include <vector>

#include "estore/host_api/outcome.h"

namespace estore::sdk {

struct EracuniPaymentMethod {
    const char* code;  ///< e.g. "CashOnDelivery"
    host_api::Text name;
};

const std::vector<EracuniPaymentMethod>& eracuniPaymentMethods();

/// The method with this code (case-insensitive), or null.
const EracuniPaymentMethod* findEracuniPaymentMethod(std::string_view code);

/// "BankTransfer, Cash, …" for messages that list the choices.
std::string eracuniPaymentMethodCodes();

}  // namespace estore::sdk
