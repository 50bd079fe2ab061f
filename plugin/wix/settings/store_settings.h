#pragma once
// Local checks of a Wix store's dialog input, before anything is sent to Wix.
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::wix {

struct LocalCheck {
    std::vector<host_api::FieldError> errors;
    host_api::Settings normalized;  ///< settings with the bare site id and normalised flags
    std::string siteId;
    std::string apiKey;

    bool ok() const { return errors.empty(); }
};

LocalCheck checkLocally(const std::vector<host_api::FieldSpec>& fields, const host_api::Settings& settings,
                        const host_api::Settings& secrets, host_api::Company* company);

/// The error for a Site ID the user typed, or nullopt when it is usable.
std::optional<host_api::FieldError> siteIdError(const std::string& input, std::string& siteId);

/// The auto-invoicing options: the payment method map (known e-računi methods, only the flag "fiscal"),
/// the order status map (Wix statuses, only the flag "invoice"), and, when auto_invoice is not "off", the
/// business premise and electronic device that invoice numbers need. One error per offending field.
std::vector<host_api::FieldError> invoiceOptionErrors(const host_api::Settings& settings);

/// The error for an API key that cannot be a Wix key, or nullopt when it is plausible.
std::optional<host_api::FieldError> apiKeyError(const std::string& key);

}  // namespace estore::wix
