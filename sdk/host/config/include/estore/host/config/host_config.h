#pragma once
// host_api::Config: host-wide settings, never per tenant. Looked up, first hit wins, in
//   1. overrides set by the program itself (the demo points wix.api_base_url at its sandbox),
//   2. the environment, for the few keys that have a variable (WIX_API_BASE_URL, WIX_CA_FILE),
//   3. the host_config table (settings changed at run time), except the security-relevant keys
//      (isFileOnly: where plugins, the Wix API, mail and FURS are, CA files, the secrets key),
//   4. the configuration file (--config FILE: .properties, .ini, .json, .xml),
//   5. built-in defaults (wix.api_base_url = https://www.wixapis.com).
#include <Poco/AutoPtr.h>
#include <Poco/Util/AbstractConfiguration.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

/// A configuration value the host cannot use: its key, and why in both languages (what() holds both, for
/// a log; a person reads message() in theirs).
class ConfigError : public std::invalid_argument {
public:
    ConfigError(std::string key, host_api::Text message)
        : std::invalid_argument(message.sl + " / " + message.en),
          _key(std::move(key)),
          _message(std::move(message)) {}
    const std::string& key() const { return _key; }
    const host_api::Text& message() const { return _message; }

    /// What `e` says, in both languages: a ConfigError's own message, any other error's text twice.
    static host_api::Text textOf(const std::exception& e);

private:
    std::string _key;
    host_api::Text _message;
};

class HostConfig final : public host_api::Config {
public:
    HostConfig() = default;
    explicit HostConfig(Poco::AutoPtr<Poco::Util::AbstractConfiguration> file) : _file(std::move(file)) {}

    std::optional<std::string> get(const std::string& key) override;

    std::string getString(const std::string& key, const std::string& fallback);
    /// Throws ConfigError for a value that is no whole number.
    std::int64_t getInt(const std::string& key, std::int64_t fallback);
    /// getInt, and a ConfigError naming the range for a value outside least..most.
    std::int64_t getIntBetween(const std::string& key, std::int64_t fallback, std::int64_t least,
                               std::int64_t most);

    void setOverride(const std::string& key, const std::string& value) { _overrides[key] = value; }
    /// The configuration files' settings as Poco reads them (logging.* is applied from there); null when
    /// there are none.
    const Poco::Util::AbstractConfiguration* file() const { return _file.get(); }
    /// Reads the host_config table (called once the database is open); rows of file-only keys are ignored.
    void loadStored(Database& db);
    /// Keys the host_config table cannot set.
    static bool isFileOnly(const std::string& key);

private:
    std::optional<std::string> lookup(const std::string& key);

    Poco::AutoPtr<Poco::Util::AbstractConfiguration> _file;
    std::map<std::string, std::string> _overrides;
    std::map<std::string, std::string> _stored;
};

}  // namespace estore::host
