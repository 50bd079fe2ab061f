#include "estore/host/enrollment/settings_builder.h"

#include <cctype>
#include <cstdlib>

#include "estore/sdk/settings_check.h"

namespace estore::host {

bool isSecretField(const host_api::FieldSpec& field) {
    return field.secret || field.kind == host_api::FieldKind::Secret;
}

SettingsBuilder::SettingsBuilder(std::vector<host_api::FieldSpec> fields, const std::string& today)
    : _fields(std::move(fields)), _settings(sdk::withDefaults(_fields, {}, today)) {}

bool SettingsBuilder::parseAssignment(const std::string& text, std::string& key, std::string& value) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    key = text.substr(0, eq);
    value = text.substr(eq + 1);
    return true;
}

const host_api::FieldSpec* SettingsBuilder::field(const std::string& key) const {
    for (const auto& f : _fields)
        if (f.id == key) return &f;
    return nullptr;
}

bool SettingsBuilder::isSettable(const std::string& key) const {
    const auto* f = field(key);
    return f && f->kind != host_api::FieldKind::Action;
}

bool SettingsBuilder::set(const std::string& key, const std::string& value) {
    if (!isSettable(key)) return false;
    if (isSecretField(*field(key)))
        _secrets[key] = value;
    else
        _settings[key] = value;
    return true;
}

bool SettingsBuilder::hasValue(const host_api::FieldSpec& f) const {
    const auto& map = isSecretField(f) ? _secrets : _settings;
    auto it = map.find(f.id);
    return it != map.end() && !it->second.empty();
}

std::vector<host_api::FieldSpec> SettingsBuilder::missingRequired() const {
    std::vector<host_api::FieldSpec> missing;
    for (const auto& f : _fields)
        if (f.required && isSettable(f.id) && !hasValue(f)) missing.push_back(f);
    return missing;
}

std::vector<std::string> SettingsBuilder::settableKeys() const {
    std::vector<std::string> keys;
    for (const auto& f : _fields)
        if (isSettable(f.id)) keys.push_back(f.id);
    return keys;
}

std::vector<std::string> SettingsBuilder::takeSecretsFromEnvironment() {
    std::vector<std::string> taken;
    for (const auto& f : _fields) {
        if (!isSecretField(f) || _secrets.count(f.id)) continue;
        std::string name = "ESTORE_SECRET_";
        for (char c : f.id) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (const char* value = std::getenv(name.c_str()); value && *value) {
            _secrets[f.id] = value;
            taken.push_back(f.id);
        }
    }
    return taken;
}

}  // namespace estore::host
