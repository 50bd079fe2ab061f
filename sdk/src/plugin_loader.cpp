#include "estore/sdk/plugin_loader.h"

#include <boost/dll/shared_library.hpp>

#include <sys/stat.h>

#include <algorithm>

#include "abi/older_minor_store.h"
#include "elf_exports.h"

namespace estore::sdk {

namespace fs = std::filesystem;
using host_api::ApiVersion;

const char* loadErrorCodeName(LoadErrorCode code) {
    switch (code) {
        case LoadErrorCode::NoManifest: return "no_manifest";
        case LoadErrorCode::InvalidManifest: return "invalid_manifest";
        case LoadErrorCode::IncompatibleHostApi: return "incompatible_host_api";
        case LoadErrorCode::NoLibrary: return "no_library";
        case LoadErrorCode::NotALibrary: return "not_a_library";
        case LoadErrorCode::MissingSymbol: return "missing_symbol";
        case LoadErrorCode::VersionMismatch: return "version_mismatch";
        case LoadErrorCode::PlatformMismatch: return "platform_mismatch";
        case LoadErrorCode::CreateFailed: return "create_failed";
        case LoadErrorCode::UnsafeLocation: return "unsafe_location";
    }
    return "unknown";
}

namespace {

LoadResult failure(LoadErrorCode code, std::string message) {
    LoadResult r;
    r.error = LoadError{code, std::move(message)};
    return r;
}

/// Holds the library; every store handle holds this library too, so unloading waits for the last one.
class LoadedPluginImpl final : public LoadedPlugin {
public:
    LoadedPluginImpl(Manifest manifest, std::shared_ptr<boost::dll::shared_library> library,
                     ApiVersion version)
        : _manifest(std::move(manifest)), _library(std::move(library)), _version(version) {
        _create = &_library->get_alias<host_api::CreateFn>(host_api::kSymbolCreate);
        _destroy = &_library->get_alias<host_api::DestroyFn>(host_api::kSymbolDestroy);
    }

    const Manifest& manifest() const override { return _manifest; }
    ApiVersion libraryApiVersion() const override { return _version; }

    StoreHandle createStore() override {
        host_api::ElectronicStore* raw = _create();
        if (!raw) return nullptr;
        // The deleter runs host code only: it calls the plugin's destroyer, then drops its share of the
        // library.
        StoreHandle plugin(raw, [library = _library, destroy = _destroy](host_api::ElectronicStore* store) {
            destroy(store);
        });
        if (!abi::OlderMinorStore::needed(_version)) return plugin;
        return std::make_shared<abi::OlderMinorStore>(raw, _version, std::move(plugin));
    }

private:
    Manifest _manifest;
    std::shared_ptr<boost::dll::shared_library> _library;
    ApiVersion _version;
    host_api::CreateFn* _create = nullptr;
    host_api::DestroyFn* _destroy = nullptr;
};

std::optional<LoadError> checkExportedSymbols(const fs::path& library) {
    // The dynamic symbol table, not Boost.DLL's library_info (which reads the static table that `strip`
    // removes from every packaged library); no code of the library runs.
    std::string error;
    const auto exported = elfExportedSymbols(library, &error,
                                             {host_api::kSymbolApiVersion, host_api::kSymbolPlatformId,
                                              host_api::kSymbolCreate, host_api::kSymbolDestroy});
    if (!exported)
        return LoadError{LoadErrorCode::NotALibrary,
                         "Not a loadable plugin library: " + library.string() + " (" + error + ")"};
    for (const char* name : {host_api::kSymbolApiVersion, host_api::kSymbolPlatformId,
                             host_api::kSymbolCreate, host_api::kSymbolDestroy}) {
        const auto found = exported->find(name);
        // Boost.DLL's aliases live in the section "boostdll" (BOOST_DLL_ALIAS, behind ESTORE_PLUGIN).
        if (found == exported->end() || found->second != "boostdll")
            return LoadError{LoadErrorCode::MissingSymbol,
                             "Plugin library " + library.string() + " does not export '" + name +
                                 "' (a plugin must use ESTORE_PLUGIN from estore/sdk/export.h)"};
    }
    return std::nullopt;
}

/// Code the host runs must not be replaceable by another local user: the library, the manifest that names
/// it and the folder holding them must not be writable by others (group-writable stays allowed, for a
/// deployment group).
std::optional<LoadError> checkNotWritableByOthers(const fs::path& manifest, const fs::path& library) {
    for (const fs::path& path : {library, manifest, library.parent_path()}) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) continue;
        if (st.st_mode & S_IWOTH)
            return LoadError{LoadErrorCode::UnsafeLocation,
                             "Refusing plugin code others can change: " + path.string() +
                                 " is writable by every user of this machine (chmod o-w " + path.string() +
                                 ")"};
    }
    return std::nullopt;
}

std::optional<LoadError> checkLibraryVersion(ApiVersion library, ApiVersion host, const Manifest& m) {
    const std::string both = "the plugin '" + m.id + "' was built against host API " + library.toString() +
                             ", this host implements " + host.toString();
    if (library.major != host.major)
        return LoadError{LoadErrorCode::VersionMismatch,
                         "Incompatible plugin: " + both + " (major versions differ)"};
    if (library.minor > host.minor)
        return LoadError{LoadErrorCode::VersionMismatch,
                         "Incompatible plugin: " + both + " (the plugin needs a newer host)"};
    if (library.major != m.hostApiMin.major || library.minor < m.hostApiMin.minor)
        return LoadError{LoadErrorCode::VersionMismatch,
                         "Manifest and library disagree: the manifest says host_api " +
                             m.hostApiMin.toString() + "–" + m.hostApiMax.toString() +
                             ", the library exports " + library.toString()};
    return std::nullopt;
}

}  // namespace

PluginLoader::PluginLoader(ApiVersion hostVersion) : _hostVersion(hostVersion) {}

std::vector<DiscoveredPlugin> PluginLoader::discover(const fs::path& pluginDir) const {
    std::vector<DiscoveredPlugin> found;
    std::error_code ec;
    auto consider = [&](const fs::path& manifest) {
        if (fs::is_regular_file(manifest, ec))
            found.push_back({manifest, ManifestReader::readFile(manifest)});
    };
    consider(pluginDir / "manifest.json");
    for (const auto& entry : fs::directory_iterator(pluginDir, ec))
        if (entry.is_directory(ec)) consider(entry.path() / "manifest.json");
    std::sort(found.begin(), found.end(),
              [](const auto& a, const auto& b) { return a.manifestPath < b.manifestPath; });
    return found;
}

std::optional<LoadError> PluginLoader::checkManifest(const fs::path& manifestPath, Manifest* out) const {
    std::error_code ec;
    fs::path file = fs::is_directory(manifestPath, ec) ? manifestPath / "manifest.json" : manifestPath;
    if (!fs::exists(file, ec))
        return LoadError{LoadErrorCode::NoManifest, "No plugin manifest: " + file.string() +
                                                        " does not exist (each plugin folder needs one)"};
    return checkRead(file, ManifestReader::readFile(file), out);
}

std::optional<LoadError> PluginLoader::checkRead(const fs::path& file, const ManifestResult& read,
                                                 Manifest* out) const {
    std::error_code ec;
    if (!read.ok())
        return LoadError{LoadErrorCode::InvalidManifest,
                         "Invalid manifest " + file.string() + ": " + read.errorText()};
    const Manifest& m = *read.manifest;
    if (m.hostApiMin.major != _hostVersion.major || m.hostApiMin.minor > _hostVersion.minor)
        return LoadError{LoadErrorCode::IncompatibleHostApi,
                         "Plugin '" + m.id + "' needs host API " + m.hostApiMin.toString() + "–" +
                             m.hostApiMax.toString() + ", this host implements " + _hostVersion.toString() +
                             " (manifest " + file.string() + ")"};
    if (!fs::is_regular_file(m.libraryPath(), ec))
        return LoadError{LoadErrorCode::NoLibrary, "Plugin library not found: " + m.libraryPath().string() +
                                                       " (named by " + file.string() + ")"};
    if (auto unsafe = checkNotWritableByOthers(file, m.libraryPath())) return unsafe;
    if (out) *out = m;
    return std::nullopt;
}

LoadResult PluginLoader::load(const fs::path& manifestPath) const {
    Manifest manifest;
    if (auto error = checkManifest(manifestPath, &manifest)) return failure(error->code, error->message);
    return loadChecked(std::move(manifest));
}

LoadResult PluginLoader::loadChecked(Manifest manifest) const {
    const fs::path libraryPath = manifest.libraryPath();
    if (auto error = checkExportedSymbols(libraryPath)) return failure(error->code, error->message);

    auto library = std::make_shared<boost::dll::shared_library>();
    boost::dll::fs::error_code ec;
    library->load(boost::dll::fs::path(libraryPath.string()), boost::dll::load_mode::rtld_now, ec);
    if (ec)
        return failure(LoadErrorCode::NotALibrary,
                       "Cannot load plugin library " + libraryPath.string() + ": " + ec.message());

    // The version is read before any other symbol is touched.
    const ApiVersion libraryVersion =
        ApiVersion::unpack(library->get_alias<host_api::ApiVersionFn>(host_api::kSymbolApiVersion)());
    if (auto error = checkLibraryVersion(libraryVersion, _hostVersion, manifest))
        return failure(error->code, error->message);

    const char* platform = library->get_alias<host_api::PlatformIdFn>(host_api::kSymbolPlatformId)();
    const std::string libraryPlatform = platform ? platform : "";
    if (libraryPlatform != manifest.id)
        return failure(LoadErrorCode::PlatformMismatch,
                       "Manifest and library disagree on the platform: the manifest "
                       "says '" +
                           manifest.id + "', " + libraryPath.string() + " says '" + libraryPlatform + "'");
    LoadResult result;
    result.plugin =
        std::make_shared<LoadedPluginImpl>(std::move(manifest), std::move(library), libraryVersion);
    return result;
}

LoadResult PluginLoader::loadPlatform(const fs::path& pluginDir, const std::string& platformId) const {
    for (const auto& found : discover(pluginDir)) {
        if (!found.manifest.ok() || found.manifest.manifest->id != platformId) continue;
        Manifest manifest;  // checked as load() checks it, without reading the file a second time
        if (auto error = checkRead(found.manifestPath, found.manifest, &manifest))
            return failure(error->code, error->message);
        return loadChecked(std::move(manifest));
    }
    return failure(LoadErrorCode::NoManifest,
                   "No plugin for platform '" + platformId + "' in " + pluginDir.string());
}

}  // namespace estore::sdk
