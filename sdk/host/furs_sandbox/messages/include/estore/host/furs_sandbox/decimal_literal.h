#pragma once
// The exact value of a JSON number literal, read from its text: FURS's schema limits amounts with
// "multipleOf 0.01" and |x| < 10^14 [SCHEMA AmountType; SPEC32 R_3.6-3.9], which a double cannot check
// (0.30000000000000004 is not a multiple of 0.01, but its double is the same as 0.3's neighbour).
#include <optional>
#include <string>
#include <string_view>

namespace furs_sandbox {

class DecimalLiteral {
public:
    /// nullopt unless `text` is an RFC 8259 number ("-12.50", "1.2e3", "0").
    static std::optional<DecimalLiteral> parse(std::string_view text);

    bool negative() const { return _negative; }
    /// The digits before the decimal point, without leading zeros ("" for |x| < 1): "1200" for 1.2e3.
    const std::string& integerPart() const { return _integer; }
    /// The digits after the point, without trailing zeros ("" for an integral value): "5" for 12.50.
    const std::string& fractionPart() const { return _fraction; }
    bool integral() const { return _fraction.empty(); }
    bool zero() const { return _integer.empty() && _fraction.empty(); }

private:
    bool _negative = false;
    std::string _integer;
    std::string _fraction;
};

}  // namespace furs_sandbox
