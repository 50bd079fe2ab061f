#include "wix_sandbox/core/money.h"

#include <cstdlib>

#include "wix_sandbox/core/json_body.h"

namespace wix_sandbox {

namespace {

std::string symbolOf(const std::string& currency) {
    if (currency == "EUR") return "€";
    if (currency == "USD") return "$";
    if (currency == "GBP") return "£";
    return currency + " ";
}

}  // namespace

std::string Money::amount(long cents) {
    if (cents == 0) return "0";
    const long whole = std::labs(cents) / 100;
    const long fraction = std::labs(cents) % 100;
    std::string text = (cents < 0 ? "-" : "") + std::to_string(whole) + ".";
    // Wix drops trailing zeros but keeps one decimal: "35.0", "2.5", "69.16".
    if (fraction == 0) return text + "0";
    if (fraction % 10 == 0) return text + std::to_string(fraction / 10);
    return text + (fraction < 10 ? "0" : "") + std::to_string(fraction);
}

std::string Money::formatted(long cents, const std::string& currency) {
    const long fraction = std::labs(cents) % 100;
    return (cents < 0 ? "-" : "") + symbolOf(currency) + std::to_string(std::labs(cents) / 100) + "." +
           (fraction < 10 ? "0" : "") + std::to_string(fraction);
}

std::optional<long> Money::parseCents(const std::string& amount) {
    const bool negative = !amount.empty() && amount[0] == '-';
    const std::string text = negative ? amount.substr(1) : amount;
    const std::size_t dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
    const auto allDigits = [](const std::string& part) {
        return part.find_first_not_of("0123456789") == std::string::npos;
    };
    if (whole.empty() || whole.size() > 12 || fraction.size() > 2 || !allDigits(whole) ||
        !allDigits(fraction) || (dot != std::string::npos && fraction.empty()))
        return std::nullopt;
    long cents = std::stol(whole) * 100 +
                 (fraction.empty() ? 0 : std::stol(fraction) * (fraction.size() == 1 ? 10 : 1));
    return negative ? -cents : cents;
}

Poco::JSON::Object::Ptr Money::toJson(long cents, const std::string& currency) {
    Poco::JSON::Object::Ptr money = JsonBody::object();
    money->set("amount", amount(cents));
    money->set("formattedAmount", formatted(cents, currency));
    return money;
}

}  // namespace wix_sandbox
