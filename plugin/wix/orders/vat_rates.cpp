#include "orders/vat_rates.h"

#include <algorithm>
#include <array>

namespace estore::wix {

using sdk::Decimal;

namespace {

/// One rate of one country and the days it was in force: [from, until), days as YYYYMMDD, 0 = open.
struct DatedRate {
    std::string_view country;
    int tenths;  ///< tenths of a percent: 255 = 25.5 %
    int from = 0;
    int until = 0;
    const char* source = kBase;

    static constexpr const char* kBase = "EC";
};

// Sources, named per row:
//   EC     European Commission, DG TAXUD, "VAT rates applied in the Member States of the European Union",
//          situation at 1 January 2025 (taxation-customs.ec.europa.eu): standard, reduced, super-reduced
//          and parking rates, Greek islands and Madeira/Azores included. A row without dates has applied
//          since OSS began (1 July 2021), the oldest order date this table is asked about.
//   EC-2021..EC-2024  the same publication of the year, for rates it lists that later ended.
//   The changes since, each with its own source below.
// Being in force on the order's date only makes a rate plausible: the amounts still have to reproduce
// Wix's VAT to the cent for the rate to count as verified. Review every January and July.
constexpr const char* kAt2026 =
    "AT: 4.9 % on listed basic foods from 1 July 2026, approved by Parliament (essentiaglobalservices.com; "
    "ORF via thelocal.at)";
constexpr const char* kCy2023 =
    "CY: 3 % rate, passed 13 July 2023, in force when gazetted on 23 July 2023 (vatcalc.com; asd-int.com)";
constexpr const char* kCz2024 = "CZ: 15 % and 10 % merged into 12 % on 1 January 2024 (EC table 2024)";
constexpr const char* kEe2024 = "EE: standard rate 22 % from 1 January 2024 (EC table 2024)";
constexpr const char* kEe2025 =
    "EE: accommodation 13 % from 1 January 2025 (EC table 2025), standard 24 % from 1 July 2025";
constexpr const char* kEs2022 =
    "ES: temporary 5 % (electricity, then basic foods) in 2022 to 2024 (EC tables 2022 to 2024)";
constexpr const char* kFi2024 = "FI: standard rate 25.5 % from 1 September 2024 (EC table 2025)";
constexpr const char* kFi2026 = "FI: 14 % rate lowered to 13.5 % from 1 January 2026";
constexpr const char* kLt2026 =
    "LT: Law XV-287 amending Art. 19 of the VAT Law, 9 % replaced by 12 % (books 5 %) on 1 January 2026 "
    "(sovos.com)";
constexpr const char* kLu2023 = "LU: 17, 14 and 8 % lowered by one point for 2023 only (EC table 2023)";
constexpr const char* kMt2024 =
    "MT: new 12 % rate from 1 January 2024 (vatcalc.com, Malta new 12 % VAT rate 2024)";
constexpr const char* kRo2025 = "RO: 21 % and 11 % from 1 August 2025, replacing 19 %, 9 % and 5 %";
constexpr const char* kSk2025 = "SK: 23 % standard, 19 % and 5 % reduced from 1 January 2025 (EC table 2025)";
constexpr const char* kAt2021 =
    "EC-2021: AT temporary 5 % (hospitality, culture, publications) to 31 December 2021";

constexpr DatedRate kEuRates[] = {
    {"AT", 200},
    {"AT", 130},
    {"AT", 100},
    {"AT", 50, 0, 20220101, kAt2021},
    {"AT", 49, 20260701, 0, kAt2026},
    {"BE", 210},
    {"BE", 120},
    {"BE", 60},
    {"BG", 200},
    {"BG", 90},
    {"CY", 190},
    {"CY", 90},
    {"CY", 50},
    {"CY", 30, 20230723, 0, kCy2023},
    {"CZ", 210},
    {"CZ", 150, 0, 20240101, kCz2024},
    {"CZ", 100, 0, 20240101, kCz2024},
    {"CZ", 120, 20240101, 0, kCz2024},
    {"DE", 190},
    {"DE", 70},
    {"DK", 250},
    {"EE", 200, 0, 20240101, kEe2024},
    {"EE", 220, 20240101, 20250701, kEe2025},
    {"EE", 240, 20250701, 0, kEe2025},
    {"EE", 90},
    {"EE", 130, 20250101, 0, kEe2025},
    {"EE", 50},
    {"GR", 240},
    {"GR", 170},
    {"GR", 130},
    {"GR", 90},
    {"GR", 60},
    {"GR", 40},
    {"ES", 210},
    {"ES", 100},
    {"ES", 40},
    {"ES", 50, 20220101, 20250101, kEs2022},
    {"FI", 240, 0, 20240901, kFi2024},
    {"FI", 255, 20240901, 0, kFi2024},
    {"FI", 140, 0, 20260101, kFi2026},
    {"FI", 135, 20260101, 0, kFi2026},
    {"FI", 100},
    {"FR", 200},
    {"FR", 100},
    {"FR", 55},
    {"FR", 21},
    {"HR", 250},
    {"HR", 130},
    {"HR", 50},
    {"HU", 270},
    {"HU", 180},
    {"HU", 50},
    {"IE", 230},
    {"IE", 135},
    {"IE", 90},
    {"IE", 48},
    {"IT", 220},
    {"IT", 100},
    {"IT", 50},
    {"IT", 40},
    {"LT", 210},
    {"LT", 90, 0, 20260101, kLt2026},
    {"LT", 120, 20260101, 0, kLt2026},
    {"LT", 50},
    {"LU", 170, 0, 20230101, kLu2023},
    {"LU", 170, 20240101, 0, kLu2023},
    {"LU", 160, 20230101, 20240101, kLu2023},
    {"LU", 140, 0, 20230101, kLu2023},
    {"LU", 140, 20240101, 0, kLu2023},
    {"LU", 130, 20230101, 20240101, kLu2023},
    {"LU", 80, 0, 20230101, kLu2023},
    {"LU", 80, 20240101, 0, kLu2023},
    {"LU", 70, 20230101, 20240101, kLu2023},
    {"LU", 30},
    {"LV", 210},
    {"LV", 120},
    {"LV", 50},
    {"MT", 180},
    {"MT", 70},
    {"MT", 50},
    {"MT", 120, 20240101, 0, kMt2024},
    {"NL", 210},
    {"NL", 90},
    {"PL", 230},
    {"PL", 80},
    {"PL", 50},
    {"PT", 230},
    {"PT", 220},
    {"PT", 160},
    {"PT", 130},
    {"PT", 120},
    {"PT", 90},
    {"PT", 60},
    {"PT", 50},
    {"PT", 40},
    {"RO", 190, 0, 20250801, kRo2025},
    {"RO", 90, 0, 20250801, kRo2025},
    {"RO", 50, 0, 20250801, kRo2025},
    {"RO", 210, 20250801, 0, kRo2025},
    {"RO", 110, 20250801, 0, kRo2025},
    {"SE", 250},
    {"SE", 120},
    {"SE", 60},
    {"SI", 220},
    {"SI", 95},
    {"SI", 50},
    {"SK", 200, 0, 20250101, kSk2025},
    {"SK", 100, 0, 20250101, kSk2025},
    {"SK", 230, 20250101, 0, kSk2025},
    {"SK", 190, 20250101, 0, kSk2025},
    {"SK", 50},
    // Northern Ireland: UK VAT on goods under the Windsor Framework (EU VAT rules for goods, UK rates).
    {"XI", 200, 0, 0, "HMRC: UK standard 20 % and reduced 5 %, charged on goods in Northern Ireland"},
    {"XI", 50, 0, 0, "HMRC: UK standard 20 % and reduced 5 %, charged on goods in Northern Ireland"},
};

constexpr std::string_view kHomeCountry = "SI";

std::string_view canonical(std::string_view country) {
    return country == "EL" ? std::string_view("GR") : country;  // the EU's own code for Greece
}

bool inForce(const DatedRate& r, int day) {
    return (r.from == 0 || day >= r.from) && (r.until == 0 || day < r.until);
}

/// The country's rates in force on any of `days` (every rate it ever had when `days` is empty).
void addRates(std::string_view country, const std::vector<int>& days, std::vector<Decimal>& out) {
    country = canonical(country);
    for (const auto& r : kEuRates) {
        if (r.country != country) continue;
        const bool any =
            days.empty() || std::any_of(days.begin(), days.end(), [&](int d) { return inForce(r, d); });
        if (any) out.emplace_back(r.tenths, 1);
    }
}

Decimal distance(const Decimal& a, const Decimal& b) {
    const Decimal d = a - b;
    return d.isNegative() ? -d : d;
}

bool reproducesExclusive(const Decimal& taxable, const Decimal& rate, const Decimal& vat, int scale) {
    return (taxable * rate).dividedBy(Decimal(100, 0), scale) == vat;
}

bool reproduces(const LineTax& line, const Decimal& rate) {
    if (vatInGross(line.gross, rate, line.scale) == line.vat) return true;
    if (reproducesExclusive(line.net, rate, line.vat, line.scale)) return true;
    return line.taxable && reproducesExclusive(*line.taxable, rate, line.vat, line.scale);
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

const char* vatRateSource(std::string_view country, const Decimal& rate, int day) {
    country = canonical(country);
    for (const auto& r : kEuRates)
        if (r.country == country && inForce(r, day) && Decimal(r.tenths, 1) == rate) return r.source;
    return nullptr;
}

std::optional<int> dayOf(std::string_view iso) {
    // YYYY-MM-DD at the start of an ISO-8601 date or timestamp.
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
    int day = 0;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
        day = day * 10 + (iso[i] - '0');
    }
    return day;
}

std::vector<Decimal> plausibleVatRates(std::string_view destinationCountry, const std::vector<int>& days) {
    std::vector<Decimal> rates;
    addRates(kHomeCountry, days, rates);
    addRates(destinationCountry, days, rates);
    rates.emplace_back(0, 0);
    std::sort(rates.begin(), rates.end(), [](const Decimal& a, const Decimal& b) { return a > b; });
    rates.erase(std::unique(rates.begin(), rates.end()), rates.end());
    return rates;
}

Decimal vatInGross(const Decimal& gross, const Decimal& rate, int scale) {
    return *(gross * rate).dividedBy(Decimal(100, 0) + rate, scale);
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
