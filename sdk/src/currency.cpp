#include "estore/sdk/currency.h"

#include <algorithm>
#include <array>

namespace estore::sdk {

namespace {

// ISO 4217 list one (SIX, 2026): the active currencies whose minor unit is not 2. Sorted for the search.
constexpr std::array<std::string_view, 17> kNoDecimals = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY",
                                                          "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
                                                          "VND", "VUV", "XAF", "XOF", "XPF"};
constexpr std::array<std::string_view, 7> kThreeDecimals = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
constexpr std::array<std::string_view, 2> kFourDecimals = {"CLF", "UYW"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& codes, std::string_view code) {
    return std::binary_search(codes.begin(), codes.end(), code);
}

}  // namespace

int currencyMinorUnits(std::string_view isoCode) {
    if (among(kNoDecimals, isoCode)) return 0;
    if (among(kThreeDecimals, isoCode)) return 3;
    if (among(kFourDecimals, isoCode)) return 4;
    return 2;
}

std::string currencyAmountText(const Decimal& amount, std::string_view isoCode) {
    return amount.toString(currencyMinorUnits(isoCode));
}

}  // namespace estore::sdk
