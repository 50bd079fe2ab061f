#include "estore/host/plugins/plugin_registry.h"

#include <stdexcept>

namespace estore::host {

std::vector<sdk::DiscoveredPlugin> PluginRegistry::discover() const {
    return _loader.discover(_dir);
}

std::optional<sdk::LoadError> PluginRegistry::open(const std::string& platformId) {
    if (_entries.count(platformId)) return std::nullopt;
    try {
        sdk::LoadResult result = _loader.loadPlatform(_dir, platformId);
        if (!result.ok())
            return result.error
                       ? *result.error
                       : sdk::LoadError{sdk::LoadErrorCode::NoManifest,
                                        "No plugin for platform '" + platformId + "' in " + _dir.string()};
        sdk::StoreHandle store = result.plugin->createStore();
        if (!store)
            return sdk::LoadError{sdk::LoadErrorCode::CreateFailed,
                                  "The '" + platformId + "' plugin's factory returned no store object"};
        _entries[platformId] = Entry{result.plugin, std::move(store)};
        return std::nullopt;
    } catch (const std::exception& e) {
        // The loader reports by value; this only guards against a library that throws while loading.
        return sdk::LoadError{sdk::LoadErrorCode::NotALibrary,
                              "Loading the '" + platformId + "' plugin failed: " + e.what()};
    }
}

host_api::ElectronicStore& PluginRegistry::store(const std::string& platformId) {
    auto it = _entries.find(platformId);
    if (it == _entries.end()) throw std::logic_error("platform not open: " + platformId);
    return *it->second.store;
}

const sdk::Manifest& PluginRegistry::manifest(const std::string& platformId) {
    auto it = _entries.find(platformId);
    if (it == _entries.end()) throw std::logic_error("platform not open: " + platformId);
    return it->second.plugin->manifest();
}

}  // namespace estore::host
