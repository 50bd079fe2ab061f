#pragma once
// The plugins the admin pages use, shared by the server's threads: a platform is loaded once, under a
// lock; its store object may then be called from several threads at once (host_api/README.md).
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "estore/host/plugins/plugin_registry.h"

namespace estore::host {

class AdminPlugins {
public:
    explicit AdminPlugins(std::filesystem::path pluginDir) : _registry(std::move(pluginDir)) {}

    /// The platforms' manifests, read without loading any code (the "Dodaj elektronsko trgovino" menu).
    std::vector<sdk::Manifest> platforms() const;
    /// The platform's store object and manifest, loading it on first use; nullopt with the loader's
    /// reason in `error` when it cannot be loaded.
    struct Open {
        host_api::ElectronicStore* store;
        const sdk::Manifest* manifest;
    };
    std::optional<Open> open(const std::string& platformId, std::string& error);

private:
    mutable std::mutex _mutex;
    PluginRegistry _registry;
};

}  // namespace estore::host
