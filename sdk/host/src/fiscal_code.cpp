#include "estore/host/fiscal_code.h"

#include <cctype>
#include <cstdio>
#include <vector>

namespace estore::host {

namespace {

std::string twoDigits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value % 100);
    return buffer;
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), so no time zone of the machine enters.
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = static_cast<int>(y - era * 400);
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

LocalDateTime civilFromSeconds(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const int doe = static_cast<int>(days - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    LocalDateTime t;
    t.day = doy - (153 * mp + 2) / 5 + 1;
    t.month = mp < 10 ? mp + 3 : mp - 9;
    t.year = static_cast<int>(yoe + era * 400) + (t.month <= 2);
    t.hour = static_cast<int>(rest / 3600);
    t.minute = static_cast<int>(rest % 3600 / 60);
    t.second = static_cast<int>(rest % 60);
    return t;
}

/// 01:00 UTC on the last Sunday of the month, in epoch seconds.
std::int64_t lastSundayOneUtc(int year, int month) {
    const std::int64_t lastDay = daysFromCivil(year, month, 31);  // March and October have 31 days
    const std::int64_t weekday = (lastDay + 4) % 7;               // 1970-01-01 was a Thursday (4)
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
