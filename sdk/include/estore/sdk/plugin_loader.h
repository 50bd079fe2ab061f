#pragma once
// Finds plugins by their manifests, checks versions, loads them with Boost.DLL and keeps each library
// loaded for as long as any object created from it lives.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/electronic_store.h"
#include "estore/host_api/version.h"
#include "estore/sdk/manifest.h"

namespace estore::sdk {

enum class LoadErrorCode {
    NoManifest,           ///< no manifest.json where one was expected
    InvalidManifest,      ///< not JSON, or a required key missing or malformed
    IncompatibleHostApi,  ///< the manifest's host_api range excludes this host
    NoLibrary,            ///< the library file named by the manifest does not exist
    NotALibrary,          ///< the file exists but cannot be loaded (dlopen failed)
    MissingSymbol,        ///< one of the four exported aliases is absent
    VersionMismatch,      ///< the library was built against another major or a newer minor API
    PlatformMismatch,     ///< the library's platform id differs from the manifest's id
    CreateFailed,         ///< the factory returned nothing
    UnsafeLocation,       ///< the library, its manifest or their folder can be written by other users
};

const char* loadErrorCodeName(LoadErrorCode code);

struct LoadError {
    LoadErrorCode code;
    std::string message;  ///< says what failed, where, and (for versions) both versions
};

class LoadedPlugin;

/// An ElectronicStore owned by the plugin; the handle keeps the library loaded until it is released.
using StoreHandle = std::shared_ptr<host_api::ElectronicStore>;

class LoadedPlugin : public std::enable_shared_from_this<LoadedPlugin> {
public:
    virtual ~LoadedPlugin() = default;
    virtual const Manifest& manifest() const = 0;
    virtual host_api::ApiVersion libraryApiVersion() const = 0;
    /// Creates a store object through the plugin's factory; nullptr when the factory fails. A plugin built
    /// against an older minor version is handed out behind an adapter (sdk/src/abi/) that reads what it
    /// passes to the host in its own layout; a current one is handed out as is.
    virtual StoreHandle createStore() = 0;
};

struct LoadResult {
    std::shared_ptr<LoadedPlugin> plugin;
    std::optional<LoadError> error;
    bool ok() const { return plugin != nullptr; }
};

struct DiscoveredPlugin {
    std::filesystem::path manifestPath;
    ManifestResult manifest;
};

class PluginLoader {
public:
    explicit PluginLoader(host_api::ApiVersion hostVersion = host_api::kApiVersion);

    /// Every `*/manifest.json` one level below pluginDir (and pluginDir/manifest.json), read without loading
    /// code.
    std::vector<DiscoveredPlugin> discover(const std::filesystem::path& pluginDir) const;

    /// Checks a manifest (file or folder holding manifest.json) against this host, without loading code.
    std::optional<LoadError> checkManifest(const std::filesystem::path& manifestPath, Manifest* out) const;

    /// Reads and checks the manifest, then loads its library. The library's API version is read before
    /// any other symbol is used.
    LoadResult load(const std::filesystem::path& manifestPath) const;

    /// Loads the plugin with the given platform id from pluginDir.
    LoadResult loadPlatform(const std::filesystem::path& pluginDir, const std::string& platformId) const;

    host_api::ApiVersion hostVersion() const { return _hostVersion; }

private:
    /// checkManifest on a manifest already read (`read`, from `file`).
    std::optional<LoadError> checkRead(const std::filesystem::path& file, const ManifestResult& read,
                                       Manifest* out) const;
    /// load() with the manifest already read and checked: loadPlatform has read it to find the platform.
    LoadResult loadChecked(Manifest manifest) const;

    host_api::ApiVersion _hostVersion;
};

}  // namespace estore::sdk
