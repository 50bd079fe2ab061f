#include "orders/vat_rates.h"

#include <algorithm>
#include <array>

namespace estore::wix {

using sdk::Decimal;

namespace {

/// One country's rates in tenths of a percent (255 = 25.5 %), high to low within a period, ended by 0.
struct CountryRates {
    std::string_view country;
    std::array<int, 10> tenths;
};

// Standard, reduced, super-reduced and parking rates of the EU member states, from the European
// Commission's "VAT rates applied in the Member States of the European Union", situation at 1 January
// 2025 (DG TAXUD, taxation-customs.ec.europa.eu), with the changes in force since: EE 24 % (1 Jul 2025),
// RO 21 % and 11 % (1 Aug 2025), FI 13.5 % (1 Jan 2026). Rates that applied at some time since OSS began
// (1 Jul 2021) stay in, because a backfilled order may predate a change: AT 5 (2021), CZ 15/10 (to
// 2023), EE 20/22/5, ES 5 (2022-2024), FI 24, LU 16/13/7 (2023), RO 19/5, SK 20/10 (to 2024). Greek
// islands and Madeira/Azores rates are included. Northern Ireland (XI) charges UK rates on goods.
// Checked 2025; review every January. Being in this table only makes a rate plausible: the amounts
// still have to reproduce Wix's VAT for the rate to count as verified.
constexpr CountryRates kEuRates[] = {
    {"AT", {200, 130, 100, 50}},
    {"BE", {210, 120, 60}},
    {"BG", {200, 90}},
    {"CY", {190, 90, 50}},
    {"CZ", {210, 150, 120, 100}},
    {"DE", {190, 70}},
    {"DK", {250}},
    {"EE", {240, 220, 200, 130, 90, 50}},
    {"GR", {240, 170, 130, 90, 60, 40}},
    {"ES", {210, 100, 50, 40}},
    {"FI", {255, 240, 140, 135, 100}},
    {"FR", {200, 100, 55, 21}},
    {"HR", {250, 130, 50}},
    {"HU", {270, 180, 50}},
    {"IE", {230, 135, 90, 48}},
    {"IT", {220, 100, 50, 40}},
    {"LT", {210, 90, 50}},
    {"LU", {170, 160, 140, 130, 80, 70, 30}},
    {"LV", {210, 120, 50}},
    {"MT", {180, 70, 50}},
    {"NL", {210, 90}},
    {"PL", {230, 80, 50}},
    {"PT", {230, 220, 160, 130, 120, 90, 60, 50, 40}},
    {"RO", {210, 190, 110, 90, 50}},
    {"SE", {250, 120, 60}},
    {"SI", {220, 95, 50}},
    {"SK", {230, 200, 190, 100, 50}},
    {"XI", {200, 50}},
};

constexpr std::string_view kHomeCountry = "SI";

const CountryRates* ratesOf(std::string_view country) {
    if (country == "EL") country = "GR";  // the EU's own code for Greece
    for (const auto& entry : kEuRates)
        if (entry.country == country) return &entry;
    return nullptr;
}

void addRates(const CountryRates& entry, std::vector<Decimal>& out) {
    for (int tenths : entry.tenths) {
        if (tenths == 0) break;
        out.emplace_back(tenths, 1);
    }
}

Decimal distance(const Decimal& a, const Decimal& b) {
    const Decimal d = a - b;
    return d.isNegative() ? -d : d;
}

bool reproducesExclusive(const Decimal& taxable, const Decimal& rate, const Decimal& vat) {
    return (taxable * rate).dividedBy(Decimal(100, 0), 2) == vat;
}

bool reproduces(const LineTax& line, const Decimal& rate) {
    if (vatInGross(line.gross, rate) == line.vat) return true;
    if (reproducesExclusive(line.net, rate, line.vat)) return true;
    return line.taxable && reproducesExclusive(*line.taxable, rate, line.vat);
}

bool contains(const std::vector<Decimal>& rates, const Decimal& rate) {
    return std::find(rates.begin(), rates.end(), rate) != rates.end();
}

/// The known rate nearest to `raw` among those `accept` lets through; ties go to the higher rate.
template <typename Accept>
std::optional<Decimal> nearest(const std::vector<Decimal>& known, const std::optional<Decimal>& raw,
                               Accept accept) {
    std::optional<Decimal> best;
    for (const auto& rate : known) {
        if (!accept(rate)) continue;
        if (!best || (raw && distance(rate, *raw) < distance(*best, *raw))) best = rate;
    }
    return best;
}

}  // namespace

bool isEuVatArea(std::string_view country) {
    return ratesOf(country) != nullptr;
}

std::vector<Decimal> plausibleVatRates(std::string_view destinationCountry) {
    std::vector<Decimal> rates;
    addRates(*ratesOf(kHomeCountry), rates);
    if (const CountryRates* destination = ratesOf(destinationCountry)) addRates(*destination, rates);
    rates.emplace_back(0, 0);
    std::sort(rates.begin(), rates.end(), [](const Decimal& a, const Decimal& b) { return a > b; });
    rates.erase(std::unique(rates.begin(), rates.end()), rates.end());
    return rates;
}

Decimal vatInGross(const Decimal& gross, const Decimal& rate) {
    return *(gross * rate).dividedBy(Decimal(100, 0) + rate, 2);
}

RateMatch matchVatRate(const LineTax& line, const std::vector<Decimal>& knownRates,
                       std::optional<Decimal> hint) {
    if (line.net.isZero() && line.vat.isZero())
        return {hint && contains(knownRates, *hint) ? *hint : Decimal(0, 0), true, std::nullopt};

    std::optional<Decimal> raw;
    if (!line.net.isZero()) raw = (line.vat * Decimal(100, 0)).dividedBy(line.net, 4);

    if (auto verified = nearest(knownRates, raw, [&](const Decimal& r) { return reproduces(line, r); }))
        return {*verified, true, raw};
    if (!raw) return {Decimal(0, 0), false, raw};
    const Decimal halfPoint(5, 1);
    if (auto close =
            nearest(knownRates, raw, [&](const Decimal& r) { return distance(r, *raw) <= halfPoint; }))
        return {*close, false, raw};
    return {raw->rescaled(2), false, raw};
}

}  // namespace estore::wix
