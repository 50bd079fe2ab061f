#include "estore/sdk/tax_number.h"

namespace estore::sdk {

bool isValidSlovenianTaxNumber(std::string_view digits) {
    if (digits.size() != 8 || digits[0] == '0') return false;
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        if (digits[i] < '0' || digits[i] > '9') return false;
        if (i < 7) sum += (digits[i] - '0') * static_cast<int>(8 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) return false;  // never issued
    if (check == 10) check = 0;
    return digits[7] - '0' == check;
}

std::optional<std::string> slovenianTaxNumber(std::string_view text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '.' || c == '-') continue;
        if (digits.empty() && i + 1 < text.size() && (c == 'S' || c == 's') &&
            (text[i + 1] == 'I' || text[i + 1] == 'i')) {
            ++i;
            continue;
        }
        digits += c;
    }
    if (!isValidSlovenianTaxNumber(digits)) return std::nullopt;
    return digits;
}

std::string slovenianVatId(std::string_view taxNumber) {
    return "SI" + std::string(taxNumber);
}

}  // namespace estore::sdk
