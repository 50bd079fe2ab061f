#pragma once
// Every key the host reads from its configuration, with its default and what it is for: `estore-host
// config check` lists them with where each value comes from and refuses a key nobody reads, naming the
// nearest known one (issue 18). A plugin's own keys (under its platform id, e.g. wix.*) are the plugin's;
// the host lists them but cannot check them (manifests do not declare them).
#include <optional>
#include <string>
#include <vector>

namespace estore::host {

struct ConfigKey {
    std::string key;           ///< "host.webhook_port"; a trailing "*" is a family ("host.job_interval.*")
    std::string defaultValue;  ///< as text; empty when there is none
    std::string help;          ///< one line, English
    bool secret = false;       ///< never printed
};

class ConfigKeys {
public:
    static const std::vector<ConfigKey>& known();
    /// The known key (or family) `key` is, if any.
    static const ConfigKey* find(const std::string& key);
    /// The known key nearest to `key` by edit distance, when it is close enough to be a typo of it.
    static std::optional<std::string> nearest(const std::string& key);
};

}  // namespace estore::host
