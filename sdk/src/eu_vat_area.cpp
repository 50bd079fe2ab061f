#include "estore/sdk/eu_vat_area.h"

#include <algorithm>
#include <array>

namespace estore::sdk {

bool isEuVatArea(std::string_view country) {
    static constexpr std::array<std::string_view, 29> kArea = {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI"};
    return std::find(kArea.begin(), kArea.end(), country) != kArea.end();
}

std::string vatCountryOf(std::string_view country, std::string_view subdivision) {
    // A Wix address gives Northern Ireland as "GB" with the subdivision "GB-NIR"; for goods it is in the
    // EU's VAT area with its own code XI (eracuni-domain.md). Monaco is in France's VAT territory.
    if (country == "GB" && subdivision == "GB-NIR") return "XI";
    if (country == "MC") return "FR";
    if (country == "EL") return "GR";
    return std::string(country);
}

}  // namespace estore::sdk
