#pragma once
// Exact decimal numbers for money and rates: an integer count of 10^-scale units. Parsed from the strings
// Wix writes ("35.0", "2.0", "0", "69.16", "0.095"), never through a float.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace estore::sdk {

class Decimal {
public:
    static constexpr int kMaxScale = 9;

    constexpr Decimal() = default;
    /// units × 10^-scale, e.g. Decimal(6916, 2) == 69.16
    constexpr Decimal(std::int64_t units, int scale) : _units(units), _scale(scale) {}
    static constexpr Decimal fromInt(std::int64_t value) { return {value, 0}; }

    /// "123", "-4.50", "+0.095", ".5"; no exponent, no separators. nullopt on anything else or overflow.
    static std::optional<Decimal> parse(std::string_view text);

    std::int64_t units() const { return _units; }
    int scale() const { return _scale; }
    bool isZero() const { return _units == 0; }
    bool isNegative() const { return _units < 0; }

    /// The same value with the given scale; rounds half away from zero when the scale shrinks. Scales more
    /// than 18 apart, and results an int64 cannot hold, throw std::overflow_error.
    Decimal rescaled(int scale) const;
    /// The value in minor units of `scale` (e.g. cents for 2), rounded half away from zero.
    std::int64_t toUnits(int scale) const { return rescaled(scale)._units; }

    Decimal operator+(const Decimal& o) const;
    Decimal operator-(const Decimal& o) const;
    /// Throws std::overflow_error for the one value whose negation an int64 cannot hold.
    Decimal operator-() const;
    /// Exact product (scales add), capped at kMaxScale with rounding.
    Decimal operator*(const Decimal& o) const;
    Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
    Decimal& operator-=(const Decimal& o) { return *this = *this - o; }
    /// this ÷ o rounded half away from zero to `scale` digits; nullopt when o is zero.
    std::optional<Decimal> dividedBy(const Decimal& o, int scale) const;

    std::strong_ordering operator<=>(const Decimal& o) const;
    bool operator==(const Decimal& o) const { return (*this <=> o) == std::strong_ordering::equal; }

    /// Shortest exact text with at least minScale decimals: Decimal(350, 1).toString(2) == "35.00".
    std::string toString(int minScale = 0) const;

private:
    std::int64_t _units = 0;
    int _scale = 0;
};

}  // namespace estore::sdk
