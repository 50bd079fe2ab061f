#pragma once
// Generic checks of dialog input against the manifest's field specs (required, flag, choice, date,
// host choice), shared by the host (before it calls the plugin) and plugins (before they call the shop).
#include <string>
#include <vector>

#include "estore/host_api/host_services.h"
#include "estore/host_api/values.h"

namespace estore::sdk {

/// Fills absent fields with their manifest defaults ("today" for a date: `today`, as YYYY-MM-DD).
host_api::Settings withDefaults(const std::vector<host_api::FieldSpec>& fields, host_api::Settings settings,
                                const std::string& today);

/// Checks every non-secret field; flags are normalised to "true"/"false". Host choices are checked
/// against the company's warehouses and cost centres. Returns one error per offending field.
std::vector<host_api::FieldError> checkFields(const std::vector<host_api::FieldSpec>& fields,
                                              host_api::Settings& settings, host_api::Company* company);

/// "2026-11-29" for the given epoch milliseconds, in UTC.
std::string isoDate(std::int64_t epochMillis);

bool isIsoDate(const std::string& text);

}  // namespace estore::sdk
