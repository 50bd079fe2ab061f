#include "estore/host/fiscal_code.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "estore/sdk/iso_time.h"

namespace estore::host {

namespace {

std::string twoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value % 100);
    return buffer;
}

LocalDateTime civilFromSeconds(std::int64_t seconds) {
    const sdk::CivilTime c = sdk::civilFromEpochSeconds(seconds);
    LocalDateTime t;
    t.year = static_cast<int>(c.year);
    t.month = c.month;
    t.day = c.day;
    t.hour = c.hour;
    t.minute = c.minute;
    t.second = c.second;
    return t;
}

/// 01:00 UTC on the last Sunday of the month, in epoch seconds.
std::int64_t lastSundayOneUtc(int year, int month) {
    const std::int64_t lastDay =
        sdk::daysFromCivil(year, static_cast<unsigned>(month), 31);  // March and October have 31 days
    const std::int64_t weekday = (lastDay + 4) % 7;                  // 1970-01-01 was a Thursday (4)
    return (lastDay - weekday) * 86400 + 3600;
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
    const bool summer = seconds >= lastSundayOneUtc(year, 3) && seconds < lastSundayOneUtc(year, 10);
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
