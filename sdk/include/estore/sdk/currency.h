#pragma once
// How many decimals a currency's money has (ISO 4217's "minor unit"): 2 for most, 0 for the yen or the
// króna, 3 for the Kuwaiti or Bahraini dinar. A shop charges and taxes in that unit, so an order and its
// documents keep amounts to it, never to a cent assumed for every currency (issue 15).
#include <string>
#include <string_view>

#include "estore/sdk/decimal.h"

namespace estore::sdk {

/// The minor unit of an ISO 4217 code (upper case, as shops give it); 2 for a code it does not know.
/// Source: ISO 4217 list one, as SIX Financial Information publishes it
/// (https://www.six-group.com/en/products-services/financial-information/data-standards.html, "Current
/// currency & funds code list", column Minor unit).
int currencyMinorUnits(std::string_view isoCode);

/// `amount` as a person reads it in that currency: to its minor unit (6161 for JPY, 12.50 for EUR, 1.250
/// for KWD), more decimals only where the amount has them (a unit price of 0.125 EUR).
std::string currencyAmountText(const Decimal& amount, std::string_view isoCode);

}  // namespace estore::sdk
