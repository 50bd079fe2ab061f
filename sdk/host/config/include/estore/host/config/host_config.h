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
#include <string>

#include "estore/host_api/host_services.h"

namespace estore::host {

class Database;

class HostConfig final : public host_api::Config {
public:
    HostConfig() = default;
    explicit HostConfig(Poco::AutoPtr<Poco::Util::AbstractConfiguration> file) : _file(std::move(file)) {}

    std::optional<std::string> get(const std::string& key) override;

    std::string getString(const std::string& key, const std::string& fallback);
    std::int64_t getInt(const std::string& key, std::int64_t fallback);

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
