#include "estore/host/furs_sandbox/decimal_literal.h"

namespace furs_sandbox {

namespace {

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Exponents beyond this change nothing a check could accept: such a number has far more than 14 integer
// digits or 2 (6) decimals either way. Clamping keeps "1e999999999" from allocating a gigabyte.
constexpr long kExponentLimit = 1000;

}  // namespace

std::optional<DecimalLiteral> DecimalLiteral::parse(std::string_view text) {
    std::size_t at = 0;
    DecimalLiteral literal;
    if (at < text.size() && text[at] == '-') {
        literal._negative = true;
        ++at;
    }
    const std::size_t integerStart = at;
    while (at < text.size() && isDigit(text[at])) ++at;
    const std::string_view integerDigits = text.substr(integerStart, at - integerStart);
    if (integerDigits.empty() || (integerDigits.size() > 1 && integerDigits[0] == '0')) return std::nullopt;
    std::string_view fractionDigits;
    if (at < text.size() && text[at] == '.') {
        const std::size_t fractionStart = ++at;
        while (at < text.size() && isDigit(text[at])) ++at;
        fractionDigits = text.substr(fractionStart, at - fractionStart);
        if (fractionDigits.empty()) return std::nullopt;
    }
    long exponent = 0;
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        ++at;
        bool negativeExponent = false;
        if (at < text.size() && (text[at] == '+' || text[at] == '-')) negativeExponent = text[at++] == '-';
        const std::size_t exponentStart = at;
        while (at < text.size() && isDigit(text[at])) {
            if (exponent < kExponentLimit) exponent = exponent * 10 + (text[at] - '0');
            ++at;
        }
        if (at == exponentStart) return std::nullopt;
        if (exponent > kExponentLimit) exponent = kExponentLimit;
        if (negativeExponent) exponent = -exponent;
    }
    if (at != text.size()) return std::nullopt;

    // All significant digits with the decimal point `point` digits from their start.
    std::string digits = std::string(integerDigits) + std::string(fractionDigits);
    long point = static_cast<long>(integerDigits.size()) + exponent;
    const std::size_t firstNonZero = digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos) {
        literal._negative = false;  // -0 is 0
        return literal;
    }
    digits.erase(0, firstNonZero);
    point -= static_cast<long>(firstNonZero);
    digits.erase(digits.find_last_not_of('0') + 1);
    const long size = static_cast<long>(digits.size());
    if (point <= 0) {
        literal._fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (point >= size) {
        literal._integer = digits + std::string(static_cast<std::size_t>(point - size), '0');
    } else {
        literal._integer = digits.substr(0, static_cast<std::size_t>(point));
        literal._fraction = digits.substr(static_cast<std::size_t>(point));
    }
    return literal;
}

}  // namespace furs_sandbox
