#include "estore/host/fiscal/fiscal_code.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <vector>

namespace estore::host {

namespace {

std::string twoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value % 100);
    return buffer;
}

LocalDateTime civilFromSeconds(std::int64_t seconds) {
    const std::chrono::sys_seconds time{std::chrono::seconds{seconds}};
    const auto days = std::chrono::floor<std::chrono::days>(time);
    const std::chrono::year_month_day date{days};
    const std::chrono::hh_mm_ss clock{time - days};
    LocalDateTime t;
    t.year = static_cast<int>(date.year());
    t.month = static_cast<int>(static_cast<unsigned>(date.month()));
    t.day = static_cast<int>(static_cast<unsigned>(date.day()));
    t.hour = static_cast<int>(clock.hours().count());
    t.minute = static_cast<int>(clock.minutes().count());
    t.second = static_cast<int>(clock.seconds().count());
    return t;
}

/// 01:00 UTC on the last Sunday of the month, in epoch seconds (when Central European summer time
/// starts in March and ends in October).
std::int64_t lastSundayOneUtc(int year, unsigned month) {
    using namespace std::chrono;
    const sys_days lastSunday{std::chrono::year{year} / std::chrono::month{month} / Sunday[last]};
    return (sys_seconds{lastSunday} + 1h).time_since_epoch().count();
}

}  // namespace

std::string LocalDateTime::zoiForm() const {
    return twoDigits(day) + "." + twoDigits(month) + "." + std::to_string(year) + " " + twoDigits(hour) +
           ":" + twoDigits(minute) + ":" + twoDigits(second);
}

std::string LocalDateTime::qrForm() const {
    return twoDigits(year) + twoDigits(month) + twoDigits(day) + twoDigits(hour) + twoDigits(minute) +
           twoDigits(second);
}

std::string LocalDateTime::isoForm() const {
    return std::to_string(year) + "-" + twoDigits(month) + "-" + twoDigits(day) + "T" + twoDigits(hour) +
           ":" + twoDigits(minute) + ":" + twoDigits(second);
}

LocalDateTime FiscalCode::ljubljanaTime(std::int64_t epochMillis) {
    const std::int64_t seconds = epochMillis >= 0 ? epochMillis / 1000 : (epochMillis - 999) / 1000;
    const int year = civilFromSeconds(seconds).year;
    const bool summer = seconds >= lastSundayOneUtc(year, 3u) && seconds < lastSundayOneUtc(year, 10u);
    return civilFromSeconds(seconds + (summer ? 7200 : 3600));
}

std::string FiscalCode::zoiInput(const std::string& taxNumber, const LocalDateTime& issued,
                                 const std::string& invoiceNumber, const std::string& premise,
                                 const std::string& device, const sdk::Decimal& amount) {
    return taxNumber + issued.zoiForm() + invoiceNumber + premise + device + amount.rescaled(2).toString(2);
}

std::string FiscalCode::hexToDecimal(const std::string& hex) {
    std::vector<int> digits{0};  // least significant first
    for (char c : hex) {
        const int nibble = std::isdigit(static_cast<unsigned char>(c))
                               ? c - '0'
                               : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        int carry = nibble;
        for (int& d : digits) {
            const int value = d * 16 + carry;
            d = value % 10;
            carry = value / 10;
        }
        for (; carry > 0; carry /= 10) digits.push_back(carry % 10);
    }
    std::string text;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) text += static_cast<char>('0' + *it);
    const auto first = text.find_first_not_of('0');
    return first == std::string::npos ? "0" : text.substr(first);
}

char FiscalCode::checkDigit(const std::string& digits) {
    int sum = 0;
    for (char c : digits) sum += c - '0';
    return static_cast<char>('0' + sum % 10);
}

bool FiscalCode::isTaxNumber(const std::string& text) {
    if (text.size() != 8) return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string FiscalCode::qrData(const std::string& zoiHex, const std::string& taxNumber,
                               const LocalDateTime& issued) {
    if (zoiHex.size() != 32 || zoiHex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos ||
        !isTaxNumber(taxNumber))
        return {};
    std::string zoi = hexToDecimal(zoiHex);
    zoi.insert(0, 39 - zoi.size(), '0');  // 2^128 has 39 digits, so this never goes negative
    const std::string data = zoi + taxNumber + issued.qrForm();
    return data + checkDigit(data);
}

}  // namespace estore::host
