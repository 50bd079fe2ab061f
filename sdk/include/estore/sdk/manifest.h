#pragma once
// A plugin's manifest.json, read and checked without loading the library.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "estore/host_api/values.h"
#include "estore/host_api/version.h"

namespace estore::sdk {

struct Permission {
    std::string scope;  ///< may be empty where the platform publishes no scope id
    std::string name;
    std::string purpose;
};

struct Manifest {
    std::string id;
    std::string interfaceName;
    host_api::Text name;
    host_api::Text description;
    std::string version;
    host_api::ApiVersion hostApiMin;
    host_api::ApiVersion hostApiMax;
    std::string libraryFile;               ///< relative to directory
    std::filesystem::path directory;       ///< the folder the manifest was read from
    host_api::StoreDescriptor descriptor;  ///< fields, jobs, capabilities as the manifest declares them
    std::vector<Permission> permissions;

    std::filesystem::path libraryPath() const { return directory / libraryFile; }
    const host_api::FieldSpec* field(const std::string& id) const;
    const host_api::JobSpec* job(const std::string& id) const;
};

struct ManifestError {
    std::string path;  ///< JSON path of the offending value, e.g. "fields[3].kind"; empty for the whole file
    std::string message;  ///< English, for the log and the platform team

    std::string toString() const { return path.empty() ? message : path + ": " + message; }
};

struct ManifestResult {
    std::optional<Manifest> manifest;
    std::vector<ManifestError> errors;  ///< every problem found, not just the first

    bool ok() const { return manifest.has_value(); }
    std::string errorText() const;
};

class ManifestReader {
public:
    /// Reads `<dir>/manifest.json` or the given file.
    static ManifestResult readFile(const std::filesystem::path& path);
    /// Parses manifest text; `directory` is where the library is looked for.
    static ManifestResult parse(const std::string& json, const std::filesystem::path& directory);
};

host_api::FieldKind fieldKindFromString(const std::string& s, bool& known);
const char* fieldKindName(host_api::FieldKind kind);

}  // namespace estore::sdk
