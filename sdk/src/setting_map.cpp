#include "estore/sdk/setting_map.h"

#include <Poco/String.h>

#include "estore/sdk/text.h"

#include <algorithm>
#include <cctype>

namespace estore::sdk {

namespace {

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
    return Poco::icompare(a, b) == 0;
}

bool SettingMapEntry::hasFlag(std::string_view flag) const {
    return std::find(flags.begin(), flags.end(), Poco::toLower(std::string(flag))) != flags.end();
}

const SettingMapEntry* SettingMap::find(std::string_view key) const {
    for (const auto& entry : entries)
        if (equalsIgnoringCase(entry.key, trimmedView(key))) return &entry;
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
        const std::string_view entry = trimmedView(raw);
        if (entry.empty()) continue;
        const auto equals = entry.find('=');
        if (equals == std::string_view::npos) {
            result.problem =
                problem(entry, "manjka '=' (oblika: ključ=vrednost).", "'=' is missing (form: key=value).");
            return result;
        }
        SettingMapEntry parsed;
        parsed.key = std::string(trimmedView(entry.substr(0, equals)));
        const auto parts = split(entry.substr(equals + 1), ":");
        parsed.value = std::string(trimmedView(parts.front()));
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (!trimmedView(parts[i]).empty())
                parsed.flags.push_back(Poco::toLower(std::string(trimmedView(parts[i]))));
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
