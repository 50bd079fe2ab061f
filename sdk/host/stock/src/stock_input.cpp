#include "estore/host/stock/stock_input.h"

#include <Poco/UTF8Encoding.h>

namespace estore::host {

namespace {

const host_api::Text kOnHand{"zaloga", "on hand"};
const host_api::Text kReserved{"rezervirano", "reserved"};

void append(std::optional<host_api::Text>& all, const host_api::Text& problem) {
    if (!all) {
        all = problem;
        return;
    }
    all->sl += "; " + problem.sl;
    all->en += "; " + problem.en;
}

/// Digits with at most one '.' or ',' and an optional sign: the only shapes a quantity may have. Thousands
/// separators are refused, since "1.234" would be 1.234 to one reader and 1234 to another.
bool looksLikeNumber(std::string_view text) {
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
    bool digit = false;
    bool separator = false;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digit = true;
        } else if ((c == '.' || c == ',') && !separator) {
            separator = true;
        } else {
            return false;
        }
    }
    return digit;
}

/// Whole characters, counted only when the text is valid UTF-8 (a file saved as Windows-1250 is not).
std::optional<std::size_t> utf8Length(const std::string& text) {
    Poco::UTF8Encoding utf8;
    std::size_t characters = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i < text.size(); ++characters) {
        const int length = utf8.sequenceLength(bytes + i, static_cast<int>(text.size() - i));
        if (length <= 0 || i + static_cast<std::size_t>(length) > text.size() ||
            !Poco::UTF8Encoding::isLegal(bytes + i, length))
            return std::nullopt;
        i += static_cast<std::size_t>(length);
    }
    return characters;
}

bool hasControlCharacter(const std::string& text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

}  // namespace

std::string_view StockInput::trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::optional<host_api::Text> StockInput::codeProblem(const std::string& code) {
    if (code.empty()) return host_api::Text{"šifra izdelka je prazna", "the product code is empty"};
    if (hasControlCharacter(code))
        return host_api::Text{"šifra izdelka vsebuje kontrolne znake",
                              "the product code contains control characters"};
    const auto length = utf8Length(code);
    if (!length)
        return host_api::Text{"šifra izdelka ni veljaven UTF-8 (datoteko shranite kot »CSV UTF-8«)",
                              "the product code is not valid UTF-8 (save the file as \"CSV UTF-8\")"};
    if (*length > kMaxCodeLength)
        return host_api::Text{
            "šifra izdelka je daljša od " + std::to_string(kMaxCodeLength) + " znakov",
            "the product code is longer than " + std::to_string(kMaxCodeLength) + " characters"};
    return std::nullopt;
}

std::optional<sdk::Decimal> StockInput::quantity(std::string_view text, const host_api::Text& what,
                                                 host_api::Text& problem) {
    text = trimmed(text);
    const std::string shown(text);
    if (text.empty()) {
        problem = {what.sl + " manjka", what.en + " is missing"};
        return std::nullopt;
    }
    if (!looksLikeNumber(text)) {
        problem = {what.sl + " »" + shown + "« ni število (npr. 12, 2,5 ali 0.125)",
                   what.en + " \"" + shown + "\" is not a number (e.g. 12, 2.5 or 2,5)"};
        return std::nullopt;
    }
    std::string normalized(text);
    for (char& c : normalized)
        if (c == ',') c = '.';
    const auto value = sdk::Decimal::parse(normalized);
    if (!value) {
        const std::string places = std::to_string(sdk::Decimal::kMaxScale);
        problem = {
            what.sl + " »" + shown + "« je preveliko število ali ima več kot " + places + " decimalnih mest",
            what.en + " \"" + shown + "\" is too large or has more than " + places + " decimals"};
        return std::nullopt;
    }
    if (value->isNegative()) {
        problem = {what.sl + ": negativna količina ni dovoljena (" + shown + ")",
                   what.en + " may not be negative (" + shown + ")"};
        return std::nullopt;
    }
    return value;
}

std::optional<host_api::Text> StockInput::entry(std::string_view code, std::string_view onHand,
                                                std::string_view reserved, StockEntry& out) {
    std::optional<host_api::Text> problems;
    out.productCode = std::string(trimmed(code));
    if (auto problem = codeProblem(out.productCode)) append(problems, *problem);
    host_api::Text problem;
    if (auto value = quantity(onHand, kOnHand, problem))
        out.onHand = *value;
    else
        append(problems, problem);
    if (trimmed(reserved).empty())
        out.reserved = sdk::Decimal();
    else if (auto value = quantity(reserved, kReserved, problem))
        out.reserved = *value;
    else
        append(problems, problem);
    return problems;
}

}  // namespace estore::host
