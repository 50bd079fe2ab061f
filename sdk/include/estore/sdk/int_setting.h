#pragma once
// Whole-number host settings (timeouts, retry counts, intervals), read strictly. std::stoi would read
// "30s" as 30 and "1e3" as 1; a setting like that is refused here, naming the key.
#include <cstdint>
#include <optional>
#include <string>

#include "estore/host_api/host_services.h"
#include "estore/host_api/outcome.h"

namespace estore::sdk {

struct IntSetting {
    std::string key;
    std::int64_t value = 0;                         ///< the setting, or the fallback when absent or refused
    std::optional<host_api::Text> problem;          ///< set when the text is refused; names the key
    std::string code = "host.config.not_a_number";  ///< or host.config.out_of_range

    bool ok() const { return !problem; }
    /// A `config` failure carrying the problem (its code, the key as its detail).
    host_api::Outcome failure() const;
};

/// Parses `text` (an optional sign and digits, nothing else; Poco::NumberParser::tryParse64 without a
/// thousands separator) as `key`'s value.
IntSetting parseIntSetting(const std::string& key, const std::string& text);
/// `key` from the host's configuration; the fallback when there is no configuration or no such key.
IntSetting readIntSetting(host_api::Config* config, const std::string& key, std::int64_t fallback);
/// The same, and a value outside [least, most] is refused too (host.config.out_of_range): a negative
/// timeout or a retry count of a million is a mistake, not a setting.
IntSetting readIntSetting(host_api::Config* config, const std::string& key, std::int64_t fallback,
                          std::int64_t least, std::int64_t most);

}  // namespace estore::sdk
