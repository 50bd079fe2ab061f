#include "estore/sdk/setting_map.h"

#include <algorithm>
#include <cctype>

namespace estore::sdk {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separators) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || separators.find(text[i]) != std::string_view::npos) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

host_api::Text problem(std::string_view entry, const std::string& sl, const std::string& en) {
    const std::string quoted = "'" + std::string(entry) + "'";
    return {"vnos " + quoted + ": " + sl, "entry " + quoted + ": " + en};
}

}  // namespace

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool SettingMapEntry::hasFlag(std::string_view flag) const {
    return std::find(flags.begin(), flags.end(), lower(flag)) != flags.end();
}

const SettingMapEntry* SettingMap::find(std::string_view key) const {
    for (const auto& entry : entries)
        if (equalsIgnoringCase(entry.key, trimmed(key))) return &entry;
    return nullptr;
}

std::string SettingMap::toString() const {
    std::string text;
    for (const auto& entry : entries) {
        if (!text.empty()) text += "; ";
        text += entry.key + "=" + entry.value;
        for (const auto& flag : entry.flags) text += ":" + flag;
    }
    return text;
}

SettingMapParse parseSettingMap(std::string_view text) {
    SettingMapParse result;
    for (std::string_view raw : split(text, ";\n")) {
        const std::string_view entry = trimmed(raw);
        if (entry.empty()) continue;
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            result.problem =
                problem(entry, "manjka '=' (oblika: ključ=vrednost).", "'=' is missing (form: key=value).");
            return result;
        }
        SettingMapEntry parsed;
        parsed.key = std::string(trimmed(entry.substr(0, equals)));
        const auto parts = split(entry.substr(equals + 1), ":");
        parsed.value = std::string(trimmed(parts.front()));
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (!trimmed(parts[i]).empty()) parsed.flags.push_back(lower(trimmed(parts[i])));
        if (parsed.key.empty() || parsed.value.empty()) {
            result.problem =
                problem(entry, "ključ in vrednost ne smeta biti prazna.", "key and value must not be empty.");
            return result;
        }
        if (result.map.find(parsed.key)) {
            result.problem = problem(entry, "ključ je naveden dvakrat.", "the key is given twice.");
            return result;
        }
        result.map.entries.push_back(std::move(parsed));
    }
    return result;
}

}  // namespace estore::sdk
