#pragma once
// Which VAT rates a sale by a Slovenian shop can carry, and which of them a line's amounts show.
// Wix's own per-line `taxRate` is not trustworthy (the documented order 10108 says "0" with 4 % tax
// charged), so the rate is derived from the amounts and confirmed against the rates that exist.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estore/sdk/decimal.h"

namespace estore::wix {

/// A calendar day as YYYYMMDD (20260701) from an ISO-8601 date or timestamp; nullopt when it is not one.
std::optional<int> dayOf(std::string_view isoDate);

/// Rates in percent that may apply to a sale delivered to `country`: Slovenia's, 0 (exports, exempt
/// intra-EU supplies), and, for another EU country, that country's (OSS distance sales), each only if it
/// was in force on one of `days` (YYYYMMDD; the order's dates); every rate ever in force when `days` is
/// empty. Sorted high to low, no duplicates. vat_rates.cpp names the source of every rate.
std::vector<sdk::Decimal> plausibleVatRates(std::string_view destinationCountry,
                                            const std::vector<int>& days);

/// Where the rate `rate` of `country` on `day` (YYYYMMDD) comes from; nullptr when it was not in force then.
const char* vatRateSource(std::string_view country, const sdk::Decimal& rate, int day);

/// A line's amounts as Wix gives them (money, 2 decimals).
struct LineTax {
    sdk::Decimal net;
    sdk::Decimal vat;
    sdk::Decimal gross;
    std::optional<sdk::Decimal> taxable;  ///< Wix's taxableAmount, when it gives one
    int scale = 2;                        ///< the currency's minor unit, to which VAT is rounded
};

struct RateMatch {
    sdk::Decimal rate;                ///< percent, e.g. 9.5
    bool verified = false;            ///< `rate` reproduces Wix's VAT to the cent
    std::optional<sdk::Decimal> raw;  ///< vat ÷ net in percent (4 decimals); none when net is zero
};

/// The known rate, nearest to vat ÷ net, that reproduces Wix's VAT to the cent either tax-exclusive
/// (round(taxable × r / 100)) or tax-inclusive (round(gross × r / (100 + r))). When none does: the known
/// rate within half a percentage point of vat ÷ net, else vat ÷ net rounded to 2 decimals, unverified.
/// A line with neither net nor VAT proves nothing: `hint` (Wix's stated rate, percent) if it is known,
/// else 0, counted as verified since any rate gives the same zero amounts.
RateMatch matchVatRate(const LineTax& line, const std::vector<sdk::Decimal>& knownRates,
                       std::optional<sdk::Decimal> hint = std::nullopt);

/// The VAT contained in a gross amount at `rate` percent, rounded to the currency's minor unit (`scale`
/// decimals: the cent unless the currency has another).
sdk::Decimal vatInGross(const sdk::Decimal& gross, const sdk::Decimal& rate, int scale = 2);

}  // namespace estore::wix
