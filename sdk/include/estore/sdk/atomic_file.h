#pragma once
#include <filesystem>
#include <string>

namespace estore::sdk {

/// Writes files atomically (a temporary file renamed over the target), so a crash never leaves half a key,
/// certificate or port file behind and a reader polling for it never reads half of it, and secrets are
/// mode 0600 from their first byte.
class AtomicFile {
public:
    /// Mode 0600: keys, .p12 files, passwords.
    static void writeSecret(const std::filesystem::path& path, const std::string& content);
    /// Mode 0644: certificates and other public data.
    static void writePublic(const std::filesystem::path& path, const std::string& content);
    /// The whole file; throws std::runtime_error naming it.
    static std::string read(const std::filesystem::path& path);

private:
    static void write(const std::filesystem::path& path, const std::string& content, unsigned mode);
};

}  // namespace estore::sdk
