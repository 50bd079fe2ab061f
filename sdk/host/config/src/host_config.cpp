#include "estore/host/config/host_config.h"

#include "estore/sdk/int_setting.h"

#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>
#include <stdexcept>

#include <cstdlib>
#include <iostream>

#include "estore/host/core/error_text.h"
#include "estore/host/storage/database.h"

using namespace Poco::Data::Keywords;

namespace estore::host {

namespace {

struct EnvironmentKey {
    const char* key;
    const char* variable;
};

const EnvironmentKey kEnvironment[] = {
    {"wix.api_base_url", "WIX_API_BASE_URL"},
    {"wix.ca_file", "WIX_CA_FILE"},
};

const std::map<std::string, std::string> kDefaults = {
    {"wix.api_base_url", "https://www.wixapis.com"},
};

bool isPrivate(const std::string& key) {
    // Poco's own branches hold the whole environment and the command line: not for plugins.
    return key.rfind("system.", 0) == 0 || key.rfind("application.", 0) == 0;
}

}  // namespace

bool HostConfig::isFileOnly(const std::string& key) {
    // Whoever can write to the database (a plugin's SQL? a stolen database password?) must not be able
    // to send the API keys elsewhere, load other code, trust another CA or read mail: these come only
    // from the configuration file, the environment or the program itself.
    static const char* const kFileOnly[] = {
        "host.plugins_dir",    "host.secret_key_file",
        "host.webhook_bind",   "host.webhook_journal_dir",
        "host.public_url",     "wix.api_base_url",
        "wix.ca_file",         "mail.smtp_host",
        "mail.smtp_port",      "mail.from",
        "mail.outbox_dir",     "fiscal.furs_url",
        "fiscal.furs_ca_file", "fiscal.certificate",
        "fiscal.private_key",  "fiscal.key_password",
    };
    for (const char* fileOnly : kFileOnly)
        if (key == fileOnly) return true;
    return false;
}

std::optional<std::string> HostConfig::get(const std::string& key) {
    try {
        if (isPrivate(key)) return std::nullopt;
        return lookup(key);
    } catch (const std::exception& e) {
        std::cerr << "estore-host: config key " << key << " could not be read: " << errorText(e) << "\n";
        return std::nullopt;
    }
}

std::optional<std::string> HostConfig::lookup(const std::string& key) {
    if (auto it = _overrides.find(key); it != _overrides.end()) return it->second;
    for (const auto& entry : kEnvironment) {
        if (key != entry.key) continue;
        const char* value = std::getenv(entry.variable);
        if (value && *value) return std::string(value);
    }
    if (auto it = _stored.find(key); it != _stored.end()) return it->second;
    if (_file && _file->hasProperty(key)) return _file->getString(key);
    if (auto it = kDefaults.find(key); it != kDefaults.end()) return it->second;
    return std::nullopt;
}

std::string HostConfig::getString(const std::string& key, const std::string& fallback) {
    auto value = lookup(key);
    return value ? *value : fallback;
}

host_api::Text ConfigError::textOf(const std::exception& e) {
    if (const auto* config = dynamic_cast<const ConfigError*>(&e)) return config->message();
    const std::string text = errorText(e);
    return {text, text};
}

std::int64_t HostConfig::getInt(const std::string& key, std::int64_t fallback) {
    const sdk::IntSetting setting = sdk::readIntSetting(this, key, fallback);
    if (!setting.ok()) throw ConfigError(key, *setting.problem);
    return setting.value;
}

std::int64_t HostConfig::getIntBetween(const std::string& key, std::int64_t fallback, std::int64_t least,
                                       std::int64_t most) {
    const std::int64_t value = getInt(key, fallback);
    if (value < least || value > most)
        throw ConfigError(key, {key + " mora biti med " + std::to_string(least) + " in " +
                                    std::to_string(most) + " (je " + std::to_string(value) + ").",
                                key + " must be between " + std::to_string(least) + " and " +
                                    std::to_string(most) + " (it is " + std::to_string(value) + ")."});
    return value;
}

void HostConfig::loadStored(Database& db) {
    std::vector<Poco::Tuple<std::string, std::string>> rows;
    db.session() << "SELECT name, value FROM host_config", into(rows), now;
    _stored.clear();
    for (const auto& row : rows) {
        if (isFileOnly(row.get<0>())) {
            std::cerr << "estore-host: the database's host_config sets " << row.get<0>()
                      << ", which is taken only from the configuration file or the environment; ignored\n";
            continue;
        }
        _stored[row.get<0>()] = row.get<1>();
    }
}

}  // namespace estore::host
