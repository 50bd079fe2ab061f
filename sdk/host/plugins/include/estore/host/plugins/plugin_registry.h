#pragma once
// The platforms this host can load, from one plugin folder. Each platform's library is loaded once,
// on first use, and one store object per platform serves every store of that platform (the plugin
// keeps no per-store state: everything comes in with the call).
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "estore/sdk/plugin_loader.h"

namespace estore::host {

class PluginRegistry {
public:
    explicit PluginRegistry(std::filesystem::path pluginDir) : _dir(std::move(pluginDir)) {}

    const std::filesystem::path& directory() const { return _dir; }

    /// Every manifest in the folder, read without loading code.
    std::vector<sdk::DiscoveredPlugin> discover() const;

    /// Loads the platform's plugin (once) and creates its store object; nullopt when ready.
    std::optional<sdk::LoadError> open(const std::string& platformId);
    /// The open platform's store object and manifest (open() must have succeeded).
    host_api::ElectronicStore& store(const std::string& platformId);
    const sdk::Manifest& manifest(const std::string& platformId);

private:
    struct Entry {
        std::shared_ptr<sdk::LoadedPlugin> plugin;
        sdk::StoreHandle store;
    };

    std::filesystem::path _dir;
    sdk::PluginLoader _loader;
    std::map<std::string, Entry> _entries;
};

}  // namespace estore::host
