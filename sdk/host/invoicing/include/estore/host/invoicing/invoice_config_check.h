#pragma once
// What the host itself must have before a store may invoice automatically: with a fiscal payment method
// in the store's map, a readable FURS certificate and key that belong together (fiscal.certificate,
// fiscal.private_key) and the company's tax number (company.tax_number). Checked when a store is added or
// configured, so a store is refused then, not at its first paid order.
#include <vector>

#include "estore/host_api/values.h"

namespace estore::host {

class HostConfig;

class InvoiceConfigCheck {
public:
    /// Field errors on the store's fields (payment_methods names the fiscal methods that need the key).
    static std::vector<host_api::FieldError> check(const host_api::Settings& settings, HostConfig& config);
};

}  // namespace estore::host
