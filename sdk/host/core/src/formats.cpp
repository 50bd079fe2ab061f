#include "estore/host/core/formats.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>
#include <Poco/Timestamp.h>

#include <algorithm>

namespace estore::host {

namespace {
Poco::Timestamp fromMillis(std::int64_t epochMillis) {
    return Poco::Timestamp(epochMillis * 1000);
}
}  // namespace

std::string Formats::localTime(std::int64_t epochMillis) {
    if (epochMillis == 0) return "-";
    return Poco::DateTimeFormatter::format(Poco::LocalDateTime(fromMillis(epochMillis)), "%Y-%m-%d %H:%M:%S");
}

std::string Formats::isoUtc(std::int64_t epochMillis) {
    if (epochMillis == 0) return {};
    return Poco::DateTimeFormatter::format(fromMillis(epochMillis), "%Y-%m-%dT%H:%M:%SZ");
}

std::string Formats::today() {
    return Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d");
}

std::string Formats::buyerName(const host_api::Buyer& buyer) {
    if (!buyer.company.empty() && !buyer.name.empty()) return buyer.company + " (" + buyer.name + ")";
    return buyer.company.empty() ? buyer.name : buyer.company;
}

std::size_t Formats::displayWidth(const std::string& utf8) {
    // Counts code points: continuation bytes (10xxxxxx) do not start a character.
    return static_cast<std::size_t>(std::count_if(
        utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string Formats::table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            line += row[i];
            if (i + 1 < row.size()) line += std::string(widths[i] - displayWidth(row[i]) + 2, ' ');
        }
        out += line + "\n";
    }
    return out;
}

}  // namespace estore::host
