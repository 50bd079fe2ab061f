#pragma once
// Slovenian tax numbers (davčna številka): 8 digits, the first not 0, the last a check digit over the first
// seven with weights 8…2, modulo 11: 11 − (sum mod 11), where 10 stands as 0 and 11 is never issued. The
// VAT ID of a VAT-registered Slovenian business is "SI" followed by its tax number.
// Source: FURS's rules as implemented by jsvat (github.com/se-panfilov/jsvat, src/countries/slovenia.ts)
// and python-stdnum (stdnum/si/ddv.py); FURS's own test number 10039856 passes.
#include <optional>
#include <string>
#include <string_view>

namespace estore::sdk {

/// True for 8 digits whose check digit is right.
bool isValidSlovenianTaxNumber(std::string_view digits);

/// The tax number in "SI 1003 9856", "si10039856" or "10039856" (spaces, dots and dashes ignored);
/// nullopt when what remains is not a valid Slovenian tax number.
std::optional<std::string> slovenianTaxNumber(std::string_view text);

/// "SI" + the tax number: the VAT ID (ID za DDV) of a VAT-registered Slovenian business.
std::string slovenianVatId(std::string_view taxNumber);

}  // namespace estore::sdk
