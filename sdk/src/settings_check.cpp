#include "estore/sdk/settings_check.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>

namespace estore::sdk {

using host_api::FieldError;
using host_api::FieldKind;
using host_api::FieldSpec;
using host_api::Text;

namespace {

FieldError error(const FieldSpec& f, const char* code, const std::string& sl, const std::string& en) {
    return {f.id, code, {f.label.sl + ": " + sl, f.label.en + ": " + en}};
}

std::optional<FieldError> checkFlag(const FieldSpec& f, std::string& value) {
    const std::string v = Poco::toLower(value);
    if (v == "true" || v == "1" || v == "yes" || v == "da" || v == "on") {
        value = "true";
    } else if (v == "false" || v == "0" || v == "no" || v == "ne" || v == "off") {
        value = "false";
    } else {
        return error(f, "field.flag", "vrednost mora biti true ali false, ne '" + value + "'.",
                     "the value must be true or false, not '" + value + "'.");
    }
    return std::nullopt;
}

std::optional<FieldError> checkChoice(const FieldSpec& f, const std::string& value) {
    std::string allowed;
    for (const auto& c : f.choices) {
        if (c.value == value) return std::nullopt;
        allowed += (allowed.empty() ? "" : ", ") + c.value;
    }
    return error(f, "field.choice", "'" + value + "' ni med možnostmi (" + allowed + ").",
                 "'" + value + "' is not one of the choices (" + allowed + ").");
}

std::optional<FieldError> checkHostChoice(const FieldSpec& f, const std::string& value,
                                          host_api::Company* company) {
    if (!company) return std::nullopt;
    const auto options = f.hostSource == "warehouses" ? company->warehouses() : company->costCenters();
    std::string allowed;
    for (const auto& o : options) {
        if (o.code == value) return std::nullopt;
        allowed += (allowed.empty() ? "" : ", ") + o.code;
    }
    return error(f, "field.unknown_code",
                 "'" + value + "' ne obstaja v e-računih (na voljo: " + allowed + ").",
                 "'" + value + "' does not exist in e-računi (available: " + allowed + ").");
}

}  // namespace

bool isIsoDate(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    const int year = std::stoi(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoi(text.substr(5, 2)));
    const unsigned day = static_cast<unsigned>(std::stoi(text.substr(8, 2)));
    return year >= 2000 && std::chrono::year_month_day{std::chrono::year{year} / month / day}.ok();
}

std::string isoDate(std::int64_t epochMillis) {
    const std::time_t seconds = static_cast<std::time_t>(epochMillis / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

host_api::Settings withDefaults(const std::vector<FieldSpec>& fields, host_api::Settings settings,
                                const std::string& today) {
    for (const auto& f : fields) {
        if (f.secret || f.kind == FieldKind::Secret || f.defaultValue.empty() || settings.count(f.id))
            continue;
        settings[f.id] = (f.kind == FieldKind::Date && f.defaultValue == "today") ? today : f.defaultValue;
    }
    return settings;
}

std::vector<FieldError> checkFields(const std::vector<FieldSpec>& fields, host_api::Settings& settings,
                                    host_api::Company* company) {
    std::vector<FieldError> errors;
    for (const auto& f : fields) {
        if (f.secret || f.kind == FieldKind::Action) continue;
        auto it = settings.find(f.id);
        if (it == settings.end() || it->second.empty()) {
            if (f.required)
                errors.push_back(error(f, "field.required", "polje je obvezno.", "this field is required."));
            continue;
        }
        std::optional<FieldError> problem;
        switch (f.kind) {
            case FieldKind::Flag: problem = checkFlag(f, it->second); break;
            case FieldKind::Choice: problem = checkChoice(f, it->second); break;
            case FieldKind::HostChoice: problem = checkHostChoice(f, it->second, company); break;
            case FieldKind::Date:
                if (!isIsoDate(it->second))
                    problem = error(f, "field.date",
                                    "datum mora biti v obliki LLLL-MM-DD, ne '" + it->second + "'.",
                                    "the date must look like YYYY-MM-DD, not '" + it->second + "'.");
                break;
            default: break;
        }
        if (problem) errors.push_back(*problem);
    }
    return errors;
}

}  // namespace estore::sdk
