#include "wix_sandbox/money.h"

#include <cstdlib>

#include "wix_sandbox/json_body.h"

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

Poco::JSON::Object::Ptr Money::toJson(long cents, const std::string& currency) {
    Poco::JSON::Object::Ptr money = JsonBody::object();
    money->set("amount", amount(cents));
    money->set("formattedAmount", formatted(cents, currency));
    return money;
}

}  // namespace wix_sandbox
