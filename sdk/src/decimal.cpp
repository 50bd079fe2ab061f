#include "estore/sdk/decimal.h"

#include <algorithm>
#include <climits>
#include <iterator>
#include <stdexcept>

namespace estore::sdk {

namespace {

// 128-bit intermediates keep products and scaled comparisons exact (GCC extension, hence __extension__).
__extension__ typedef __int128 Wide;

constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000,
                                   100000000000000000,
                                   1000000000000000000};

/// 10^n for the scale differences a Decimal can meet; beyond 10^18 no int64 holds it, so a scale that
/// far apart is refused rather than read past the table.
std::int64_t pow10(int n) {
    if (n < 0 || n >= static_cast<int>(std::size(kPow10)))
        throw std::overflow_error("decimal scale out of range");
    return kPow10[n];
}

std::int64_t checkedMul(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
    return r;
}

std::int64_t checkedAdd(std::int64_t a, std::int64_t b) {
    std::int64_t r;
    if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("decimal overflow");
    return r;
}

/// a ÷ b rounded half away from zero, computed in 128 bits.
std::int64_t roundedDivide(Wide a, Wide b) {
    const bool negative = (a < 0) != (b < 0);
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    Wide q = a / b;
    if ((a % b) * 2 >= b) ++q;
    if (q > INT64_MAX) throw std::overflow_error("decimal overflow");
    return static_cast<std::int64_t>(negative ? -q : q);
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    std::int64_t units = 0;
    int scale = 0;
    bool seenDot = false;
    bool seenDigit = false;
    for (char c : text) {
        if (c == '.') {
            if (seenDot) return std::nullopt;
            seenDot = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        seenDigit = true;
        if (seenDot) {
            if (scale == kMaxScale) {
                if (c != '0') return std::nullopt;  // more precision than we keep would be lost
                continue;
            }
            ++scale;
        }
        if (__builtin_mul_overflow(units, 10, &units) || __builtin_add_overflow(units, c - '0', &units))
            return std::nullopt;
    }
    if (!seenDigit) return std::nullopt;
    return Decimal(negative ? -units : units, scale);
}

Decimal Decimal::rescaled(int scale) const {
    if (scale == _scale) return *this;
    if (scale > _scale) return {checkedMul(_units, pow10(scale - _scale)), scale};
    return {roundedDivide(_units, pow10(_scale - scale)), scale};
}

Decimal Decimal::operator+(const Decimal& o) const {
    const int s = std::max(_scale, o._scale);
    return {checkedAdd(rescaled(s)._units, o.rescaled(s)._units), s};
}

Decimal Decimal::operator-() const {
    if (_units == INT64_MIN) throw std::overflow_error("decimal overflow");
    return {-_units, _scale};
}

Decimal Decimal::operator-(const Decimal& o) const {
    return *this + (-o);
}

Decimal Decimal::operator*(const Decimal& o) const {
    const Wide product = static_cast<Wide>(_units) * o._units;
    int scale = _scale + o._scale;
    if (scale <= kMaxScale) {
        if (product > INT64_MAX || product < INT64_MIN) throw std::overflow_error("decimal overflow");
        return {static_cast<std::int64_t>(product), scale};
    }
    return {roundedDivide(product, pow10(scale - kMaxScale)), kMaxScale};
}

std::optional<Decimal> Decimal::dividedBy(const Decimal& o, int scale) const {
    if (o._units == 0) return std::nullopt;
    // (a·10^-sa) / (b·10^-sb) = (a·10^(scale+sb-sa)) / b · 10^-scale
    const int shift = scale + o._scale - _scale;
    Wide numerator = _units;
    Wide denominator = o._units;
    if (shift >= 0)
        numerator *= pow10(shift);
    else
        denominator *= pow10(-shift);
    return Decimal(roundedDivide(numerator, denominator), scale);
}

std::strong_ordering Decimal::operator<=>(const Decimal& o) const {
    const int s = std::max(_scale, o._scale);
    return static_cast<Wide>(_units) * pow10(s - _scale) <=>
           static_cast<Wide>(o._units) * pow10(s - o._scale);
}

std::string Decimal::toString(int minScale) const {
    // Drop trailing zeros beyond minScale, then print.
    std::int64_t units = _units;
    int scale = _scale;
    while (scale > minScale && units % 10 == 0) {
        units /= 10;
        --scale;
    }
    if (scale < minScale) {
        units = rescaled(minScale)._units;
        scale = minScale;
    }
    const bool negative = units < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    std::string digits = std::to_string(magnitude);
    if (scale > 0) {
        if (static_cast<int>(digits.size()) <= scale)
            digits.insert(0, static_cast<std::size_t>(scale) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
    }
    return negative ? "-" + digits : digits;
}

}  // namespace estore::sdk
