#pragma once
// Builds a new store's settings from the platform's dialog fields: defaults first ("today" for a date
// means the day the store is added), then what the user gave. Values of secret fields go to a map of
// their own and never into the settings.
#include <string>
#include <vector>

#include "estore/host_api/values.h"

namespace estore::host {

class SettingsBuilder {
public:
    SettingsBuilder(std::vector<host_api::FieldSpec> fields, const std::string& today);

    /// Splits "key=value"; false when there is no '=' or no key.
    static bool parseAssignment(const std::string& text, std::string& key, std::string& value);

    /// False when the platform has no such field, or it is not something one sets (an action button).
    bool set(const std::string& key, const std::string& value);
    bool isSettable(const std::string& key) const;

    /// Every secret field not set yet takes the environment variable ESTORE_SECRET_<FIELD ID IN CAPITALS>
    /// when it is set (ESTORE_SECRET_API_KEY): a secret need not be on a command line, where `ps` and the
    /// shell's history would show it. Returns the fields taken.
    std::vector<std::string> takeSecretsFromEnvironment();

    /// Required fields still without a value, in dialog order.
    std::vector<host_api::FieldSpec> missingRequired() const;
    std::vector<std::string> settableKeys() const;

    const host_api::Settings& settings() const { return _settings; }
    const host_api::Settings& secrets() const { return _secrets; }

private:
    const host_api::FieldSpec* field(const std::string& key) const;
    bool hasValue(const host_api::FieldSpec& field) const;

    std::vector<host_api::FieldSpec> _fields;
    host_api::Settings _settings;
    host_api::Settings _secrets;
};

/// A field's values are secret when it says so or is of the secret kind.
bool isSecretField(const host_api::FieldSpec& field);

}  // namespace estore::host
