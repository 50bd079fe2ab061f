#include "estore/sdk/int_setting.h"

#include <Poco/NumberParser.h>

namespace estore::sdk {

host_api::Outcome IntSetting::failure() const {
    return host_api::Outcome::failure(host_api::ErrorCategory::Config, code,
                                      problem.value_or(host_api::Text{}), key);
}

IntSetting parseIntSetting(const std::string& key, const std::string& text) {
    IntSetting setting{key, 0, std::nullopt};
    Poco::Int64 number = 0;
    // No thousands separator: "1,000" and "1 000" are refused like "30s".
    if (Poco::NumberParser::tryParse64(text, number, '\0')) {
        setting.value = number;
    } else {
        setting.problem = host_api::Text{"nastavitev gostitelja " + key + " = '" + text + "' ni celo število",
                                         "host setting " + key + " = '" + text + "' is not a whole number"};
    }
    return setting;
}

IntSetting readIntSetting(host_api::Config* config, const std::string& key, std::int64_t fallback) {
    const auto text = config ? config->get(key) : std::nullopt;
    if (!text) return {key, fallback, std::nullopt};
    IntSetting setting = parseIntSetting(key, *text);
    if (!setting.ok()) setting.value = fallback;
    return setting;
}

IntSetting readIntSetting(host_api::Config* config, const std::string& key, std::int64_t fallback,
                          std::int64_t least, std::int64_t most) {
    IntSetting setting = readIntSetting(config, key, fallback);
    if (!setting.ok() || (setting.value >= least && setting.value <= most)) return setting;
    const std::string range = std::to_string(least) + " … " + std::to_string(most);
    setting.problem = host_api::Text{
        "nastavitev gostitelja " + key + " = " + std::to_string(setting.value) + " ni med " + range,
        "host setting " + key + " = " + std::to_string(setting.value) + " is not between " + range};
    setting.code = "host.config.out_of_range";
    setting.value = fallback;
    return setting;
}

}  // namespace estore::sdk
